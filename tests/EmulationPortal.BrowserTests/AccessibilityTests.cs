using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using EmulationPortal.Accounts;
using EmulationPortal.Council;
using EmulationPortal.Data;
using EmulationPortal.Decisions;
using EmulationPortal.News;
using EmulationPortal.Proposals;
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
        var certificate = await db.Certificates.OrderBy(c => c.Id).Select(c => c.Code).FirstAsync();
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
            ("verification", "/xac-thuc"),
            ("verification-certificate", "/xac-thuc/" + certificate),
            ("verification-unknown", "/xac-thuc/KHONGCOMANAY1"),
            ("consultation", "/lay-y-kien"),
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

    /// <summary>
    /// The proposal workflow's pages: the unit's proposals (a reporter of the unit whose demo proposal is still a draft,
    /// so its forms show), and the Office's, the council's, the decisions' and the certificates' pages (a user with the
    /// clerk's, specialist's, council secretary's and leader's roles, so every form of those pages shows).
    /// </summary>
    [BrowserFact]
    public async Task ProposalPages_WhenScannedWithAxe_HaveNoSeriousOrCriticalViolations()
    {
        int draftUnit;
        int draft;
        int appraising;
        int openSession;
        int issued;
        int draftDecision;
        using (var scope = portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            (draftUnit, draft) = await db.Proposals.Where(p => p.Status == ProposalStatus.Draft).OrderBy(p => p.Id).Select(p => ValueTuple.Create(p.UnitId, p.Id)).FirstAsync();
            appraising = await db.Proposals.Where(p => p.Status == ProposalStatus.UnderAppraisal).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            openSession = await db.CouncilSessions.Where(s => s.Status == CouncilSessionStatus.Open).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            issued = await db.AwardDecisions.Where(d => d.Status == DecisionStatus.Issued).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
            draftDecision = await db.AwardDecisions.Where(d => d.Status == DecisionStatus.Draft).OrderBy(d => d.Id).Select(d => (int?)d.Id).FirstOrDefaultAsync() ?? issued;
        }

        var reporter = await portal.CreateUserAsync("a11y-dv-", "Người kiểm tra truy cập (đơn vị)", draftUnit, Roles.UnitReporter);
        var office = await portal.CreateUserAsync("a11y-vp-", "Người kiểm tra truy cập (Văn phòng)", null, Roles.Editor, Roles.Specialist, Roles.CouncilSecretary, Roles.Leader);

        var page = await SignInAsync(reporter);
        var report = await ScanAsync(page, [("unit-proposals", "/don-vi/de-nghi"), ("unit-proposal", "/don-vi/de-nghi/" + draft), ("unit-proposal-create", "/don-vi/de-nghi/tao-moi")]);
        await page.Context.CloseAsync();

        page = await SignInAsync(office);
        report.Append(await ScanAsync(page,
        [
            ("admin-proposals", "/Admin/Proposals"), ("admin-proposal", "/Admin/Proposals/" + appraising),
            ("admin-council-sessions", "/Admin/CouncilSessions"), ("admin-council-session", "/Admin/CouncilSessions/Detail/" + openSession),
            ("admin-council-session-create", "/Admin/CouncilSessions/Create"),
            ("admin-decisions", "/Admin/Decisions"), ("admin-decision", "/Admin/Decisions/Details/" + issued),
            ("admin-decision-draft", "/Admin/Decisions/Details/" + draftDecision), ("admin-decision-candidates", "/Admin/Decisions/Candidates"),
            ("admin-certificates", "/Admin/Certificates"), ("admin-certificates-decision", "/Admin/Certificates/Decision/" + issued),
        ]));
        await page.Context.CloseAsync();
        Assert.True(report.Length == 0, "axe found serious or critical violations:\n" + report);
    }

    private async Task<IPage> SignInAsync(string userName)
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/dang-nhap");
        await page.Locator("#UserName").FillAsync(userName);
        await page.Locator("#Password").FillAsync(PortalServerFixture.UserPassword);
        await page.Locator("form[action^='/dang-nhap'] button[type='submit']").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/$"));
        return page;
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
