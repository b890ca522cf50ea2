using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EmulationPortal.BrowserTests;

/// <summary>A staff member searches from the header without typing accents, in Chromium.</summary>
public sealed class SearchJourneyTests(PortalServerFixture portal) : IClassFixture<PortalServerFixture>
{
    private const string PlanNumber = "145/KH-STTTT";

    [BrowserFact]
    public async Task StaffMember_TypesAnUnaccentedPhraseFromThePlanPdf_AndOpensThePlan()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/tin-tuc");

        // "suy thoái" appears only inside the plan's PDF, not in its abstract.
        var box = page.GetByRole(AriaRole.Searchbox, new PageGetByRoleOptions { Name = "Tìm kiếm trên cổng thông tin" });
        await box.FillAsync("suy thoai");
        await box.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/tim-kiem\\?q=suy\\+thoai"));

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tìm kiếm");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("kết quả cho “suy thoai”");
        var documents = page.Locator("section", new PageLocatorOptions { Has = page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Văn bản" }) });
        var hit = documents.Locator("li.search-hit", new LocatorLocatorOptions { HasText = PlanNumber });
        // Each word typed is marked where it stands, accents and all.
        await Assertions.Expect(hit.Locator(".search-hit-snippet")).ToContainTextAsync("suy thoái");
        var marked = await hit.Locator(".search-hit-snippet mark").AllTextContentsAsync();
        Assert.Contains("suy", marked);
        Assert.Contains("thoái", marked);
        await portal.ScreenshotAsync(page, "search-1-results");

        await hit.Locator("a.search-hit-title").ClickAsync();
        await page.WaitForURLAsync(new Regex("/van-ban/\\d+$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(PlanNumber);
        await portal.ScreenshotAsync(page, "search-2-document");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task StaffMember_NarrowsToOneGroup_AndPagesWithoutLosingTheQuery()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/tim-kiem?q=thi+dua");

        await page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = "Nhóm kết quả" })
            .GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Tin tức" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("nhom=tin-tuc"));

        await Assertions.Expect(page.Locator("#tu-khoa")).ToHaveValueAsync("thi dua");
        await Assertions.Expect(page.Locator("#nhom")).ToHaveValueAsync("tin-tuc");
        var links = await page.Locator("a.search-hit-title").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.StartsWith("/tin-tuc/", l, StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }
}
