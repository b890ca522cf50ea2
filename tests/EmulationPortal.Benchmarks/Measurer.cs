using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace EmulationPortal.Benchmarks;

internal sealed record MeasureSettings(string Database, int Requests, int Warmup, int WrkSeconds, int WrkConnections, string? OutFile, string Pages = "dashboard");

internal sealed record PageResult(string Page, string Path, int Requests, double P50, double P95, double P99, double Max, long Bytes, WrkResult? Wrk, double[] Timings);

/// <summary>
/// <c>measure</c>: starts the published app (Release, Production) on the filled database, signs in as the Leader,
/// then measures each dashboard page: sequential requests through HttpClient, and a short wrk run when wrk is installed.
/// Loopback only; every loop is bounded.
/// </summary>
internal static partial class Measurer
{
    public static async Task RunAsync(MeasureSettings settings)
    {
        var file = Path.GetFullPath(settings.Database);
        if (!File.Exists(file) || !string.Equals(Path.GetFileName(file), BenchmarkData.DatabaseFileName, StringComparison.Ordinal))
        {
            throw new ArgumentException($"--db must name an existing {BenchmarkData.DatabaseFileName} made by 'fill'.");
        }

        if (settings.Pages is not ("dashboard" or "search" or "all"))
        {
            throw new ArgumentException("--pages must be dashboard, search or all.");
        }

        var (campaignId, unitId, campaignCells, reportCount) = PickTargets(file);
        var pages = new List<(string Name, string Path)>();
        if (settings.Pages is "dashboard" or "all")
        {
            pages.Add(("Dashboard index /bao-cao", "/bao-cao"));
            pages.Add(($"Campaign matrix ({campaignCells:N0} cells)", $"/bao-cao/phong-trao/{campaignId}"));
            pages.Add(("Unit report", $"/bao-cao/don-vi/{unitId}"));
            pages.Add(("Commendations", "/bao-cao/khen-thuong"));
        }

        // The public results page, requested signed in (a signed-in page is never served from a shared cache).
        if (settings.Pages is "search" or "all")
        {
            pages.AddRange(SearchCases.For(file).Select(c => ("Search: " + c.Name, c.Path)));
        }

        await using var server = await PortalServer.StartAsync(Path.GetDirectoryName(file)!);
        Console.WriteLine($"app ready on {server.BaseAddress} after {server.StartupTime.TotalMilliseconds:F0} ms; {reportCount:N0} progress reports in the database");

        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var cookie = await SignInAsync(client, BenchmarkData.LeaderUserName, BenchmarkData.LeaderPassword);
        var wrk = WrkRunner.Find();
        if (wrk is null)
        {
            Console.WriteLine("wrk not found (apt-get install -y wrk): only the sequential HttpClient figures are measured");
        }

        var results = new List<PageResult>();
        foreach (var (name, path) in pages)
        {
            if (path.StartsWith("/tim-kiem", StringComparison.Ordinal) && await StatusAsync(client, path, cookie) == HttpStatusCode.NotFound)
            {
                Console.WriteLine($"  skipped {path}: 404, the results page is not in this build");
                continue;
            }

            var timings = new double[settings.Requests];
            long bytes = 0;
            for (var i = 0; i < settings.Warmup + settings.Requests; i++)
            {
                var (ms, size) = await GetAsync(client, path, cookie);
                if (i >= settings.Warmup)
                {
                    timings[i - settings.Warmup] = ms;
                    bytes = size;
                }
            }

            Array.Sort(timings);
            var wrkResult = wrk is null ? null : await WrkRunner.RunAsync(wrk, new Uri(server.BaseAddress, path), cookie, settings.WrkConnections, settings.WrkSeconds);
            var result = new PageResult(name, path, settings.Requests, Percentile(timings, 50), Percentile(timings, 95), Percentile(timings, 99), timings[^1], bytes, wrkResult, timings);
            results.Add(result);
            Console.WriteLine($"  measured {path}: p50 {result.P50:F1} ms, p99 {result.P99:F1} ms{(wrkResult is null ? string.Empty : $", wrk {wrkResult.RequestsPerSecond:F0} req/s")}");
        }

        var table = Table(file, settings, server, reportCount, results);
        Console.WriteLine();
        Console.WriteLine(table);
        if (settings.OutFile is { } outFile)
        {
            await File.WriteAllTextAsync(outFile, table);
        }
    }

