using System.Security.Cryptography;
using EmulationPortal.Common;
using EmulationPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EmulationPortal.Files;

/// <summary>
/// Stores uploaded or seeded content once per SHA-256 and records it as a <see cref="StoredFile"/>, with the text of a
/// PDF or DOCX read for search.
/// </summary>
public sealed class FileService(PortalDbContext db, IFileStore store, TimeProvider clock, ILogger<FileService>? logger = null)
{
    /// <summary>Adds the file (not saved yet) or returns the existing record with the same content.</summary>
    public async Task<StoredFile> StoreAsync(Stream content, string originalName, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(buffer, cancellationToken));

        var existing = await db.StoredFiles.FirstOrDefaultAsync(f => f.Sha256 == hash, cancellationToken)
            ?? db.StoredFiles.Local.FirstOrDefault(f => f.Sha256 == hash);
        if (existing is not null && existing.ExtractedText is null)
        {
            // Stored before text was read: the same content read now (the save re-indexes its documents).
            existing.ExtractedText = FileTextExtractor.Extract(buffer, existing.OriginalName, existing.ContentType, logger);
        }

        if (existing is not null && store.OpenRead(existing.StorageKey) is { } stream)
        {
            await stream.DisposeAsync();
            return existing;
        }

        buffer.Position = 0;
        var key = await store.SaveAsync(buffer, cancellationToken);
        if (existing is not null)
        {
            // The record survived but its content was lost on disk: point it at the fresh copy.
            existing.StorageKey = key;
            return existing;
        }

        var text = FileTextExtractor.Extract(buffer, originalName, contentType, logger);
        var file = new StoredFile
        {
            OriginalName = VietnameseText.Normalize(Path.GetFileName(originalName)),
            ContentType = contentType,
            Size = buffer.Length,
            Sha256 = hash,
            StorageKey = key,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            ExtractedText = text,
        };
        db.StoredFiles.Add(file);
        return file;
    }
}
