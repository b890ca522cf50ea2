using System.Diagnostics;
using System.Globalization;
using System.Text;
using EmulationPortal.Data;
using EmulationPortal.Search;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace EmulationPortal.Benchmarks;

internal sealed record SearchSettings(string Database, int Runs, int Warmup, string Engine, string? OutFile);

/// <summary>One search as the results page asks for it, with the words a person would type.</summary>
internal sealed record SearchCase(string Name, string? Query, SearchGroup? Group, int? Year, int Page)
{
    public SearchRequest Request => new(Query, Group, Year, Page);

    /// <summary>The results page's address for the same search (GET /tim-kiem).</summary>
    public string Path
    {
        get
        {
            var path = new StringBuilder("/tim-kiem?q=").Append(Uri.EscapeDataString(Query ?? string.Empty));
            if (Group is { } group)
            {
                path.Append("&nhom=").Append(SearchCases.Slug(group));
            }

            if (Year is { } year)
            {
                path.Append(CultureInfo.InvariantCulture, $"&nam={year}");
            }

            if (Page > 1)
            {
                path.Append(CultureInfo.InvariantCulture, $"&trang={Page}");
            }

            return path.ToString();
        }
    }
}

/// <summary>The searches measured in-process (<c>search</c>) and over HTTP (<c>measure --pages search</c>).</summary>
internal static class SearchCases
{
    /// <summary>A rare word: the fill mentions the xòe dance in about one article in 4,000.</summary>
    public const string RareWord = "xòe";

    public static string Slug(SearchGroup group) => group switch
    {
        SearchGroup.Campaigns => "phong-trao",
        SearchGroup.News => "tin-tuc",
        SearchGroup.Documents => "van-ban",
        _ => "vinh-danh",
    };

    public static List<SearchCase> For(string file)
    {
        var number = SeededNumber(file);
        var year = DateTime.UtcNow.Year - 3;
        return
        [
            new("common, unaccented: thi dua", "thi dua", null, null, 1),
            new("common, accented: khen thưởng", "khen thưởng", null, null, 1),
            new($"document number: {number}", number, null, null, 1),
            new($"rare word: {RareWord}", RareWord, null, null, 1),
            new("quoted phrase: \"thi đua yêu nước\"", "\"thi đua yêu nước\"", null, null, 1),
            new("4 words, unaccented: le hoi truyen thong", "le hoi truyen thong", null, null, 1),
            new("thi dua, nhom=tin-tuc, page 1", "thi dua", SearchGroup.News, null, 1),
            new("thi dua, nhom=tin-tuc, page 50", "thi dua", SearchGroup.News, null, 50),
            new($"khen thưởng, nam={year}", "khen thưởng", null, year, 1),
            new("no match: quaxyzw", "quaxyzw", null, null, 1),
        ];
    }

    /// <summary>The number of a recent "Kế hoạch" of the province (several years share it, as real numbering does).</summary>
    private static string SeededNumber(string file)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Number" FROM "Documents" WHERE "Number" LIKE '%/KH-UBND' ORDER BY "Id" DESC LIMIT 1""";
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new ArgumentException("The database holds no documents: fill it with --articles 100000 --documents 20000.");
        }

        return reader.GetString(0);
    }
}

/// <summary>
/// <c>search</c>: <see cref="SearchService.SearchAsync"/> in-process through the app's registration (no HTTP, no
/// Razor), a fresh DI scope per call as a request would have. Then a second pass with the engine wrapped in a timer,
/// which splits each search into its FTS calls (count, keys per tier) and the rest (EF queries for the years, hidden
/// entries, number matches, hits and highlighting).
/// </summary>
internal static class SearchBenchmark
{
    private const int DetailRuns = 30;

    public static async Task RunAsync(SearchSettings settings)
    {
        var file = Path.GetFullPath(settings.Database);
        if (!File.Exists(file))
        {
            throw new ArgumentException($"--db must name an existing {BenchmarkData.DatabaseFileName} made by 'fill --articles … --documents …'.");
        }

        if (settings.Engine is not ("fts5" or "folded"))
        {
            throw new ArgumentException("--engine must be fts5 (SQLite's) or folded (the server engine, forced on SQLite).");
        }

        var folder = Path.GetDirectoryName(file)!;
        var cases = SearchCases.For(file);
        var extra = settings.Engine == "folded" ? new Dictionary<string, string?> { ["Search:Engine"] = "Folded" } : null;
        await using var app = Filler.BuildApp(folder, extra: extra);
        var (entries, articles, documents) = Sizes(file);
        Console.WriteLine($"{file}: {new FileInfo(file).Length / 1024.0 / 1024.0:N0} MB, {entries:N0} search entries ({articles:N0} articles, {documents:N0} documents); engine {settings.Engine}");

        var rows = new List<(SearchCase Case, double[] Times, int Total, Detail Detail)>();
        var all = new List<double>();
        foreach (var search in cases)
        {
            var total = 0;
            var times = new double[settings.Runs];
            for (var i = 0; i < settings.Warmup + settings.Runs; i++)
            {
                using var scope = app.Services.CreateScope();
                var service = scope.ServiceProvider.GetRequiredService<SearchService>();
                var watch = Stopwatch.StartNew();
                var result = await service.SearchAsync(search.Request);
                var ms = watch.Elapsed.TotalMilliseconds;
                total = result.Total;
                if (i >= settings.Warmup)
                {
                    times[i - settings.Warmup] = ms;
                }
            }

            Array.Sort(times);
            all.AddRange(times);
            var detail = settings.Engine == "fts5" ? await DetailAsync(app.Services, search) : Detail.None;
            rows.Add((search, times, total, detail));
            Console.WriteLine($"  {search.Name,-48} results {total,7:N0}   p50 {Percentile(times, 50),7:F1}   p95 {Percentile(times, 95),7:F1}   p99 {Percentile(times, 99),7:F1} ms");
        }

        all.Sort();
        var table = Table(file, settings, entries, articles, documents, rows, all.ToArray());
        Console.WriteLine();
        Console.WriteLine(table);
        if (settings.OutFile is { } outFile)
        {
            await File.WriteAllTextAsync(outFile, table);
        }
    }

