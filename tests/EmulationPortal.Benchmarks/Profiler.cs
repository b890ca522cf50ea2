using System.Diagnostics;
using EmulationPortal.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace EmulationPortal.Benchmarks;

/// <summary>
/// <c>profile</c>: calls the dashboard's service methods in-process (no HTTP, no Razor) through the app's own
/// registration, so a slow page can be split into query time and rendering time; <c>--sql</c> logs EF's SQL.
/// </summary>
internal static class Profiler
{
    public static async Task RunAsync(string path, int runs, bool logSql, int campaignId, int unitId)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        await using var app = Filler.BuildApp(folder, logSql);
        var calls = new (string Name, Func<ReportingService, Task> Call)[]
        {
            ("CampaignsAsync(page 1) + CampaignYearsAsync + UnitsAsync", async r => { await r.CampaignsAsync(null, 1); await r.CampaignYearsAsync(); await r.UnitsAsync(); }),
            ($"CampaignAsync({campaignId})", r => r.CampaignAsync(campaignId)),
            ($"UnitAsync({unitId}, this year)", r => r.UnitAsync(unitId, null)),
            ("CommendationsAsync(all years)", r => r.CommendationsAsync(null)),
        };
        foreach (var (name, call) in calls)
        {
            var times = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                using var scope = app.Services.CreateScope();
                // Without the dashboard cache: this measures the reads behind a page the cache does not hold yet.
                var reports = new ReportingService(
                    scope.ServiceProvider.GetRequiredService<EmulationPortal.Data.PortalDbContext>(),
                    scope.ServiceProvider.GetRequiredService<EmulationPortal.Common.PortalClock>());
                var watch = Stopwatch.StartNew();
                await call(reports);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine($"{name,-60} first {times.Max(),8:F1} ms   median {times[times.Count / 2],8:F1} ms   min {times[0],8:F1} ms");
        }
    }
}
