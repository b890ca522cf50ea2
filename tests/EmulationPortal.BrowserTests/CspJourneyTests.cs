using System.Text.RegularExpressions;
using EmulationPortal.Accounts;
using Microsoft.Playwright;

namespace EmulationPortal.BrowserTests;

/// <summary>
/// The pages that run script, in Chromium with the portal's Content-Security-Policy on: the rich-text editor, a report
/// with charts, search, and a confirmation before a destructive form. Every violation the browser reports (the
/// securitypolicyviolation event and the console) fails the test, so a script or style the policy blocks cannot go
/// unnoticed.
/// </summary>
public sealed class CspJourneyTests(PortalServerFixture portal) : IClassFixture<PortalServerFixture>
{
    // Stores every violation on window before any of the page's own script runs.
    private const string ViolationRecorder = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', function (e) {
            window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
        });
        """;

    [BrowserFact]
    public async Task EditorChartsSearchAndConfirmations_WorkUnderThePolicy_WithoutAnyViolation()
    {
        var userName = await portal.CreateUserAsync("csp-", "Cán bộ kiểm tra chính sách nội dung", null, Roles.Editor, Roles.OfficeHead);
        var page = await portal.NewPageAsync();
        await page.AddInitScriptAsync(ViolationRecorder);
        var console = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type is "error" or "warning")
            {
                console.Add($"{m.Type}: {m.Text} ({page.Url})");
            }
        };
        page.PageError += (_, e) => console.Add($"page error: {e} ({page.Url})");
        page.Response += (_, r) =>
        {
            if (r.Status >= 400)
            {
                console.Add($"{r.Status} for {r.Url}");
            }
        };

        await SignInAsync(page, userName);
        await EditArticleWithBoldWordAsync(page);
        await SeeChartsAsync(page);
        await SearchAsync(page);
        await ConfirmBeforeDeletingAsync(page);

        Assert.True(console.Count == 0, string.Join("\n", console));
        await page.Context.CloseAsync();
    }

    private static async Task SignInAsync(IPage page, string userName)
    {
        var response = await page.GotoAsync("/dang-nhap");
        await AssertPolicyAsync(response);
        await page.Locator("#UserName").FillAsync(userName);
        await page.Locator("#Password").FillAsync(PortalServerFixture.UserPassword);
        await page.Locator("form[action^='/dang-nhap'] button[type='submit']").ClickAsync();
        await page.WaitForURLAsync(new Regex("/$"));
        await AssertNoViolationAsync(page);
    }

    private async Task EditArticleWithBoldWordAsync(IPage page)
    {
        var response = await page.GotoAsync("/Admin/Articles/Create");
        await AssertPolicyAsync(response);
        await page.Locator("#Title").FillAsync("Chính sách nội dung không chặn trình soạn thảo");
        await page.Locator("#Summary").FillAsync("Bài thử trình soạn thảo dưới chính sách nội dung.");

        var editor = page.Locator(".ql-editor");
        await Assertions.Expect(editor).ToBeVisibleAsync();
        await editor.ClickAsync();
        await editor.PressSequentiallyAsync("Khen thưởng ");
        var bold = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "In đậm" });
        await bold.ClickAsync();
        await editor.PressSequentiallyAsync("kịp thời");
        await bold.ClickAsync();
        await editor.PressSequentiallyAsync(" và chính xác.");

        await Assertions.Expect(page.Locator("textarea#Body")).ToHaveValueAsync("<p>Khen thưởng <strong>kịp thời</strong> và chính xác.</p>");

        // The Vietnamese names Quill's theme shows through CSS come from the style sheet's custom properties.
        var headingName = await page.Locator(".ql-picker.ql-header .ql-picker-label").EvaluateAsync<string>(
            "el => getComputedStyle(el, '::before').content");
        Assert.Equal("\"Đoạn văn\"", headingName);
        await portal.ScreenshotAsync(page, "csp-1-editor");
        await AssertNoViolationAsync(page);

        await page.Locator("form[action='/Admin/Articles/Create'] button[type='submit']").ClickAsync();
        await page.WaitForURLAsync(new Regex("/Admin/Articles/Edit/\\d+$", RegexOptions.IgnoreCase));
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Đã lưu bản nháp");

        // Reopened, the editor shows the saved bold word.
        await Assertions.Expect(page.Locator(".ql-editor strong")).ToHaveTextAsync("kịp thời");
        await AssertNoViolationAsync(page);
    }

    private async Task SeeChartsAsync(IPage page)
    {
        var response = await page.GotoAsync("/bao-cao/khen-thuong");
        await AssertPolicyAsync(response);
        var canvases = page.Locator("canvas[data-chart]");
        Assert.True(await canvases.CountAsync() > 0, "the report shows no chart");

        // Chart.js drew on every canvas: some pixel is not transparent.
        foreach (var canvas in await canvases.AllAsync())
        {
            await canvas.ScrollIntoViewIfNeededAsync();
            var drawn = await canvas.EvaluateAsync<bool>(
                "c => c.width > 0 && c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some(v => v !== 0)");
            Assert.True(drawn, "a chart canvas is blank");
        }

        await portal.ScreenshotAsync(page, "csp-2-chart");
        await AssertNoViolationAsync(page);
    }

    private static async Task SearchAsync(IPage page)
    {
        await page.GotoAsync("/tin-tuc");
        var box = page.GetByRole(AriaRole.Searchbox, new PageGetByRoleOptions { Name = "Tìm kiếm trên cổng thông tin" });
        await box.FillAsync("thi dua");
        await box.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/tim-kiem\\?q=thi\\+dua"));
        await Assertions.Expect(page.Locator("li.search-hit").First).ToBeVisibleAsync();
        await AssertNoViolationAsync(page);
    }

    /// <summary>The confirmation used to be an onclick attribute; it is now wired by site.js and must still ask.</summary>
    private static async Task ConfirmBeforeDeletingAsync(IPage page)
    {
        await page.GotoAsync("/Admin/AwardRules");
        var delete = page.Locator("button[data-confirm]").First;
        await Assertions.Expect(delete).ToBeVisibleAsync();
        var rows = await page.Locator("table tbody tr").CountAsync();
        string? asked = null;
        void Dismiss(object? sender, IDialog dialog)
        {
            asked = dialog.Message;
            _ = dialog.DismissAsync();
        }

        page.Dialog += Dismiss;
        await delete.ClickAsync();
        page.Dialog -= Dismiss;

        Assert.False(string.IsNullOrWhiteSpace(asked), "no confirmation was asked");
        Assert.Equal(await delete.GetAttributeAsync("data-confirm"), asked);
        Assert.EndsWith("/Admin/AwardRules", page.Url, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(rows, await page.Locator("table tbody tr").CountAsync());
        await AssertNoViolationAsync(page);
    }

    private static async Task AssertPolicyAsync(IResponse? response)
    {
        Assert.NotNull(response);
        var policy = await response.HeaderValueAsync("content-security-policy");
        Assert.NotNull(policy);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
    }

    private static async Task AssertNoViolationAsync(IPage page)
    {
        var violations = await page.EvaluateAsync<string[]>("() => window.__cspViolations || ['the recorder did not run']");
        Assert.True(violations.Length == 0, page.Url + "\n" + string.Join("\n", violations));
    }
}
