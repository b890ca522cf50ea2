using System.Globalization;
using System.Text.RegularExpressions;
using EmulationPortal.Accounts;
using EmulationPortal.Common;
using EmulationPortal.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace EmulationPortal.BrowserTests;

/// <summary>
/// Participation in Chromium, through the real pages: a unit reporter registers the unit for the year's campaign and
/// submits the report of the round due soon; a leader opens the dashboard, sees the unit on time in the unit × round
/// matrix and downloads the matrix as .xlsx.
/// </summary>
public sealed class ParticipationJourneyTests(PortalServerFixture portal) : IClassFixture<PortalServerFixture>
{

    // The demo data expects this division in the year's campaign, but it never registers (and has reported nothing).
    private const string UnitName = "Phòng Bưu chính, Viễn thông";
    private const string Commitments = "Phòng Bưu chính, Viễn thông đăng ký hoàn thành xuất sắc nhiệm vụ năm; 100% công chức đạt \"Lao động tiên tiến\"; có một sáng kiến cải cách hành chính được áp dụng.";
    private const string Narrative = "Phòng đã quán triệt kế hoạch thi đua đến từng công chức, tổ chức hai buổi sinh hoạt chuyên đề về chuyển đổi số bưu chính.";
    private const string NarrativeSecond = "Sáng kiến \"Một cửa số\" đang được thử nghiệm; đề nghị Văn phòng Sở hướng dẫn thủ tục công nhận.";

    private static readonly (string Name, string MeasureUnit, string Target, string Reported)[] Figures =
    [
        ("Số hoạt động tổ chức", "hoạt động", "10", "4"),
        ("Số người tham gia", "người", "15", "12"),
        ("Số mô hình, sáng kiến mới", "mô hình", "2", "1"),
        ("Số cá nhân được khen thưởng", "người", "3", "1"),
    ];

    [BrowserFact]
    public async Task UnitReporterRegistersAndReportsOnTime_LeaderSeesItInMatrixAndDownloadsXlsx()
    {
        var arranged = await ArrangeAsync();

        var page = await portal.NewPageAsync();
        await SignInAsync(page, arranged.Reporter, "participation-1-reporter-home");
        await OpenWorkspaceFromAccountMenuAsync(page, arranged.CampaignTitle);
        await RegisterAsync(page, arranged.CampaignTitle);
        await SubmitReportAsync(page, arranged.CampaignTitle, arranged.RoundName);
        await SignOutAsync(page);

        await SignInAsync(page, arranged.Leader, "participation-6-leader-home");
        await SeeUnitOnTimeInMatrixAsync(page, arranged);
        await DownloadMatrixAsync(page, arranged.RoundName);

        await page.Context.CloseAsync();
    }

    private sealed record Arranged(string Reporter, string Leader, string CampaignTitle, int Year, string RoundName);

    /// <summary>
    /// The two accounts, and the campaign and round as the demo data lays them out: the next round still ahead is the one
    /// "due in two days", so a report sent today is on time.
    /// </summary>
    private async Task<Arranged> ArrangeAsync()
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var today = scope.ServiceProvider.GetRequiredService<PortalClock>().Today;
        var campaignTitle = $"Thi đua thực hiện thắng lợi nhiệm vụ chính trị năm {today.Year}";

        var unit = await db.Units.SingleAsync(u => u.Name == UnitName);
        var settings = await db.ParticipationSettings.Include(s => s.Campaign).Include(s => s.ExpectedUnits)
            .SingleAsync(s => s.Campaign!.Title == campaignTitle);
        Assert.Contains(settings.ExpectedUnits, u => u.Id == unit.Id);
        Assert.False(await db.Registrations.AnyAsync(r => r.CampaignId == settings.CampaignId && r.UnitId == unit.Id), "the demo unit should not have registered");

        // The demo registration deadline is 31 March of the year: after that the page rightly refuses to register. The
        // Office extends the deadline for a late division (as it may in /Admin/Participation), so the reporter can register.
        if (settings.RegistrationDeadline is { } deadline && deadline < today)
        {
            settings.RegistrationDeadline = today.AddDays(14);
            await db.SaveChangesAsync();
        }