    /// <summary>The 2025 campaign with the most reports (all 12 rounds due, every active unit expected) and the first division.</summary>
    private static (int CampaignId, int UnitId, int Cells, long Reports) PickTargets(string file)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c."Id",
                   (SELECT COUNT(*) FROM "ReportRounds" r WHERE r."CampaignId" = c."Id"),
                   (SELECT COUNT(*) FROM "Units" u WHERE u."IsActive"),
                   (SELECT MIN("Id") FROM "Units" WHERE "Kind" = 2 AND "IsActive"),
                   (SELECT COUNT(*) FROM "ProgressReports")
            FROM "Campaigns" c
            WHERE c."StartsOn" >= $from AND c."StartsOn" <= $to
              AND NOT EXISTS (SELECT 1 FROM "CampaignExpectedUnits" e WHERE e."CampaignId" = c."Id")
            ORDER BY c."Id" LIMIT 1
            """;
        command.Parameters.AddWithValue("$from", new DateOnly(BenchmarkData.MeasuredYear, 1, 1));
        command.Parameters.AddWithValue("$to", new DateOnly(BenchmarkData.MeasuredYear, 12, 31));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new ArgumentException("The database holds no campaign of the measured year: was it made by 'fill'?");
        }

        return (reader.GetInt32(0), reader.GetInt32(3), reader.GetInt32(1) * reader.GetInt32(2), reader.GetInt64(4));
    }

    private static async Task<(double Ms, long Bytes)> GetAsync(HttpClient client, string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        var watch = Stopwatch.StartNew();
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        var body = await response.Content.ReadAsByteArrayAsync();
        var ms = watch.Elapsed.TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}; the benchmark measures only successful pages.");
        }

        return (ms, body.LongLength);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Signs in through the real form (with its antiforgery token) and returns the Cookie header to send.</summary>
    internal static async Task<string> SignInAsync(HttpClient client, string userName, string password)
    {
        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var form = await client.GetAsync(new Uri("/dang-nhap", UriKind.Relative)))
        {
            Collect(form, cookies);
            var html = await form.Content.ReadAsStringAsync();
            var token = TokenPattern().Match(html);
            if (!token.Success)
            {
                throw new InvalidOperationException("The sign-in page carries no antiforgery token.");
            }

            using var post = new HttpRequestMessage(HttpMethod.Post, "/dang-nhap")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["UserName"] = userName,
                    ["Password"] = password,
                    ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
                }),
            };
            post.Headers.Add("Cookie", Header(cookies));
            using var signedIn = await client.SendAsync(post);
            if (signedIn.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Signing in as {userName} answered {(int)signedIn.StatusCode}, not a redirect.");
            }

            Collect(signedIn, cookies);
        }

        return Header(cookies);
    }

    private static void Collect(HttpResponseMessage response, Dictionary<string, string> cookies)
    {
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            foreach (var value in values)
            {
                var pair = value.Split(';', 2)[0];
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                cookies[pair[..eq]] = pair[(eq + 1)..];
            }
        }
    }

    private static string Header(Dictionary<string, string> cookies) => string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}"));

    internal static double Percentile(double[] sorted, int percentile)
    {
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    private static string Table(string file, MeasureSettings settings, PortalServer server, long reports, List<PageResult> results)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"Database: {file} ({new FileInfo(file).Length / 1024.0 / 1024.0:F0} MB, {reports:N0} progress reports); {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average {SearchBenchmark.LoadAverage()}");
        sb.AppendLine(inv, $"Sequential: HttpClient, {settings.Warmup} warm-up + {settings.Requests} measured requests per page, one at a time. wrk: {settings.WrkConnections} connections, 2 threads, {settings.WrkSeconds} s. Startup to first 200: {server.StartupTime.TotalMilliseconds:F0} ms.");
        sb.AppendLine();
        sb.AppendLine("| page | path | requests | p50 ms | p95 ms | p99 ms | max ms | KB | wrk req/s | wrk p50 ms | wrk p99 ms | wrk non-2xx |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var wrk = r.Wrk is { } w ? string.Create(inv, $"{w.RequestsPerSecond:F1} | {w.P50:F1} | {w.P99:F1} | {w.NonSuccess}") : "– | – | – | –";
            sb.AppendLine(inv, $"| {r.Page} | `{r.Path}` | {r.Requests} | {r.P50:F1} | {r.P95:F1} | {r.P99:F1} | {r.Max:F1} | {r.Bytes / 1024.0:F0} | {wrk} |");
        }

        if (results.Count > 1)
        {
            var all = results.SelectMany(r => r.Timings).Order().ToArray();
            sb.AppendLine(inv, $"| **all pages above** | | {all.Length} | **{Percentile(all, 50):F1}** | **{Percentile(all, 95):F1}** | **{Percentile(all, 99):F1}** | {all[^1]:F1} | | | | | |");
        }

        return sb.ToString();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>The published portal as a child process on a free loopback port.</summary>
internal sealed class PortalServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private PortalServer(Process process, Uri baseAddress, TimeSpan startupTime, StringBuilder output)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
        StartupTime = startupTime;
    }

    public Uri BaseAddress { get; }

    public TimeSpan StartupTime { get; }

    public int ProcessId => _process.Id;

    /// <summary>What the child process wrote (stdout and stderr), for a log file after the run.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static Task<PortalServer> StartAsync(string dataFolder) =>
        StartAsync(
            Path.Combine(FindRepositoryRoot(), "src", "EmulationPortal.Web", "bin", "Release", "net10.0", "EmulationPortal.Web.dll"),
            PortalEnvironment(dataFolder),
            "/dang-nhap");

    /// <summary>The portal's settings for a benchmark run on the filled database (Production, no demo seed, no reminders).</summary>
    public static Dictionary<string, string> PortalEnvironment(string dataFolder) => new(StringComparer.Ordinal)
    {
        ["Database__DataFolder"] = dataFolder,
        ["Seed__DemoContent"] = "false",
        ["Seed__AdminPassword"] = "bench-admin-unused-2026",
        ["Reminders__Enabled"] = "false",
        ["Serilog__MinimumLevel__Default"] = "Warning",

        // The harness signs in afresh before each signed-in page, all from 127.0.0.1.
        ["Security__SignInRateLimit__PermitLimit"] = "1000",
    };

    /// <summary>Starts <c>dotnet {dll}</c> in Production on a free loopback port; ready at the first 200 of <paramref name="probePath"/>.</summary>
    public static async Task<PortalServer> StartAsync(string dll, IReadOnlyDictionary<string, string> environment, string probePath)
    {
        if (!File.Exists(dll))
        {
            throw new ArgumentException($"{dll} is missing: build or publish it in Release first.");
        }

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll },
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        var watch = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        using var probe = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        while (watch.Elapsed < TimeSpan.FromSeconds(120) && !process.HasExited)
        {
            try
            {
                using var response = await probe.GetAsync(new Uri(probePath, UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return new PortalServer(process, baseAddress, watch.Elapsed, output);
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(20);
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        lock (output)
        {
            throw new InvalidOperationException($"{Path.GetFileName(dll)} did not answer 200 on {probePath} within 120 s:\n" + output);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EmulationPortal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EmulationPortal.sln not found above " + AppContext.BaseDirectory);
    }
}