    private static async Task<Detail> DetailAsync(IServiceProvider services, SearchCase search)
    {
        var calls = new List<EngineCall>();
        var totals = new List<double>();
        for (var i = 0; i < DetailRuns; i++)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var timed = new TimedEngine(new Fts5SearchEngine(db));
            var service = new SearchService(db, timed, scope.ServiceProvider.GetRequiredService<TimeProvider>());
            var watch = Stopwatch.StartNew();
            await service.SearchAsync(search.Request);
            totals.Add(watch.Elapsed.TotalMilliseconds);
            calls.AddRange(timed.Calls);
        }

        totals.Sort();
        var perSearch = calls.Count / (double)DetailRuns;
        var countMs = calls.Where(c => c.Method == "Count").Sum(c => c.Ms) / DetailRuns;
        var keysMs = calls.Where(c => c.Method == "Keys").Sum(c => c.Ms) / DetailRuns;
        var slowest = calls.GroupBy(c => c.Label).Select(g => (g.Key, Ms: g.Sum(c => c.Ms) / DetailRuns)).OrderByDescending(g => g.Ms).First();
        return new Detail(perSearch, countMs, keysMs, totals.Average(), slowest.Key, slowest.Ms);
    }

    private static (long Entries, long Articles, long Documents) Sizes(string file)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT (SELECT COUNT(*) FROM "SearchEntries"), (SELECT COUNT(*) FROM "Articles"), (SELECT COUNT(*) FROM "Documents")""";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    internal static double Percentile(double[] sorted, int percentile)
    {
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    private static string Table(
        string file, SearchSettings settings, long entries, long articles, long documents,
        List<(SearchCase Case, double[] Times, int Total, Detail Detail)> rows, double[] all)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"Database: {file} ({new FileInfo(file).Length / 1024.0 / 1024.0:F0} MB; {articles:N0} articles, {documents:N0} documents, {entries:N0} search entries); engine {settings.Engine}; {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average {LoadAverage()}");
        sb.AppendLine(inv, $"SearchService.SearchAsync in-process, {settings.Warmup} warm-up + {settings.Runs} measured calls per search, one at a time, a new DI scope per call (ms).");
        if (settings.Engine == "fts5")
        {
            sb.AppendLine(inv, $"Engine columns: a second pass of {DetailRuns} calls with the FTS engine timed: engine calls per search, mean ms in CountAsync and KeysAsync, the rest (EF queries, highlighting), and the costliest call.");
        }

        sb.AppendLine();
        sb.AppendLine("| search | results | p50 | p95 | p99 | max | FTS calls | count ms | keys ms | other ms | costliest call |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (search, times, total, d) in rows)
        {
            var detail = d.Calls > 0
                ? string.Create(inv, $"{d.Calls:F0} | {d.CountMs:F1} | {d.KeysMs:F1} | {Math.Max(0, d.MeanTotal - d.CountMs - d.KeysMs):F1} | {d.Slowest} {d.SlowestMs:F1}")
                : "– | – | – | – | –";
            sb.AppendLine(inv, $"| {search.Name.Replace("|", "\\|", StringComparison.Ordinal)} | {total:N0} | {Percentile(times, 50):F1} | {Percentile(times, 95):F1} | {Percentile(times, 99):F1} | {times[^1]:F1} | {detail} |");
        }

        sb.AppendLine(inv, $"| **all searches** | | **{Percentile(all, 50):F1}** | **{Percentile(all, 95):F1}** | **{Percentile(all, 99):F1}** | {all[^1]:F1} | | | | | |");
        return sb.ToString();
    }

    internal static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private sealed record Detail(double Calls, double CountMs, double KeysMs, double MeanTotal, string Slowest, double SlowestMs)
    {
        public static Detail None { get; } = new(0, 0, 0, 0, string.Empty, 0);
    }
}

internal sealed record EngineCall(string Method, string Label, double Ms);

/// <summary>The FTS engine with a stopwatch around each call, labelled by method, group, tier and offset.</summary>
internal sealed class TimedEngine(ISearchEngine inner) : ISearchEngine
{
    public List<EngineCall> Calls { get; } = [];

    public async Task<int> CountAsync(SearchScope scope, SearchTier? tier, int limit, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var count = await inner.CountAsync(scope, tier, limit, cancellationToken);
        Calls.Add(new EngineCall("Count", $"Count({scope.Group},{tier?.ToString() ?? "all"})", watch.Elapsed.TotalMilliseconds));
        return count;
    }

    public async Task<List<long>> KeysAsync(SearchScope scope, SearchTier? tier, int skip, int take, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var keys = await inner.KeysAsync(scope, tier, skip, take, cancellationToken);
        Calls.Add(new EngineCall("Keys", string.Create(CultureInfo.InvariantCulture, $"Keys({scope.Group},{tier?.ToString() ?? "all"},skip {skip})"), watch.Elapsed.TotalMilliseconds));
        return keys;
    }
}
