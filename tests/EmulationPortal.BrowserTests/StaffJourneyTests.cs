using System.Text.RegularExpressions;
using EmulationPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EmulationPortal.BrowserTests;

/// <summary>What a staff member does with the portal, in Chromium.</summary>
public sealed class StaffJourneyTests(PortalServerFixture portal) : IClassFixture<PortalServerFixture>
{
    private const string DepartmentCampaign = "Tuyên truyền về công tác thi đua, khen thưởng năm 2022";
    private const string DepartmentPlanNumber = "145/KH-STTTT";

    [BrowserFact]
    public async Task StaffMember_FromHomeThroughCampaignToDocument_DownloadsThePlanPdf()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/");
        await portal.ScreenshotAsync(page, "journey-1-home");

        // The department's 2022 campaign has ended, so the home page shows running campaigns: open the
        // campaign list from the home page's navigation when the campaign itself is not linked there.
        var campaignLink = page.Locator("a", new PageLocatorOptions { HasText = DepartmentCampaign }).First;
        if (await campaignLink.CountAsync() == 0)
        {
            await page.Locator("a[href='/phong-trao']").First.ClickAsync();
            await page.WaitForURLAsync(new Regex("/phong-trao"));
            await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = DepartmentCampaign }).First.ClickAsync();
        }
        else
        {
            await campaignLink.ClickAsync();
        }

        await page.WaitForURLAsync(new Regex("/phong-trao/[a-z0-9-]+$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(DepartmentCampaign);
        await portal.ScreenshotAsync(page, "journey-2-campaign");

        await page.Locator("a[href^='/van-ban/']", new PageLocatorOptions { HasText = DepartmentPlanNumber }).First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/van-ban/\\d+$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(DepartmentPlanNumber);
        await portal.ScreenshotAsync(page, "journey-3-document");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Tải về" }).First.ClickAsync());
        var path = await download.PathAsync();

        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Kế hoạch", download.SuggestedFilename, StringComparison.Ordinal);
        var head = new byte[4];
        await using (var file = File.OpenRead(path))
        {
            await file.ReadExactlyAsync(head);
        }

        Assert.Equal("%PDF"u8.ToArray(), head);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task StaffMember_FiltersHonorRollByYear_SeesOnlyThatYearsCards()
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var years = await db.Commendations.Select(c => c.Year).Distinct().OrderBy(y => y).ToListAsync();
        var year = years.First();
        var expected = Math.Min(await db.Commendations.CountAsync(c => c.Year == year), 24);
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/vinh-danh");
        var allCards = await page.Locator("article.honoree-card").CountAsync();

        await page.Locator("form[action='/vinh-danh'] select[name='nam']").SelectOptionAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("form[action='/vinh-danh'] button[type='submit']").ClickAsync();
        await page.WaitForURLAsync(new Regex("[?&]nam=" + year));
        await portal.ScreenshotAsync(page, "journey-4-honors-" + year);

        var cards = page.Locator("article.honoree-card");
        var texts = await cards.AllInnerTextsAsync();
        Assert.True(years.Count >= 2, "the demo content should cover several years");
        Assert.True(texts.Count < allCards, $"filtering by {year} should narrow {allCards} cards, got {texts.Count}");
        Assert.Equal(expected, texts.Count);
        Assert.All(texts, t => Assert.Contains("năm " + year, t, StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }
}
