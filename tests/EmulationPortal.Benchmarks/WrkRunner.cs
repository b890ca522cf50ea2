using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace EmulationPortal.Benchmarks;

internal sealed record WrkResult(double RequestsPerSecond, double P50, double P99, long Requests, string NonSuccess);

/// <summary>Debian's wrk, when installed: a fixed-length run at N connections with the signed-in cookie.</summary>
internal static partial class WrkRunner
{
    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "wrk"))
            .FirstOrDefault(File.Exists);

    /// <param name="cookie">The Cookie header to send; null for an anonymous visitor.</param>
    public static async Task<WrkResult> RunAsync(string wrk, Uri url, string? cookie, int connections, int seconds)
    {
        var start = new ProcessStartInfo(wrk)
        {
            ArgumentList = { "-t", "2", "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", $"{seconds}s", "--latency" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (cookie is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add($"Cookie: {cookie}");
        }

        start.ArgumentList.Add(url.AbsoluteUri);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await stdout + await stderr;

        var rps = RequestsPerSecond().Match(text);
        var total = TotalRequests().Match(text);
        if (!rps.Success || !total.Success)
        {
            throw new InvalidOperationException("Could not read wrk's output:\n" + text);
        }

        var errors = NonSuccess().Match(text);
        return new WrkResult(
            double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture),
            Latency(text, "50"),
            Latency(text, "99"),
            long.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture),
            errors.Success ? errors.Groups[1].Value : "0");
    }

    /// <summary>wrk prints "50%  12.34ms" (or us / s) in its latency distribution.</summary>
    private static double Latency(string text, string percentile)
    {
        var match = Regex.Match(text, $@"^\s*{percentile}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        if (!match.Success)
        {
            return double.NaN;
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex TotalRequests();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();
}
