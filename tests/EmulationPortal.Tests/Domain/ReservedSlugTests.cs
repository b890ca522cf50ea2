using EmulationPortal.Common;
using EmulationPortal.Tests.Participation;

namespace EmulationPortal.Tests.Domain;

/// <summary>"/tin-tuc/rss" is the news feed: no article or campaign may take the slug "rss".</summary>
public sealed class ReservedSlugTests
{
    [Fact]
    public async Task Rss_IsRefusedWhenTyped_AndAvoidedWhenMadeFromTheTitle()
    {
        var (connection, db) = await DashboardTestData.InMemoryAsync();
        await using var _ = connection;
        await using var __ = db;
        var slugs = db.Articles.Select(a => a.Slug);

        var errors = new List<ServiceError>();
        Assert.Null(await ContentRules.ResolveSlugAsync(errors, slugs, "rss", "Tin RSS", "tin", CancellationToken.None));
        Assert.Equal("Content.SlugTaken", Assert.Single(errors).Code);

        errors.Clear();
        var made = await ContentRules.ResolveSlugAsync(errors, slugs, null, "RSS", "tin", CancellationToken.None);
        Assert.Empty(errors);
        Assert.NotEqual("rss", made);
        Assert.StartsWith("rss-", made, StringComparison.Ordinal);
    }
}
