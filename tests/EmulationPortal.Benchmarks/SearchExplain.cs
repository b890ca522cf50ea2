using System.Diagnostics;
using System.Globalization;
using EmulationPortal.Search;
using Microsoft.Data.Sqlite;

namespace EmulationPortal.Benchmarks;

/// <summary>
/// <c>search-explain</c>: where the FTS time of a search goes, and what other ways of asking would cost, on the
/// SQLite the app ships (Microsoft.Data.Sqlite's bundled library, not the sqlite3 CLI's). Prints the query plans of
/// the engine's statements, then times (median and p95 of N runs) for a few searches:
/// the four per-group counts as the service runs them; one count grouped by the kind held in the row id; counts
/// capped at 1,000; the title tiers on the full index and on a title-only FTS5 table (built in the temp schema);
/// and the counts after FTS5 'optimize' (run in a transaction that is rolled back: the file is left unchanged).
/// </summary>
internal static class SearchExplain
{
    private const int CappedAt = 1_000;

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

        var plan = new SearchScope(SearchQuery.Parse("thi dua"), SearchGroup.News, null, hidden);
        Console.WriteLine();
        Console.WriteLine("Query plans (EXPLAIN QUERY PLAN) of the engine's statements:");
        foreach (var sql in new[] { CountSql(plan), KeysSql(plan, 0, 20) })
        {
            Console.WriteLine($"  {sql}");
            foreach (var line in await PlanAsync(connection, sql, Fts5SearchEngine.MatchExpression(plan, null)))
            {
                Console.WriteLine($"    {line}");
            }
        }

        await using (var create = connection.CreateCommand())
        {
            var watch = Stopwatch.StartNew();
            create.CommandText = """
                CREATE VIRTUAL TABLE temp.TitleIndex USING fts5(TitleFolded, TitleExact, Tags, tokenize='unicode61 remove_diacritics 0');
                INSERT INTO temp.TitleIndex(rowid, TitleFolded, TitleExact, Tags) SELECT "RankKey", "TitleFolded", "TitleExact", "Tags" FROM "SearchEntries";
                """;
            await create.ExecuteNonQueryAsync();
            Console.WriteLine();
            Console.WriteLine($"Title-only FTS5 table (temp schema) built from SearchEntries in {watch.Elapsed.TotalSeconds:F1} s");
        }

