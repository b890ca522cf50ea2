using EmulationPortal.Campaigns;
using EmulationPortal.Common;
using EmulationPortal.Documents;
using EmulationPortal.Honors;
using EmulationPortal.News;

namespace EmulationPortal.Home;

public sealed record HomePage(
    IReadOnlyList<CampaignListItem> Campaigns,
    IReadOnlyList<ArticleListItem> LatestNews,
    IReadOnlyList<DocumentListItem> LatestDocuments,
    IReadOnlyList<HonoreeCard> FeaturedHonorees,
    IReadOnlyList<HonoreeCard> RecentHonorees,
    IReadOnlyList<FieldItem> Fields);

/// <summary>Gathers what the emulation-movement home page (chuyên trang) shows.</summary>
public sealed class HomeService(CampaignService campaigns, NewsService news, DocumentService documents, HonorService honors, PublicDataCache? cache = null)
{
    public Task<HomePage> GetAsync(CancellationToken cancellationToken = default) =>
        cache is null ? GetUncachedAsync(cancellationToken) : cache.GetOrCreateAsync("home", () => GetUncachedAsync(cancellationToken));

    private async Task<HomePage> GetUncachedAsync(CancellationToken cancellationToken)
    {
        var running = await campaigns.RunningAsync(6, cancellationToken);
        var latestNews = await news.ListAsync(new NewsFilter(PageSize: 6), cancellationToken);
        var latestDocuments = await documents.LatestAsync(6, cancellationToken);
        var featured = await honors.FeaturedAsync(3, cancellationToken: cancellationToken);
        var recent = await honors.ListAsync(new HonorFilter(), cancellationToken);
        var fields = await campaigns.FieldsAsync(cancellationToken);
        return new HomePage(running, latestNews.Items, latestDocuments, featured, recent.Items.Take(8).ToList(), fields);
    }
}
