using System.Text;
using System.Text.RegularExpressions;
using EmulationPortal.Accounts;
using EmulationPortal.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace EmulationPortal.BrowserTests;

/// <summary>
/// What the Office's editor does in the admin area, in Chromium, through the real forms: writes and publishes an
/// article with the rich-text editor, publishes a document with a PDF, honors a person and a unit from an .xlsx,
/// and finds all of it on the public pages at once.
/// </summary>
public sealed class EditorJourneyTests(PortalServerFixture portal) : IClassFixture<PortalServerFixture>
{
    private const string ArticleTitle = "Văn phòng Sở phát động đợt thi đua cao điểm chuyển đổi số";
    private const string ArticleSummary = "Các phòng, đơn vị đăng ký nội dung thi đua trước ngày 15 của tháng.";
    private const string ArticleBody = "Giám đốc Sở đề nghị mỗi phòng đăng ký ít nhất một sáng kiến chuyển đổi số.";
    private const string ArticleBodySecond = "Văn phòng Sở tổng hợp, báo cáo kết quả vào cuối quý.";
    private const string DocumentNumber = "27/KH-STTTT";
    private const string DocumentAbstract = "Kế hoạch tổ chức đợt thi đua cao điểm chuyển đổi số của Sở";
    private const string DocumentFileName = "Kế hoạch 27-KH-STTTT.pdf";
    private const string Person = "Nguyễn Thị Ánh";
    private const string PersonUnit = "Văn phòng Sở";
    private const string PersonAward = "Lao động tiên tiến";
    private const string Collective = "Phòng Kế hoạch - Tài chính";
    private const string CollectiveAward = "Tập thể lao động tiên tiến";
    private const string DecisionNumber = "14/QĐ-STTTT";

    // The demo content honors nobody in 2022, so the public honor roll for that year shows only this import.
    private const int HonorYear = 2022;

    [BrowserFact]
    public async Task Editor_PublishesArticleDocumentAndHonorsFromXlsx_SeesThemOnPublicPages()
    {
        var userName = await CreateEditorAsync();
        var page = await portal.NewPageAsync();

        await SignInAsync(page, userName);
        await WriteAndPublishArticleAsync(page);
        await PublishDocumentWithPdfAsync(page);
        await HonorFromSpreadsheetAsync(page);

        await page.Context.CloseAsync();
    }

    private Task<string> CreateEditorAsync() =>
        portal.CreateUserAsync("bientap-", "Biên tập viên thử nghiệm", null, Roles.Editor);

    private async Task SignInAsync(IPage page, string userName)
    {
        // The admin area sends an anonymous visitor to the login page, which brings them back afterwards.
        await page.GotoAsync("/Admin");
        await page.WaitForURLAsync(UrlLike("/dang-nhap"));
        await page.Locator("#UserName").FillAsync(userName);
        await page.Locator("#Password").FillAsync(PortalServerFixture.UserPassword);
        await page.Locator("form[action^='/dang-nhap'] button[type='submit']").ClickAsync();
        await page.WaitForURLAsync(UrlLike("/Admin/?$"));
        await Assertions.Expect(page.Locator("h1").First).ToBeVisibleAsync();
        await portal.ScreenshotAsync(page, "editor-1-dashboard");
    }

