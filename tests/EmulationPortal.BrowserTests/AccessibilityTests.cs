using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using EmulationPortal.Data;
using EmulationPortal.News;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmulationPortal.BrowserTests;

/// <summary>axe-core (WCAG 2.0/2.1 A and AA) over the public pages: no serious or critical violations.</summary>
public sealed class AccessibilityTests(PortalServerFixture portal) : IClassFixture<PortalServerFixture>
{
    private async Task<List<(string Name, string Url)>> PagesAsync()
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = DateTime.UtcNow;
        var campaign = await db.Campaigns.OrderBy(c => c.Id).Select(c => c.Slug).FirstAsync();
        var article = await db.Articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now).OrderByDescending(a => a.PublishedAt).Select(a => a.Slug).FirstAsync();
        var document = await db.Documents.Where(d => d.Attachments.Any()).Select(d => d.Id).FirstAsync();
        var person = await db.Commendations.Where(c => c.StaffMemberId != null).Select(c => c.StaffMemberId!.Value).FirstAsync();
        return
        [
            ("home", "/"),
            ("campaigns", "/phong-trao"),
            ("news", "/tin-tuc"),
            ("documents", "/van-ban"),
            ("honors", "/vinh-danh"),
            ("campaign-detail", "/phong-trao/" + campaign),
            ("article-detail", "/tin-tuc/" + article),
            ("document-detail", "/van-ban/" + document),
            ("person-detail", "/vinh-danh/ca-nhan/" + person),
            ("not-found", "/trang-khong-co"),
            ("login", "/dang-nhap"),
        ];
    }

    [BrowserFact]
    public async Task PublicPages_WhenScannedWithAxe_HaveNoSeriousOrCriticalViolations()
    {
        var report = new StringBuilder();
        var page = await portal.NewPageAsync();
        foreach (var (name, url) in await PagesAsync())
        {
            await page.GotoAsync(url);
            await portal.ScreenshotAsync(page, "a11y-" + name);
            var result = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            });
            foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
            {
                report.Append(url).Append(": ").Append(violation.Id).Append(" (").Append(violation.Impact).Append(") ")
                    .AppendJoin(" | ", violation.Nodes.Select(n => Describe(n.Target) + " " + n.Html)).AppendLine();
            }
        }

        await page.Context.CloseAsync();
        Assert.True(report.Length == 0, "axe found serious or critical violations:\n" + report);
    }

    private static string Describe(object? target) => target switch
    {
        null => string.Empty,
        string text => text,
        System.Collections.IEnumerable parts => string.Join(" > ", parts.Cast<object>()),
        _ => target.ToString() ?? string.Empty,
    };
}
