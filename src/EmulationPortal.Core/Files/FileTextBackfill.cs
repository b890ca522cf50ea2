using EmulationPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EmulationPortal.Files;

/// <summary>
/// Reads the text of files stored before text was read at upload (their <see cref="StoredFile.ExtractedText"/> is
/// null). Each batch is saved on its own; the save re-indexes the documents the files are attached to.
/// </summary>
public sealed class FileTextBackfill(PortalDbContext db, IFileStore store, ILogger<FileTextBackfill> logger)
{
    /// <summary>Files read per save: a batch of PDFs is held in memory only as text.</summary>
    public const int BatchSize = 20;

    /// <summary>Fills the missing texts; returns how many files were given one (possibly empty).</summary>
    public async Task<int> ExtractMissingAsync(CancellationToken cancellationToken = default)
    {
        var filled = 0;
        var missing = 0;
        var lastId = 0;
        while (true)
        {
            // By id from the last one seen: a file missing on disk stays null and is not read again in this run.
            var batch = await db.StoredFiles.Where(f => f.ExtractedText == null && f.Id > lastId)
                .OrderBy(f => f.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var file in batch)
            {
                lastId = file.Id;
                if (!FileTextExtractor.CanExtract(file.OriginalName, file.ContentType))
                {
                    file.ExtractedText = string.Empty;
                    filled++;
                    continue;
                }

                await using var content = store.OpenRead(file.StorageKey);
                if (content is null)
                {
                    // Left null: a restored copy of the file is read by a later run.
                    missing++;
                    continue;
                }

                file.ExtractedText = FileTextExtractor.Extract(content, file.OriginalName, file.ContentType, logger);
                filled++;
            }

            await db.SaveChangesAsync(cancellationToken);
            foreach (var file in batch)
            {
                db.Entry(file).State = EntityState.Detached;
            }
        }

        if (filled > 0 || missing > 0)
        {
            logger.LogInformation("Read the text of {Filled} stored files; {Missing} are missing on disk", filled, missing);
        }

        return filled;
    }
}
