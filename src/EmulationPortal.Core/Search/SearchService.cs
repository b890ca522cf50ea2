using EmulationPortal.Common;
using EmulationPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Search;

/// <summary>The public search: counts per group, tiers in rank order, highlighted titles and snippets.</summary>
public sealed class SearchService(PortalDbContext db, ISearchEngine engine, TimeProvider clock, PublicDataCache? cache = null)
{
    public const int PageSize = 20;

    /// <summary>Results shown per group on the overview (no group chosen).</summary>
    public const int OverviewSize = 5;

    /// <summary>Counts stop here ("more than 1,000"): nobody pages further, and counting every match of a common word is the slowest part of a search.</summary>
    public const int MaxCount = 1000;

    private const int MaxPage = MaxCount / PageSize;

    public Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        cache is null ? SearchUncachedAsync(request, cancellationToken) : cache.GetOrCreateAsync("search:" + request, () => SearchUncachedAsync(request, cancellationToken));

    private async Task<SearchResults> SearchUncachedAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = SearchQuery.Parse(request.Query);
        var years = await YearsAsync(cancellationToken);
        var year = request.Year is { } y && years.Contains(y) ? y : (int?)null;
        var page = Math.Max(1, request.Page);
        if (query.IsEmpty)
        {
            return new SearchResults(query, request.Group, year, page, 0, [], years, false);
        }

        var hidden = await HiddenAsync(cancellationToken);
        var groups = new List<SearchGroupResult>();
        var pageCount = 0;
        var outOfRange = false;
        foreach (var group in Enum.GetValues<SearchGroup>())
        {
            var byNumber = await NumberMatchesAsync(query, group, year, hidden, cancellationToken);
            var scope = new SearchScope(query, group, year, [.. hidden, .. byNumber]);
            var count = Math.Min(MaxCount + 1, byNumber.Count + await engine.CountAsync(scope, null, MaxCount + 1, cancellationToken));
            IReadOnlyList<SearchHit> hits = [];
            SearchTier? best = null;
            if (request.Group is null && count > 0)
            {
                var (keys, first) = await WindowAsync(scope, byNumber, 0, OverviewSize, cancellationToken);
                hits = await HitsAsync(query, keys, cancellationToken);
                best = first;
            }
            else if (request.Group == group && count > 0)
            {
                pageCount = Math.Min(MaxPage, (count + PageSize - 1) / PageSize);
                if (page > pageCount)
                {
                    outOfRange = true;
                }
                else
                {
                    var (keys, first) = await WindowAsync(scope, byNumber, (page - 1) * PageSize, PageSize, cancellationToken);
                    hits = await HitsAsync(query, keys, cancellationToken);
                    best = first;
                }
            }

            groups.Add(new SearchGroupResult(group, count, hits, best));
        }

        if (request.Group is not null && pageCount == 0 && page > 1)
        {
            outOfRange = true;
        }

        return new SearchResults(query, request.Group, year, page, pageCount, groups, years, outOfRange);
    }

    /// <summary>The rank keys of positions [skip, skip + take) in rank order: number, exact title, title, body.</summary>
    private async Task<(List<long> Keys, SearchTier? FirstTier)> WindowAsync(SearchScope scope, List<long> byNumber, int skip, int take, CancellationToken cancellationToken)
    {
        var keys = byNumber.Skip(skip).Take(take).ToList();
        SearchTier? firstTier = keys.Count > 0 ? SearchTier.Number : null;
        skip = Math.Max(0, skip - byNumber.Count);
        take -= keys.Count;
        SearchTier[] tiers = scope.Query.HasAccents
            ? [SearchTier.TitleExact, SearchTier.Title, SearchTier.Body]
            : [SearchTier.Title, SearchTier.Body];
        foreach (var tier in tiers)
        {
            if (take <= 0)
            {
                break;
            }

            // A tier wholly before the window is only counted; the last tier is read with an offset.
            if (skip > 0 && tier != SearchTier.Body)
            {
                var count = await engine.CountAsync(scope, tier, skip + 1, cancellationToken);
                if (skip >= count)
                {
                    skip -= count;
                    continue;
                }
            }

            var found = await engine.KeysAsync(scope, tier, skip, take, cancellationToken);
            if (found.Count > 0)
            {
                firstTier ??= tier;
            }

            keys.AddRange(found);
            take -= found.Count;
            skip = 0;
        }

        return (keys, firstTier);
    }

    private async Task<List<long>> NumberMatchesAsync(SearchQuery query, SearchGroup group, int? year, List<long> hidden, CancellationToken cancellationToken)
    {
        if (query.NumberFolded is not { } number || group != SearchGroup.Documents)
        {
            return [];
        }

        var matches = db.SearchEntries.AsNoTracking().Where(e => e.NumberFolded == number && !hidden.Contains(e.RankKey));
        if (year is { } y)
        {
            var token = $" {y} ";
            matches = matches.Where(e => e.Years.Contains(token));
        }

        return await matches.OrderByDescending(e => e.RankKey).Select(e => e.RankKey).ToListAsync(cancellationToken);
    }

    /// <summary>Entries not to show yet: articles published with a later date.</summary>
    private Task<List<long>> HiddenAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.SearchEntries.AsNoTracking().Where(e => e.VisibleFrom > now).Select(e => e.RankKey).ToListAsync(cancellationToken);
    }

    /// <summary>Years to filter by: from the oldest entry to this year.</summary>
    private async Task<List<int>> YearsAsync(CancellationToken cancellationToken)
    {
        var oldest = await db.SearchEntries.AsNoTracking().OrderBy(e => e.RankKey).Select(e => (DateOnly?)e.SortDate).FirstOrDefaultAsync(cancellationToken);
        var thisYear = clock.GetUtcNow().Year;
        var first = Math.Max(ContentRules.MinYear, Math.Min(oldest?.Year ?? thisYear, thisYear));
        return Enumerable.Range(first, thisYear - first + 1).Reverse().ToList();
    }

    private async Task<List<SearchHit>> HitsAsync(SearchQuery query, List<long> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        var rows = await db.SearchEntries.AsNoTracking().Where(e => keys.Contains(e.RankKey))
            .Select(e => new { e.RankKey, e.Kind, e.SourceId, e.Slug, e.SortDate, e.Number, e.Title, e.Text })
            .ToDictionaryAsync(e => e.RankKey, cancellationToken);
        return keys.Where(rows.ContainsKey).Select(k => rows[k]).Select(e => new SearchHit(
                e.Kind, e.SourceId, e.Slug, e.SortDate, e.Number,
                Highlighter.Whole(e.Number, query.Terms),
                Highlighter.Whole(e.Title, query.Terms),
                Highlighter.Snippet(e.Text, query.Terms)))
            .ToList();
    }
}
