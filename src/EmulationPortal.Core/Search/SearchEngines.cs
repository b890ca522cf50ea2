using System.Data.Common;
using System.Globalization;
using System.Text;
using EmulationPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EmulationPortal.Search;

/// <summary>Where the entries of one tier are looked up: FTS5 on SQLite, folded columns elsewhere.</summary>
public interface ISearchEngine
{
    /// <summary>How many entries a tier (or every match when null) holds, counting no further than <paramref name="limit"/>.</summary>
    Task<int> CountAsync(SearchScope scope, SearchTier? tier, int limit, CancellationToken cancellationToken);

    /// <summary>Rank keys of a tier (or of every match when null), newest first.</summary>
    Task<List<long>> KeysAsync(SearchScope scope, SearchTier? tier, int skip, int take, CancellationToken cancellationToken);
}

/// <summary>One query within filters: the group, the year, and the rows to leave out (hidden, or found by number).</summary>
public sealed record SearchScope(SearchQuery Query, SearchGroup? Group, int? Year, IReadOnlyCollection<long> Excluded);

/// <summary>
/// SQLite: the FTS5 table <c>SearchIndex</c> over the folded columns, row id = <see cref="SearchEntry.RankKey"/>, so
/// "newest first" is <c>ORDER BY rowid DESC</c> and a page stops reading as soon as it is full. Every word of the
/// query is quoted; filters are tokens of the <c>Tags</c> column.
/// </summary>
public sealed class Fts5SearchEngine(PortalDbContext db) : ISearchEngine
{
    public async Task<int> CountAsync(SearchScope scope, SearchTier? tier, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);

        // Counting stops at the limit: FTS5 counts by walking every match, which for a common word is most rows.
        var table = TableOf(tier);
        var sql = string.Create(CultureInfo.InvariantCulture,
            $"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH $match{Excluding(scope)} LIMIT {limit})");
        var value = await RunAsync(sql, scope, tier, static reader => reader.GetInt32(0), cancellationToken);
        return value.Count == 0 ? 0 : value[0];
    }

    public Task<List<long>> KeysAsync(SearchScope scope, SearchTier? tier, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = TableOf(tier);
        var sql = string.Create(CultureInfo.InvariantCulture,
            $"SELECT rowid FROM {table} WHERE {table} MATCH $match{Excluding(scope)} ORDER BY rowid DESC LIMIT {take} OFFSET {skip}");
        return RunAsync(sql, scope, tier, static reader => reader.GetInt64(0), cancellationToken);
    }

    /// <summary>Title tiers read the small title-only index; every-match and body tiers the full one.</summary>
    private static string TableOf(SearchTier? tier) =>
        tier is SearchTier.TitleExact or SearchTier.Title ? "SearchTitleIndex" : "SearchIndex";

    /// <summary>The MATCH expression of a tier, for the table <see cref="TableOf"/> gives; public for tests.</summary>
    public static string MatchExpression(SearchScope scope, SearchTier? tier)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var folded = scope.Query.ToFtsExpression(exact: false);
        var all = $"{{TitleFolded TextFolded}} : ({folded})";
        var title = $"TitleFolded : ({folded})";
        var titleExact = $"TitleExact : ({scope.Query.ToFtsExpression(exact: true)})";
        var filters = new StringBuilder();
        if (scope.Group is { } group)
        {
            filters.Append(CultureInfo.InvariantCulture, $" AND Tags : k{(int)group}");
        }

        if (scope.Year is { } year)
        {
            filters.Append(CultureInfo.InvariantCulture, $" AND Tags : y{year}");
        }

        var core = tier switch
        {
            null or SearchTier.Number => $"({all})",
            SearchTier.TitleExact => $"({titleExact})",
            SearchTier.Title when scope.Query.HasAccents => $"({title}) NOT ({titleExact})",
            SearchTier.Title => $"({title})",
            _ => $"({all}) NOT ({title})",
        };
        return filters.Length == 0 ? core : $"({core}){filters}";
    }

    private static string Excluding(SearchScope scope) =>
        scope.Excluded.Count == 0
            ? string.Empty
            : " AND rowid NOT IN (" + string.Join(',', scope.Excluded.Select(k => k.ToString(CultureInfo.InvariantCulture))) + ")";

    private async Task<List<T>> RunAsync<T>(string sql, SearchScope scope, SearchTier? tier, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
#pragma warning disable CA2100 // built from constants, numbers and quoted words; the user's text is a parameter
            command.CommandText = sql;
#pragma warning restore CA2100
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$match";
            parameter.Value = MatchExpression(scope, tier);
            command.Parameters.Add(parameter);
            var result = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                result.Add(read(reader));
            }

            return result;
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }
}