        Console.WriteLine();
        Console.WriteLine("| search | 4 counts (now) | 1 count by kind | 4 counts capped at 1,000 | title tiers, news (now) | title tiers, title-only table | title tier count, news (now) | same, title-only table |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var text in searches)
        {
            var query = SearchQuery.Parse(text);
            var groups = Enum.GetValues<SearchGroup>().Select(g => new SearchScope(query, g, null, hidden)).ToArray();
            var all = new SearchScope(query, null, null, hidden);
            var news = groups[1];
            var tiers = query.HasAccents ? new[] { SearchTier.TitleExact, SearchTier.Title } : [SearchTier.Title];

            var fourCounts = await TimeAsync(runs, async () =>
            {
                foreach (var g in groups)
                {
                    await ScalarAsync(connection, CountSql(g), Fts5SearchEngine.MatchExpression(g, null));
                }
            });
            var byKind = await TimeAsync(runs, () => ScalarAsync(connection,
                $"SELECT (rowid >> 22) & 15, count(*) FROM SearchIndex WHERE SearchIndex MATCH $match{Excluding(all)} GROUP BY 1",
                Fts5SearchEngine.MatchExpression(all, null)));
            var capped = await TimeAsync(runs, async () =>
            {
                foreach (var g in groups)
                {
                    await ScalarAsync(connection,
                        string.Create(CultureInfo.InvariantCulture, $"SELECT count(*) FROM (SELECT 1 FROM SearchIndex WHERE SearchIndex MATCH $match{Excluding(g)} LIMIT {CappedAt})"),
                        Fts5SearchEngine.MatchExpression(g, null));
                }
            });
            var titleNow = await TimeAsync(runs, async () =>
            {
                foreach (var tier in tiers)
                {
                    await ScalarAsync(connection, KeysSql(news, 0, SearchService.OverviewSize), Fts5SearchEngine.MatchExpression(news, tier));
                }
            });
            var titleOnly = await TimeAsync(runs, async () =>
            {
                foreach (var tier in tiers)
                {
                    var column = tier == SearchTier.TitleExact ? "TitleExact" : "TitleFolded";
                    var words = query.ToFtsExpression(exact: tier == SearchTier.TitleExact);
                    await ScalarAsync(connection,
                        string.Create(CultureInfo.InvariantCulture, $"SELECT rowid FROM temp.TitleIndex WHERE TitleIndex MATCH $match{Excluding(news)} ORDER BY rowid DESC LIMIT {SearchService.OverviewSize}"),
                        $"{column} : ({words}) AND Tags : k{(int)SearchGroup.News}");
                }
            });
            // What a deep page pays to skip the title tier: its count.
            var titleCountNow = await TimeAsync(runs, () => ScalarAsync(connection, CountSql(news), Fts5SearchEngine.MatchExpression(news, SearchTier.Title)));
            var titleCountOnly = await TimeAsync(runs, () => ScalarAsync(connection,
                $"SELECT count(*) FROM temp.TitleIndex WHERE TitleIndex MATCH $match{Excluding(news)}",
                query.HasAccents
                    ? $"((TitleFolded : ({query.ToFtsExpression(exact: false)})) NOT (TitleExact : ({query.ToFtsExpression(exact: true)}))) AND Tags : k{(int)SearchGroup.News}"
                    : $"TitleFolded : ({query.ToFtsExpression(exact: false)}) AND Tags : k{(int)SearchGroup.News}"));
            Console.WriteLine($"| {text.Replace("|", "\\|", StringComparison.Ordinal)} | {fourCounts} | {byKind} | {capped} | {titleNow} | {titleOnly} | {titleCountNow} | {titleCountOnly} |");
        }

        // FTS5 'optimize' merges the index into one segment; measured inside a transaction that is rolled back.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using (var optimize = connection.CreateCommand())
        {
            optimize.Transaction = transaction;
            optimize.CommandText = "INSERT INTO SearchIndex(SearchIndex) VALUES('optimize')";
            var watch = Stopwatch.StartNew();
            await optimize.ExecuteNonQueryAsync();
            Console.WriteLine();
            Console.WriteLine($"After FTS5 'optimize' ({watch.Elapsed.TotalSeconds:F1} s; rolled back afterwards):");
        }

        Console.WriteLine("| search | 4 counts | title tiers, news |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var text in searches)
        {
            var query = SearchQuery.Parse(text);
            var groups = Enum.GetValues<SearchGroup>().Select(g => new SearchScope(query, g, null, hidden)).ToArray();
            var tiers = query.HasAccents ? new[] { SearchTier.TitleExact, SearchTier.Title } : [SearchTier.Title];
            var counts = await TimeAsync(runs, async () =>
            {
                foreach (var g in groups)
                {
                    await ScalarAsync(connection, CountSql(g), Fts5SearchEngine.MatchExpression(g, null), transaction);
                }
            });
            var titles = await TimeAsync(runs, async () =>
            {
                foreach (var tier in tiers)
                {
                    await ScalarAsync(connection, KeysSql(groups[1], 0, SearchService.OverviewSize), Fts5SearchEngine.MatchExpression(groups[1], tier), transaction);
                }
            });
            Console.WriteLine($"| {text} | {counts} | {titles} |");
        }

        await transaction.RollbackAsync();
    }

    private static string CountSql(SearchScope scope) => $"SELECT count(*) FROM SearchIndex WHERE SearchIndex MATCH $match{Excluding(scope)}";

    private static string KeysSql(SearchScope scope, int skip, int take) =>
        string.Create(CultureInfo.InvariantCulture, $"SELECT rowid FROM SearchIndex WHERE SearchIndex MATCH $match{Excluding(scope)} ORDER BY rowid DESC LIMIT {take} OFFSET {skip}");

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
