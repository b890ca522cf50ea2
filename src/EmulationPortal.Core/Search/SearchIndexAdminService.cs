using EmulationPortal.Data;
using EmulationPortal.Files;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Search;

/// <summary>How much the search index holds, compared with what it should hold.</summary>
public sealed record SearchIndexStatus(IReadOnlyList<(SearchKind Kind, int Entries)> ByKind, int Entries, int FilesWithoutText);

/// <summary>The administrator's view of the search index, and its rebuild.</summary>
public sealed class SearchIndexAdminService(PortalDbContext db, FileTextBackfill backfill)
{
    public async Task<SearchIndexStatus> StatusAsync(CancellationToken cancellationToken = default)
    {
        var counts = await db.SearchEntries.AsNoTracking().GroupBy(e => e.Kind)
            .Select(g => new { Kind = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Kind, g => g.Count, cancellationToken);
        var byKind = Enum.GetValues<SearchKind>().Select(k => (k, counts.GetValueOrDefault(k))).ToList();
        var withoutText = await db.StoredFiles.AsNoTracking().CountAsync(f => f.ExtractedText == null, cancellationToken);
        return new SearchIndexStatus(byKind, byKind.Sum(k => k.Item2), withoutText);
    }

    /// <summary>Reads the text of files not read yet, then writes the index again; returns the number of entries.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await backfill.ExtractMissingAsync(cancellationToken);

        return await db.RebuildSearchIndexAsync(cancellationToken);
    }
}