    private async Task WriteAndPublishArticleAsync(IPage page)
    {
        await page.GotoAsync("/Admin/Articles");
        await page.Locator("a[href='/Admin/Articles/Create']").First.ClickAsync();
        await page.WaitForURLAsync(UrlLike("/Admin/Articles/Create$"));

        await page.Locator("#Title").FillAsync(ArticleTitle);
        await page.Locator("#Summary").FillAsync(ArticleSummary);

        // The body is written in the Quill editor, which mirrors its HTML into the (hidden) Body field.
        var editor = page.Locator(".ql-editor");
        await Assertions.Expect(editor).ToBeVisibleAsync();
        await editor.ClickAsync();
        await editor.PressSequentiallyAsync(ArticleBody);
        await page.Keyboard.PressAsync("Enter");
        await editor.PressSequentiallyAsync(ArticleBodySecond);
        var body = page.Locator("textarea#Body");
        await Assertions.Expect(body).ToBeHiddenAsync();
        await Assertions.Expect(body).ToHaveValueAsync(new Regex("^<p>" + Regex.Escape(ArticleBody) + "</p><p>" + Regex.Escape(ArticleBodySecond) + "</p>$"));
        await portal.ScreenshotAsync(page, "editor-2-article-form");

        await SubmitAsync(page, page.Locator("form[action='/Admin/Articles/Create'] button[type='submit']"), "/Admin/Articles/Edit/\\d+$", "article-create");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Đã lưu bản nháp");

        await SubmitAsync(page, page.Locator("form[action^='/Admin/Articles/Publish/'] button[type='submit']"), "/Admin/Articles/Edit/\\d+$", "article-publish");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Đã đăng bài viết.");
        await portal.ScreenshotAsync(page, "editor-3-article-published");

        await page.GotoAsync("/tin-tuc");
        var link = page.Locator("a[href^='/tin-tuc/']", new PageLocatorOptions { HasText = ArticleTitle }).First;
        await Assertions.Expect(link).ToBeVisibleAsync();
        await link.ClickAsync();
        await page.WaitForURLAsync(UrlLike("/tin-tuc/[a-z0-9-]+$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(ArticleTitle);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(ArticleBody);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(ArticleBodySecond);
        await portal.ScreenshotAsync(page, "editor-4-article-public");
    }

    private async Task PublishDocumentWithPdfAsync(IPage page)
    {
        await page.GotoAsync("/Admin/Documents");
        await page.Locator("a[href='/Admin/Documents/Create']").First.ClickAsync();
        await page.WaitForURLAsync(UrlLike("/Admin/Documents/Create$"));

        await page.Locator("#DocumentTypeId").SelectOptionAsync(new SelectOptionValue { Label = "Kế hoạch" });
        await page.Locator("#Number").FillAsync(DocumentNumber);
        await page.Locator("#IssuedOn").FillAsync("2025-03-02");
        await page.Locator("#Issuer").FillAsync("Sở Thông tin và Truyền thông");
        await page.Locator("#Signer").FillAsync("Giám đốc Sở");
        await page.Locator("#Abstract").FillAsync(DocumentAbstract);
        await page.Locator("#Files").SetInputFilesAsync(new FilePayload { Name = DocumentFileName, MimeType = "application/pdf", Buffer = MinimalPdf() });
        await portal.ScreenshotAsync(page, "editor-5-document-form");

        await SubmitAsync(page, page.Locator("form[action='/Admin/Documents/Create'] button[type='submit']"), "/Admin/Documents/Edit/\\d+$", "document-create");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Đã lưu văn bản.");
        await Assertions.Expect(page.Locator(".list-group")).ToContainTextAsync(DocumentFileName);
        await portal.ScreenshotAsync(page, "editor-6-document-saved");

        await page.GotoAsync("/van-ban");
        var link = page.Locator("a[href^='/van-ban/']", new PageLocatorOptions { HasText = DocumentNumber }).First;
        await Assertions.Expect(link).ToBeVisibleAsync();
        await link.ClickAsync();
        await page.WaitForURLAsync(UrlLike("/van-ban/\\d+$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(DocumentNumber);
        await Assertions.Expect(page.Locator(".attachment-list")).ToContainTextAsync(DocumentFileName);
        var download = page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Tải về " + DocumentFileName });
        await Assertions.Expect(download).ToBeVisibleAsync();
        await portal.ScreenshotAsync(page, "editor-7-document-public");

        var file = await page.RunAndWaitForDownloadAsync(() => download.ClickAsync());
        Assert.Equal(DocumentFileName, file.SuggestedFilename);
        var head = new byte[8];
        await using (var stream = File.OpenRead(await file.PathAsync()))
        {
            await stream.ReadExactlyAsync(head);
        }

        Assert.Equal("%PDF-1.4"u8.ToArray(), head);
    }

    private async Task HonorFromSpreadsheetAsync(IPage page)
    {
        using (var scope = portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.Equal(0, await db.Commendations.CountAsync(c => c.Year == HonorYear));
        }

        await page.GotoAsync("/Admin/Commendations");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Khen thưởng theo danh sách" }).First.ClickAsync();
        await page.WaitForURLAsync(UrlLike("/Admin/Commendations/Import$"));
        await Assertions.Expect(page.Locator("#decidedBy")).ToHaveValueAsync("Giám đốc Sở");
        await page.Locator("#file").SetInputFilesAsync(new FilePayload
        {
            Name = "Phu-luc-QD-14-2022.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = DecisionAnnex(),
        });
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Kiểm tra danh sách" }), "/Admin/Commendations/Preview$", "import-preview");

        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Danh sách có 2 dòng: 2 dòng hợp lệ, 0 dòng có lỗi.");
        var rows = page.Locator("table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync(Person);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Hợp lệ");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync(Collective);
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("Hợp lệ");
        await Assertions.Expect(page.Locator("tr.table-danger")).ToHaveCountAsync(0);
        await portal.ScreenshotAsync(page, "editor-8-import-preview");

        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Lưu 2 dòng hợp lệ" }), "/Admin/Commendations/?$", "import-confirm");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Đã lưu 2 khen thưởng; bỏ qua 0 dòng có lỗi.");
        await portal.ScreenshotAsync(page, "editor-9-import-saved");

        await page.GotoAsync("/vinh-danh");
        var year = HonorYear.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await page.Locator("form[action='/vinh-danh'] select[name='nam']").SelectOptionAsync(year);
        await page.Locator("form[action='/vinh-danh'] button[type='submit']").ClickAsync();
        await page.WaitForURLAsync(UrlLike("[?&]nam=" + year));
        var cards = page.Locator("article.honoree-card");
        await Assertions.Expect(cards).ToHaveCountAsync(2);
        var texts = string.Join("\n", await cards.AllInnerTextsAsync());
        Assert.Contains(Person, texts, StringComparison.Ordinal);
        Assert.Contains(PersonAward, texts, StringComparison.Ordinal);
        Assert.Contains(Collective, texts, StringComparison.Ordinal);
        Assert.Contains(CollectiveAward, texts, StringComparison.Ordinal);
        Assert.Contains(DecisionNumber, texts, StringComparison.Ordinal);
        await portal.ScreenshotAsync(page, "editor-10-honors-public-" + year);
    }

    /// <summary>Routes are generated in lower case (/admin/articles/edit/1): compare paths without regard to case.</summary>
    private static Regex UrlLike(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Submits a form and waits for the page it leads to; when it does not get there, the screenshot and the page's messages say why.</summary>
    private async Task SubmitAsync(IPage page, ILocator button, string expectedUrl, string step)
    {
        await button.ClickAsync();
        try
        {
            await page.WaitForURLAsync(UrlLike(expectedUrl), new PageWaitForURLOptions { Timeout = 20_000 });
        }
        catch (TimeoutException)
        {
            await portal.ScreenshotAsync(page, "editor-failed-" + step);
            var messages = await page.Locator(".alert, .text-danger, .invalid-feedback").AllInnerTextsAsync();
            Assert.Fail($"{step}: expected {expectedUrl}, the browser is at {page.Url}; messages: {string.Join(" | ", messages.Where(m => m.Trim().Length > 0))}");
        }
    }

    /// <summary>A decision's annex as the Office receives it: a header row, then one person and one unit.</summary>
    private static byte[] DecisionAnnex()
    {
        const string name = "Họ và tên / tập thể", unit = "Đơn vị", award = "Danh hiệu / hình thức",
            decision = "Số quyết định", date = "Ngày quyết định", achievement = "Thành tích";
        var rows = new List<Dictionary<string, object>>
        {
            new()
            {
                [name] = Person, [unit] = PersonUnit, [award] = PersonAward, [decision] = DecisionNumber,
                [date] = "28/12/" + HonorYear, [achievement] = "Hoàn thành tốt nhiệm vụ được giao năm " + HonorYear + ".",
            },
            new()
            {
                [name] = Collective, [unit] = string.Empty, [award] = CollectiveAward, [decision] = DecisionNumber,
                [date] = "28/12/" + HonorYear, [achievement] = "Hoàn thành tốt kế hoạch tài chính năm " + HonorYear + ".",
            },
        };
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows);
        return stream.ToArray();
    }

    /// <summary>A one-page PDF small enough to read: the upload check looks at the leading bytes.</summary>
    private static byte[] MinimalPdf()
    {
        const string pdf = "%PDF-1.4\n"
            + "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
            + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
            + "trailer << /Root 1 0 R >>\n"
            + "%%EOF\n";
        return Encoding.ASCII.GetBytes(pdf);
    }
}
