using System.Globalization;

namespace EmulationPortal.Benchmarks;

/// <summary>
/// Entry point: <c>fill</c>, <c>measure</c>, <c>scale</c>, <c>search</c>, <c>search-explain</c>, <c>index-profile</c> and
/// <c>profile</c> (see <see cref="Usage"/>). Each command is a class of its own so later data sets (staff, more
/// reports: issue 6) and pages can be added beside these.
/// </summary>
internal static class BenchmarkProgram
{
    private const string Usage = """
        usage:
          fill    --scale 1|10 --db /path/portal.db [--articles 100000 --documents 20000] [--staff-per-unit 5] [--commendations 10000] [--files]
                  (--files writes each document's file, a small PDF, to <db folder>/files like the app's file store)
                  create the database with the app's migrations, fill it (plus news and documents when asked), build the search index
          measure --db /path/portal.db [--pages dashboard|search|all] [--requests 200] [--warmup 20] [--wrk-seconds 10] [--wrk-connections 8] [--out results.md]
          scale   --db /path/portal.db --portal publish/EmulationPortal.Web.dll --reference publish-ref/EmulationPortal.Benchmarks.Reference.dll
                  [--wrk-seconds 10] [--wrk-connections 32] [--warmup 100] [--warmup-seconds 5] [--trials 3] [--out scale.md] [--portal-env Name=value,Name2=value]
                  issue 6: the public pages anonymous and signed in, and the dashboard, against the reference page (needs wrk)
          search  --db /path/portal.db [--runs 200] [--warmup 20] [--engine fts5|folded] [--out search.md]
                  time SearchService.SearchAsync in-process for a fixed set of searches (needs a fill with --articles/--documents)
          search-explain --db /path/portal.db [--runs 30]   query plans and FTS5 timings of other ways to count and rank (rolled back)
          index-profile --db /path/portal.db   time the search index rebuild per kind of entry (rolled back)
          profile --db /path/portal.db [--runs 10] [--campaign 4] [--unit 3] [--sql 1]   time the dashboard's service calls in-process
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var options = Options.Parse(args.Skip(1));
        try
        {
            switch (args[0])
            {
                case "fill":
                    await Filler.RunAsync(
                        options.Require("db"), options.Int("scale", 1), options.Int("articles", 0), options.Int("documents", 0),
                        new FillCounts(options.Int("staff-per-unit", BenchmarkData.StaffPerUnit), options.Get("commendations") is null ? null : options.Int("commendations", 1), options.Has("files")));
                    return 0;
                case "measure":
                    await Measurer.RunAsync(new MeasureSettings(
                        options.Require("db"),
                        options.Int("requests", 200),
                        options.Int("warmup", 20),
                        options.Int("wrk-seconds", 10),
                        options.Int("wrk-connections", 8),
                        options.Get("out"),
                        options.Get("pages") ?? "dashboard"));
                    return 0;
                case "scale":
                    await ScaleBenchmark.RunAsync(new ScaleSettings(
                        options.Require("db"),
                        options.Require("portal"),
                        options.Require("reference"),
                        options.Int("wrk-seconds", 10),
                        options.Int("wrk-connections", 32),
                        options.Int("warmup", 100),
                        options.Get("out"),
                        options.Int("warmup-seconds", 5),
                        Math.Max(1, options.Int("trials", 3)),
                        (options.Get("portal-env") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)
                            .Select(p => p.Split('=', 2))
                            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty, StringComparer.Ordinal)));
                    return 0;
                case "search":
                    await SearchBenchmark.RunAsync(new SearchSettings(
                        options.Require("db"),
                        options.Int("runs", 200),
                        options.Int("warmup", 20),
                        options.Get("engine") ?? "fts5",
                        options.Get("out")));
                    return 0;
                case "search-explain":
                    await SearchExplain.RunAsync(options.Require("db"), options.Int("runs", 30));
                    return 0;
                case "index-profile":
                    await IndexProfiler.RunAsync(options.Require("db"));
                    return 0;
                case "profile":
                    await Profiler.RunAsync(options.Require("db"), options.Int("runs", 10), options.Get("sql") is not null, options.Int("campaign", 4), options.Int("unit", 3));
                    return 0;
                default:
                    await Console.Error.WriteLineAsync(Usage);
                    return 2;
            }
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
    }
}

/// <summary>"--name value" pairs.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static Options Parse(IEnumerable<string> args)
    {
        var options = new Options();
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                name = arg[2..];
                options._values[name] = string.Empty;
            }
            else if (name is not null)
            {
                options._values[name] = arg;
                name = null;
            }
            else
            {
                throw new ArgumentException($"Unexpected argument '{arg}'.");
            }
        }

        return options;
    }

    public string? Get(string name) => _values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public bool Has(string name) => _values.ContainsKey(name);

    public string Require(string name) => Get(name) ?? throw new ArgumentException($"--{name} is required.");

    public int Int(string name, int fallback) =>
        Get(name) is { } value
            ? int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed : throw new ArgumentException($"--{name} must be a positive number.")
            : fallback;
}
