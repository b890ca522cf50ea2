using EmulationPortal.Accounts;
using EmulationPortal.Participation;
using EmulationPortal.Tests.Integration;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Tests.Participation;

/// <summary>
/// The dashboard's figures are kept in memory between requests (ReportingDataCache): a registration or report saved
/// after a leader opened a page shows on the next request, and one removed disappears.
/// </summary>
public sealed class DashboardCacheTests(DashboardAppFactory factory) : IClassFixture<DashboardAppFactory>
{
    private static async Task<string> TextAsync(HttpClient client, string url) =>
        Html.Text(await client.GetStringAsync(new Uri(url, UriKind.Relative)));

    /// <summary>The index's table row of one campaign, as text (the index body is also kept as a rendered fragment).</summary>
    private static async Task<string> IndexRowAsync(HttpClient client, int campaignId)
    {
        var html = await client.GetStringAsync(new Uri("/bao-cao?nam=2026", UriKind.Relative));
        var link = html.IndexOf($"/bao-cao/phong-trao/{campaignId}\"", StringComparison.Ordinal);
        Assert.True(link > 0, "the campaign is listed on the index");
        var start = html.LastIndexOf("<tr", link, StringComparison.Ordinal);
        return Html.Text(html[start..html.IndexOf("</tr>", link, StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task ARegistrationAndAReport_ShowAtOnce_AndARemovedRegistrationDisappears()
    {
        var data = await factory.DataAsync();
        using var leader = await TestUsers.SignedInClientAsync(factory, Roles.Leader);
        var campaignUrl = $"/bao-cao/phong-trao/{data.CampaignId}";
        var unitUrl = $"/bao-cao/don-vi/{data.UnitC}?nam=2026";

        // Read twice: the second answer comes from the cache.
        await TextAsync(leader, campaignUrl);
        Assert.Contains("2/3 đơn vị dự kiến đã đăng ký", await TextAsync(leader, campaignUrl), StringComparison.Ordinal);
        await IndexRowAsync(leader, data.CampaignId);
        Assert.Contains("66,7 %", await IndexRowAsync(leader, data.CampaignId), StringComparison.Ordinal);
        var unitBefore = await TextAsync(leader, unitUrl);
        Assert.DoesNotContain("14/06/2026", unitBefore, StringComparison.Ordinal);

        await factory.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            db.Registrations.Add(new Registration { CampaignId = data.CampaignId, UnitId = data.UnitC, Commitments = "Đăng ký muộn", RegisteredAt = now, UpdatedAt = now });
            var on = DashboardAppFactory.Today.AddDays(-1);
            db.ProgressReports.Add(new ProgressReport
            {
                RoundId = data.FutureRound, UnitId = data.UnitC, Narrative = "<p>Báo cáo</p>",
                SubmittedAt = on.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc), SubmittedOn = on, UpdatedAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

        Assert.Contains("3/3 đơn vị dự kiến đã đăng ký", await TextAsync(leader, campaignUrl), StringComparison.Ordinal);
        Assert.Contains("100 %", await IndexRowAsync(leader, data.CampaignId), StringComparison.Ordinal);
        Assert.Contains("14/06/2026", await TextAsync(leader, unitUrl), StringComparison.Ordinal);

        await factory.WithDbAsync(async db =>
        {
            db.Registrations.RemoveRange(await db.Registrations.Where(r => r.CampaignId == data.CampaignId && r.UnitId == data.UnitC).ToListAsync());
            return await db.SaveChangesAsync();
        });

        Assert.Contains("2/3 đơn vị dự kiến đã đăng ký", await TextAsync(leader, campaignUrl), StringComparison.Ordinal);
    }
}