/// <summary>
/// Any provider (SQL Server in production): the folded, space-delimited word columns searched with
/// <c>LIKE '% word %'</c> through EF. Same tiers and order as FTS5; it reads every entry of the filtered
/// kinds, which a department's content (thousands of items) allows (docs/adr/0010-search.md).
/// </summary>
public sealed class FoldedColumnSearchEngine(PortalDbContext db) : ISearchEngine
{
    public Task<int> CountAsync(SearchScope scope, SearchTier? tier, int limit, CancellationToken cancellationToken) =>
        Filter(scope, tier).Take(limit).CountAsync(cancellationToken);

    public Task<List<long>> KeysAsync(SearchScope scope, SearchTier? tier, int skip, int take, CancellationToken cancellationToken) =>
        Filter(scope, tier).OrderByDescending(e => e.RankKey).Skip(skip).Take(take).Select(e => e.RankKey).ToListAsync(cancellationToken);

    private IQueryable<SearchEntry> Filter(SearchScope scope, SearchTier? tier)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var query = db.SearchEntries.AsNoTracking();
        if (scope.Group is { } group)
        {
            var kinds = Enum.GetValues<SearchKind>().Where(k => SearchIndexer.GroupOf(k) == group).ToList();
            query = query.Where(e => kinds.Contains(e.Kind));
        }

        if (scope.Year is { } year)
        {
            var token = string.Create(CultureInfo.InvariantCulture, $" {year} ");
            query = query.Where(e => e.Years.Contains(token));
        }

        if (scope.Excluded.Count > 0)
        {
            var excluded = scope.Excluded.ToList();
            query = query.Where(e => !excluded.Contains(e.RankKey));
        }

        foreach (var term in scope.Query.Terms)
        {
            var words = " " + string.Join(' ', term.Folded) + " ";
            query = query.Where(e => e.TitleFolded.Contains(words) || e.TextFolded.Contains(words));
        }

        var titleAll = TitleTerms(scope.Query, exact: false);
        var exactAll = TitleTerms(scope.Query, exact: true);
        return tier switch
        {
            SearchTier.TitleExact => exactAll.Aggregate(query, (q, w) => q.Where(e => e.TitleExact.Contains(w))),
            SearchTier.Title => scope.Query.HasAccents
                ? titleAll.Aggregate(query, (q, w) => q.Where(e => e.TitleFolded.Contains(w))).Where(NotAll(exactAll, exact: true))
                : titleAll.Aggregate(query, (q, w) => q.Where(e => e.TitleFolded.Contains(w))),
            SearchTier.Body => query.Where(NotAll(titleAll, exact: false)),
            _ => query,
        };
    }

    private static List<string> TitleTerms(SearchQuery query, bool exact) =>
        query.Terms.Select(t => " " + string.Join(' ', exact ? t.Exact : t.Folded) + " ").ToList();

    /// <summary>Rows where not every one of the words is in the title.</summary>
    private static System.Linq.Expressions.Expression<Func<SearchEntry, bool>> NotAll(List<string> words, bool exact)
    {
        var entry = System.Linq.Expressions.Expression.Parameter(typeof(SearchEntry), "e");
        var column = System.Linq.Expressions.Expression.Property(entry, exact ? nameof(SearchEntry.TitleExact) : nameof(SearchEntry.TitleFolded));
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        System.Linq.Expressions.Expression? all = null;
        foreach (var word in words)
        {
            var call = System.Linq.Expressions.Expression.Call(column, contains, System.Linq.Expressions.Expression.Constant(word));
            all = all is null ? call : System.Linq.Expressions.Expression.AndAlso(all, call);
        }

        return System.Linq.Expressions.Expression.Lambda<Func<SearchEntry, bool>>(
            System.Linq.Expressions.Expression.Not(all ?? System.Linq.Expressions.Expression.Constant(true)), entry);
    }
}
