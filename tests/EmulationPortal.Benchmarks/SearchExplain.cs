using System.Diagnostics;
using System.Globalization;
using EmulationPortal.Search;
using Microsoft.Data.Sqlite;

namespace EmulationPortal.Benchmarks;

/// <summary>
/// <c>search-explain</c>: where the FTS time of a search goes, on the SQLite the app ships (Microsoft.Data.Sqlite's
/// bundled library, not the sqlite3 CLI's). Prints the query plans of the engine's statements, then times (median
/// and p95 of N runs) for a few searches: the four per-group counts as the engine runs them (stopping at
/// <see cref="SearchService.MaxCount"/> + 1) and uncounted-to-the-end; one count grouped by the kind held in the row
/// id; the title tiers on the title-only index and, for comparison, on the full index; and the counts after FTS5
/// 'optimize' (run in a transaction that is rolled back: the file is left unchanged).
/// </summary>
internal static class SearchExplain
{
    public static async Task RunAsync(string path, int runs)
    {
        var file = Path.GetFullPath(path);
        if (!File.Exists(file))
        {
            throw new ArgumentException("--db must name an existing portal.db made by 'fill --articles … --documents …'.");
        }

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        await connection.OpenAsync();
        Console.WriteLine($"SQLite {connection.ServerVersion} (the app's bundled library); {runs} runs per figure, median / p95 ms");

        var hidden = await KeysAsync(connection, """SELECT "RankKey" FROM "SearchEntries" WHERE "VisibleFrom" > $now""", DateTime.UtcNow);
        var searches = new[] { "thi dua", "khen thưởng", "\"thi đua yêu nước\"", "le hoi truyen thong" };
        var limit = SearchService.MaxCount + 1;

        var plan = new SearchScope(SearchQuery.Parse("thi dua"), SearchGroup.News, null, hidden);
        Console.WriteLine();
        Console.WriteLine("Query plans (EXPLAIN QUERY PLAN) of the engine's statements:");
        foreach (var (sql, tier) in new (string, SearchTier?)[] { (CountSql("SearchIndex", plan, limit), null), (KeysSql("SearchIndex", plan, 0, 20), SearchTier.Body), (KeysSql("SearchTitleIndex", plan, 0, 20), SearchTier.Title) })
        {
            Console.WriteLine($"  {sql}");
            foreach (var line in await PlanAsync(connection, sql, Fts5SearchEngine.MatchExpression(plan, tier)))
            {
                Console.WriteLine($"    {line}");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"| search | 4 group counts, stopping at {limit:N0} (now) | 4 full counts | 1 full count grouped by kind | news title tiers, top 5, title-only index (now) | news title tier on the full index | news title-tier count to {limit:N0} (now) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var text in searches)
        {
            var query = SearchQuery.Parse(text);
            var groups = Enum.GetValues<SearchGroup>().Select(g => new SearchScope(query, g, null, hidden)).ToArray();
            var all = new SearchScope(query, null, null, hidden);
            var news = groups[1];
            var tiers = query.HasAccents ? new[] { SearchTier.TitleExact, SearchTier.Title } : [SearchTier.Title];

            var capped = await TimeAsync(runs, async () =>
            {
                foreach (var g in groups)
                {
                    await ScalarAsync(connection, CountSql("SearchIndex", g, limit), Fts5SearchEngine.MatchExpression(g, null));
                }
            });
            var full = await TimeAsync(runs, async () =>
            {
                foreach (var g in groups)
                {
                    await ScalarAsync(connection, CountSql("SearchIndex", g, null), Fts5SearchEngine.MatchExpression(g, null));
                }
            });
            var byKind = await TimeAsync(runs, () => ScalarAsync(connection,
                $"SELECT (rowid >> 22) & 15, count(*) FROM SearchIndex WHERE SearchIndex MATCH $match{Excluding(all)} GROUP BY 1",
                Fts5SearchEngine.MatchExpression(all, null)));
            var titleNow = await TimeAsync(runs, async () =>
            {
                foreach (var tier in tiers)
                {
                    await ScalarAsync(connection, KeysSql("SearchTitleIndex", news, 0, SearchService.OverviewSize), Fts5SearchEngine.MatchExpression(news, tier));
                }
            });

            // The former way: every word somewhere AND the folded words in the title, on the full index.
            var folded = query.ToFtsExpression(exact: false);
            var titleFull = await TimeAsync(runs, () => ScalarAsync(connection, KeysSql("SearchIndex", news, 0, SearchService.OverviewSize),
                $"(({{TitleFolded TextFolded}} : ({folded})) AND (TitleFolded : ({folded}))) AND Tags : k{(int)SearchGroup.News}"));
            var titleCount = await TimeAsync(runs, () => ScalarAsync(connection, CountSql("SearchTitleIndex", news, limit), Fts5SearchEngine.MatchExpression(news, SearchTier.Title)));
            Console.WriteLine($"| {text.Replace("|", "\\|", StringComparison.Ordinal)} | {capped} | {full} | {byKind} | {titleNow} | {titleFull} | {titleCount} |");
        }

        // FTS5 'optimize' merges each index into one segment; measured inside a transaction that is rolled back.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using (var optimize = connection.CreateCommand())
        {
            optimize.Transaction = transaction;
            optimize.CommandText = "INSERT INTO SearchIndex(SearchIndex) VALUES('optimize'); INSERT INTO SearchTitleIndex(SearchTitleIndex) VALUES('optimize');";
            var watch = Stopwatch.StartNew();
            await optimize.ExecuteNonQueryAsync();
            Console.WriteLine();
            Console.WriteLine($"After FTS5 'optimize' of both indexes ({watch.Elapsed.TotalSeconds:F1} s; rolled back afterwards):");
        }

        Console.WriteLine($"| search | 4 group counts, stopping at {limit:N0} | 4 full counts |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var text in searches)
        {
            var query = SearchQuery.Parse(text);
            var groups = Enum.GetValues<SearchGroup>().Select(g => new SearchScope(query, g, null, hidden)).ToArray();
            var capped = await TimeAsync(runs, async () =>
            {
                foreach (var g in groups)
                {
                    await ScalarAsync(connection, CountSql("SearchIndex", g, limit), Fts5SearchEngine.MatchExpression(g, null), transaction);
                }
            });
            var full = await TimeAsync(runs, async () =>
            {
                foreach (var g in groups)
                {
                    await ScalarAsync(connection, CountSql("SearchIndex", g, null), Fts5SearchEngine.MatchExpression(g, null), transaction);
                }
            });
            Console.WriteLine($"| {text} | {capped} | {full} |");
        }

        await transaction.RollbackAsync();
    }

    private static string CountSql(string table, SearchScope scope, int? limit) =>
        limit is { } n
            ? string.Create(CultureInfo.InvariantCulture, $"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH $match{Excluding(scope)} LIMIT {n})")
            : $"SELECT count(*) FROM {table} WHERE {table} MATCH $match{Excluding(scope)}";

    private static string KeysSql(string table, SearchScope scope, int skip, int take) =>
        string.Create(CultureInfo.InvariantCulture, $"SELECT rowid FROM {table} WHERE {table} MATCH $match{Excluding(scope)} ORDER BY rowid DESC LIMIT {take} OFFSET {skip}");

    /// <summary>As the engine writes it: hidden entries left out by row id.</summary>
    private static string Excluding(SearchScope scope) =>
        scope.Excluded.Count == 0 ? string.Empty : " AND rowid NOT IN (" + string.Join(',', scope.Excluded.Select(k => k.ToString(CultureInfo.InvariantCulture))) + ")";

    private static async Task<string> TimeAsync(int runs, Func<Task> action)
    {
        await action();
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return string.Create(CultureInfo.InvariantCulture, $"{SearchBenchmark.Percentile(times, 50):F1} / {SearchBenchmark.Percentile(times, 95):F1}");
    }

    private static async Task ScalarAsync(SqliteConnection connection, string sql, string match, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // built from constants, numbers and the engine's own match expressions (a parameter)
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Parameters.AddWithValue("$match", match);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }
    }

    private static async Task<List<string>> PlanAsync(SqliteConnection connection, string sql, string match)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // as above
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
#pragma warning restore CA2100
        command.Parameters.AddWithValue("$match", match);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(3));
        }

        return lines;
    }

    private static async Task<List<long>> KeysAsync(SqliteConnection connection, string sql, DateTime now)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // constant
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Parameters.AddWithValue("$now", now);
        var keys = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetInt64(0));
        }

        return keys;
    }
}