        var round = await db.ReportRounds.AsNoTracking()
            .Where(r => r.CampaignId == settings.CampaignId && r.DueOn >= today && !r.IsLocked)
            .OrderBy(r => r.DueOn).ThenBy(r => r.SortOrder).FirstAsync();

        var reporter = await portal.CreateUserAsync("baocao-", "Cán bộ báo cáo Phòng Bưu chính", unit.Id, Roles.UnitReporter);
        var leader = await portal.CreateUserAsync("lanhdao-", "Lãnh đạo Sở thử nghiệm", null, Roles.Leader);
        return new Arranged(reporter, leader, campaignTitle, today.Year, round.Name);
    }

    private async Task SignInAsync(IPage page, string userName, string screenshot)
    {
        await page.GotoAsync("/dang-nhap");
        await page.Locator("#UserName").FillAsync(userName);
        await page.Locator("#Password").FillAsync(PortalServerFixture.UserPassword);
        await SubmitAsync(page, page.Locator("form[action^='/dang-nhap'] button[type='submit']"), "^[^?#]*://[^/]+/$", "sign-in-" + userName);
        await Assertions.Expect(AccountMenu(page)).ToBeVisibleAsync();
        await portal.ScreenshotAsync(page, screenshot);
    }

    private static ILocator AccountMenu(IPage page) => page.Locator(".account-nav button.dropdown-toggle");

    private async Task OpenWorkspaceFromAccountMenuAsync(IPage page, string campaignTitle)
    {
        await AccountMenu(page).ClickAsync();
        var workspace = page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Thi đua của đơn vị", Exact = true });
        await Assertions.Expect(workspace).ToBeVisibleAsync();
        await workspace.ClickAsync();
        await page.WaitForURLAsync(UrlLike("/don-vi$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Thi đua của đơn vị");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Đơn vị: " + UnitName);

        var row = page.Locator("main table tbody tr", new PageLocatorOptions { HasText = campaignTitle });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Chưa đăng ký");
        await portal.ScreenshotAsync(page, "participation-2-workspace");

        await row.GetByRole(AriaRole.Link, new() { Name = campaignTitle }).ClickAsync();
        await page.WaitForURLAsync(UrlLike("/don-vi/phong-trao/\\d+$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(campaignTitle);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Hãy đăng ký thi đua trước");
    }

    private async Task RegisterAsync(IPage page, string campaignTitle)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng ký thi đua", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(UrlLike("/don-vi/phong-trao/\\d+/dang-ky$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Đăng ký thi đua");

        await page.Locator("#Commitments").FillAsync(Commitments);
        foreach (var (name, measure, target, _) in Figures)
        {
            await page.GetByLabel($"Chỉ tiêu đăng ký: {name} ({measure})", new() { Exact = true }).FillAsync(target);
        }

        await portal.ScreenshotAsync(page, "participation-3-register-form");
        await ExpectAntiforgeryTokenAsync(page, "form[action$='/dang-ky']");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Đăng ký", Exact = true }), "/don-vi/phong-trao/\\d+$", "register");

        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Đã đăng ký thi đua cho đơn vị.");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(campaignTitle);
        var registration = page.Locator("section[aria-labelledby='reg-heading']");
        await Assertions.Expect(registration).ToContainTextAsync("Đã đăng ký");
        await Assertions.Expect(registration).ToContainTextAsync(Commitments);
        await Assertions.Expect(registration).ToContainTextAsync("Số hoạt động tổ chức: 10 hoạt động");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Hãy đăng ký thi đua trước");
    }

    private async Task SubmitReportAsync(IPage page, string campaignTitle, string roundName)
    {
        var round = RoundRow(page, roundName);
        await Assertions.Expect(round).ToContainTextAsync("Sắp đến hạn");
        await round.GetByRole(AriaRole.Link, new() { Name = "Gửi báo cáo", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(UrlLike("/don-vi/bao-cao/\\d+$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Báo cáo: " + roundName);

        await page.Locator("#Narrative").FillAsync(Narrative + "\n\n" + NarrativeSecond);
        foreach (var (name, measure, _, reported) in Figures)
        {
            await page.GetByLabel($"{name} ({measure})", new() { Exact = true }).FillAsync(reported);
        }

        await portal.ScreenshotAsync(page, "participation-4-report-form");
        await ExpectAntiforgeryTokenAsync(page, "form[action^='/don-vi/bao-cao/']");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo", Exact = true }), "/don-vi/bao-cao/\\d+$", "report");

        // The form comes back with the notice, the report as saved and its standing.
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Đã gửi báo cáo.");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Đã nộp đúng hạn");
        await Assertions.Expect(page.Locator("#Narrative")).ToHaveValueAsync(Narrative + "\n\n" + NarrativeSecond);
        await Assertions.Expect(page.GetByLabel("Số người tham gia (người)", new() { Exact = true })).ToHaveValueAsync("12");

        // Back in the campaign's workspace page, the round reads "submitted on time".
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Đường dẫn" }).GetByRole(AriaRole.Link, new() { Name = campaignTitle, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(UrlLike("/don-vi/phong-trao/\\d+$"));
        round = RoundRow(page, roundName);
        await Assertions.Expect(round).ToContainTextAsync("Đã nộp đúng hạn");
        await Assertions.Expect(round.GetByRole(AriaRole.Link, new() { Name = "Xem, sửa báo cáo" })).ToBeVisibleAsync();
        await portal.ScreenshotAsync(page, "participation-5-workspace-submitted");
    }

    private static ILocator RoundRow(IPage page, string roundName) =>
        page.Locator("section[aria-labelledby='rounds-heading'] tbody tr")
            .Filter(new() { Has = page.Locator("td").First.Filter(new() { HasTextRegex = new Regex("^\\s*" + Regex.Escape(roundName) + "\\b") }) });

    private async Task SignOutAsync(IPage page)
    {
        await AccountMenu(page).ClickAsync();
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất", Exact = true }), "^[^?#]*://[^/]+/$", "sign-out");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập" })).ToBeVisibleAsync();
        await Assertions.Expect(AccountMenu(page)).ToHaveCountAsync(0);
    }

    private async Task SeeUnitOnTimeInMatrixAsync(IPage page, Arranged arranged)
    {
        await page.Locator("nav.main-nav").GetByRole(AriaRole.Link, new() { Name = "Báo cáo", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(UrlLike("/bao-cao$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Báo cáo thi đua");

        // Narrow the list to this year, as a leader looking for the year's campaign would.
        var year = arranged.Year.ToString(CultureInfo.InvariantCulture);
        await page.Locator("#nam").SelectOptionAsync(year);
        await page.Locator("form[action='/bao-cao'] button[type='submit']").ClickAsync();
        await page.WaitForURLAsync(UrlLike("[?&]nam=" + year));
        await portal.ScreenshotAsync(page, "participation-7-dashboard");

        await page.GetByRole(AriaRole.Link, new() { Name = arranged.CampaignTitle, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(UrlLike("/bao-cao/phong-trao/\\d+$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Báo cáo phong trào: " + arranged.CampaignTitle);

        var matrix = page.Locator("table.matrix-table");
        await Assertions.Expect(matrix).ToBeVisibleAsync();
        var headers = await matrix.Locator("thead th").AllInnerTextsAsync();
        var column = headers.ToList().FindIndex(h => h.StartsWith(arranged.RoundName, StringComparison.Ordinal));
        Assert.True(column >= 2, $"no matrix column for {arranged.RoundName}: {string.Join(" | ", headers)}");

        var row = matrix.Locator("tbody tr").Filter(new() { Has = page.Locator("th", new() { HasText = UnitName }) });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        var cells = row.Locator("td");
        await Assertions.Expect(cells.Nth(0)).ToHaveTextAsync("Có");

        // The first column is the unit's heading cell (th); the td cells start at the "registered" column.
        var cell = cells.Nth(column - 1);
        await Assertions.Expect(cell).ToHaveTextAsync("Đúng hạn");
        await Assertions.Expect(cell).ToHaveClassAsync(new Regex("\\bcell-ontime\\b"));
        await row.ScrollIntoViewIfNeededAsync();
        await portal.ScreenshotAsync(page, "participation-8-campaign-matrix");
    }

    private static async Task DownloadMatrixAsync(IPage page, string roundName)
    {
        var exports = page.GetByRole(AriaRole.Group, new() { Name = "Xuất bảng: Tình hình nộp báo cáo của từng đơn vị" });
        var excel = exports.GetByRole(AriaRole.Link, new() { Name = "Xuất Excel" });
        await Assertions.Expect(excel).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => excel.ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("Ma trận nộp báo cáo", download.SuggestedFilename, StringComparison.Ordinal);

        // Playwright keeps the download under a name without extension: tell MiniExcel what the file is.
        List<IDictionary<string, object?>> rows;
        await using (var file = File.OpenRead(await download.PathAsync()))
        {
            rows = MiniExcel.Query(file, useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        }

        Assert.NotEmpty(rows);
        var unitRows = rows.Where(r => Equals(r["Đơn vị"], UnitName)).ToList();
        Assert.True(unitRows.Count == 1, $"the workbook should hold \"{UnitName}\" once, unchanged; its units: {string.Join(" | ", rows.Select(r => r["Đơn vị"]))}");
        var unitRow = unitRows[0];
        Assert.Equal("Có", unitRow["Đăng ký"]);
        var roundColumn = unitRow.Keys.Single(k => k.StartsWith(roundName + " (", StringComparison.Ordinal));
        Assert.Equal("Đúng hạn", unitRow[roundColumn]);
    }

    /// <summary>
    /// The workspace answers a POST without the antiforgery token with a bare 400, so a form that lacks it cannot be sent
    /// from any browser: say so plainly rather than through the 400 page.
    /// </summary>
    private static async Task ExpectAntiforgeryTokenAsync(IPage page, string form)
    {
        var tokens = await page.Locator(form + " input[name='__RequestVerificationToken']").CountAsync();
        Assert.True(tokens == 1, $"the form {form} at {page.Url} carries {tokens} antiforgery tokens (__RequestVerificationToken), so the server refuses it with 400");
    }

    /// <summary>Routes are generated in lower case: compare paths without regard to case.</summary>
    private static Regex UrlLike(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>
    /// Submits a form and waits for the page it leads to; when the server refuses the form or the browser does not get
    /// there, the screenshot and the page's messages say why. (Some forms post to their own address, so the address alone
    /// does not tell that the answer came.)
    /// </summary>
    private async Task SubmitAsync(IPage page, ILocator button, string expectedUrl, string step)
    {
        var response = await page.RunAndWaitForResponseAsync(
            () => button.ClickAsync(), r => r.Request.Method == "POST" && r.Request.IsNavigationRequest, new() { Timeout = 20_000 });
        string? problem = response.Status >= 400 ? $"the server answered {response.Status}" : null;
        if (problem is null)
        {
            try
            {
                await page.WaitForURLAsync(UrlLike(expectedUrl), new PageWaitForURLOptions { Timeout = 20_000 });
            }
            catch (TimeoutException)
            {
                problem = "the browser did not get there";
            }
        }
        else
        {
            await page.WaitForLoadStateAsync(LoadState.Load);
        }

        if (problem is not null)
        {
            await portal.ScreenshotAsync(page, "participation-failed-" + step);
            var messages = await page.Locator(".alert, .text-danger, .invalid-feedback").AllInnerTextsAsync();
            Assert.Fail($"{step}: expected {expectedUrl}, {problem}; the browser is at {page.Url}; messages: {string.Join(" | ", messages.Where(m => m.Trim().Length > 0))}");
        }
    }
}
