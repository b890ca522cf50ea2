namespace EmulationPortal.BrowserTests;

/// <summary>
/// A fact that needs Chromium. Skipped when no browser is installed, unless REQUIRE_BROWSER=1 (CI), where a
/// missing browser must fail the run instead of passing it silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.Path is null && !Chromium.Required)
        {
            Skip = "Chromium is not installed (set PLAYWRIGHT_CHROMIUM_PATH or apt-get install chromium); REQUIRE_BROWSER=1 makes this a failure.";
        }
    }
}

/// <summary>Where the system Chromium is; Playwright's own browser download is not available here.</summary>
public static class Chromium
{
    public static bool Required => Environment.GetEnvironmentVariable("REQUIRE_BROWSER") == "1";

    public static string? Path
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_PATH");
            if (!string.IsNullOrEmpty(configured) && File.Exists(configured))
            {
                return configured;
            }

            return File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;
        }
    }

    public static IReadOnlyList<string> Arguments { get; } =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];
}
