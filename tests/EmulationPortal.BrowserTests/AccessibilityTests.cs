using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using EmulationPortal.Accounts;
using EmulationPortal.Data;
using EmulationPortal.News;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EmulationPortal.BrowserTests;

/// <summary>axe-core (WCAG 2.0/2.1 A and AA) over the public and the signed-in pages: no serious or critical violations.</summary>
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
            ("search", "/tim-kiem?q=thi+dua"),
            ("search-group", "/tim-kiem?q=khen+thuong&nhom=van-ban"),
            ("search-empty", "/tim-kiem"),
        ];
    }

    [BrowserFact]
    public async Task PublicPages_WhenScannedWithAxe_HaveNoSeriousOrCriticalViolations()
    {
        var page = await portal.NewPageAsync();
        var report = await ScanAsync(page, await PagesAsync());
        await page.Context.CloseAsync();
        Assert.True(report.Length == 0, "axe found serious or critical violations:\n" + report);
    }

    /// <summary>The pages behind sign-in: the admin area, the unit workspace and the leaders' dashboard.</summary>
    [BrowserFact]
    public async Task SignedInPages_WhenScannedWithAxe_HaveNoSeriousOrCriticalViolations()
    {
        int unitId;
        int campaignId;
        using (var scope = portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            campaignId = await db.ParticipationSettings.OrderBy(s => s.CampaignId).Select(s => s.CampaignId).FirstAsync();
            unitId = await db.Units.Where(u => u.Name == "Văn phòng Sở").Select(u => u.Id).FirstAsync();
        }

        var userName = await portal.CreateUserAsync("a11y-", "Người kiểm tra truy cập", unitId, Roles.Administrator, Roles.UnitReporter);
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/dang-nhap");
        await page.Locator("#UserName").FillAsync(userName);
        await page.Locator("#Password").FillAsync(PortalServerFixture.UserPassword);
        await page.Locator("form[action^='/dang-nhap'] button[type='submit']").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/$"));

        var report = await ScanAsync(page,
        [
            ("admin-dashboard", "/Admin"), ("admin-articles", "/Admin/Articles"), ("admin-article-create", "/Admin/Articles/Create"),
            ("admin-documents", "/Admin/Documents"), ("admin-document-create", "/Admin/Documents/Create"),
            ("admin-campaigns", "/Admin/Campaigns"), ("admin-commendations", "/Admin/Commendations"),
            ("admin-commendation-create", "/Admin/Commendations/Create"), ("admin-units", "/Admin/Units"), ("admin-staff", "/Admin/Staff"),
            ("admin-catalogues", "/Admin/Catalogues"), ("admin-users", "/Admin/Users"), ("admin-audit", "/Admin/Audit"), ("admin-search-index", "/Admin/SearchIndex"),
            ("admin-feedback", "/Admin/Feedback"), ("admin-participation", "/Admin/Participation"), ("admin-reminders", "/Admin/Reminders"),
            ("unit-workspace", "/don-vi"), ("reports", "/bao-cao"), ("report-campaign", "/bao-cao/phong-trao/" + campaignId),
            ("report-unit", "/bao-cao/don-vi/" + unitId), ("report-honors", "/bao-cao/khen-thuong"), ("feedback", "/phan-anh"),
        ]);
        await page.Context.CloseAsync();
        Assert.True(report.Length == 0, "axe found serious or critical violations:\n" + report);
    }

    private async Task<StringBuilder> ScanAsync(IPage page, IEnumerable<(string Name, string Url)> pages)
    {
        var report = new StringBuilder();
        foreach (var (name, url) in pages)
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

        return report;
    }

    private static string Describe(object? target) => target switch
    {
        null => string.Empty,
        string text => text,
        System.Collections.IEnumerable parts => string.Join(" > ", parts.Cast<object>()),
        _ => target.ToString() ?? string.Empty,
    };
}
