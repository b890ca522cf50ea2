using System.Globalization;
using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Honors;
using EmulationPortal.News;
using EmulationPortal.Organisation;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Feeds;

/// <summary>A visible article as a feed shows it; <see cref="Description"/> is plain text.</summary>
public sealed record FeedArticle(int Id, string Title, string Path, string Description, DateTime PublishedAtUtc);

/// <summary>A document as the feed of new documents shows it.</summary>
public sealed record FeedDocument(int Id, string Number, string Abstract, DateOnly IssuedOn, string Issuer, string Path, DateTime CreatedAtUtc);

/// <summary>What a feed shows: the organisation's name for its title (empty when not set) and the items, newest first.</summary>
public sealed record FeedContent<T>(string OrganisationName, IReadOnlyList<T> Items);

/// <summary>One address of the sitemap: a path from the site root, and when it last changed where that is known.</summary>
public sealed record SitemapUrl(string Path, DateTime? LastModifiedUtc = null);

/// <summary>
/// What /sitemap.xml or one of its pages shows: <see cref="Urls"/> is empty when the requested page does not exist, and
/// for the sitemap itself when it is too large for one file (it then becomes an index of <see cref="PageCount"/> pages).
/// </summary>
public sealed record SitemapPage(int TotalUrls, int PageCount, IReadOnlyList<SitemapUrl> Urls)
{
    public bool IsIndex => PageCount > 1;
}

/// <summary>
/// Reads what the RSS feeds and the sitemap publish. Only what an anonymous reader may open is listed: published
/// campaigns, articles whose publication time has come, documents, and honorees who have a commendation.
/// </summary>
public sealed class FeedService(PortalDbContext db, PortalClock clock, OrganisationService organisation)
{
    /// <summary>Items in each RSS feed.</summary>
    public const int FeedSize = 50;

    /// <summary>The sitemap protocol's limit of addresses in one file.</summary>
    public const int MaxUrlsPerSitemap = 50_000;

    /// <summary>A description longer than this is cut at a word and ends with an ellipsis.</summary>
    public const int DescriptionLength = 300;

    /// <summary>The home page and the public list pages, in menu order.</summary>
    public static IReadOnlyList<string> FixedPaths { get; } = ["/", "/phong-trao", "/tin-tuc", "/van-ban", "/vinh-danh"];

    public static string ArticlePath(string slug) => "/tin-tuc/" + Uri.EscapeDataString(slug);

    public static string CampaignPath(string slug) => "/phong-trao/" + Uri.EscapeDataString(slug);

    public static string DocumentPath(int id) => string.Create(CultureInfo.InvariantCulture, $"/van-ban/{id}");

    public static string PersonPath(int id) => string.Create(CultureInfo.InvariantCulture, $"/vinh-danh/ca-nhan/{id}");

    public static string UnitPath(int id) => string.Create(CultureInfo.InvariantCulture, $"/vinh-danh/don-vi/{id}");

    /// <summary>The latest visible articles, newest first; the summary, or the start of the body when there is none.</summary>
    public async Task<FeedContent<FeedArticle>> LatestArticlesAsync(int count = FeedSize, CancellationToken cancellationToken = default)
    {
        var name = (await organisation.GetAsync(cancellationToken)).Name;
        var rows = await VisibleArticles()
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(count)
            .Select(a => new { a.Id, a.Title, a.Slug, a.Summary, Body = a.Summary == string.Empty ? a.Body : null, PublishedAt = a.PublishedAt!.Value })
            .ToListAsync(cancellationToken);
        return new FeedContent<FeedArticle>(name, rows.Select(a => new FeedArticle(
                a.Id, a.Title, ArticlePath(a.Slug),
                FeedText.Excerpt(a.Body is null ? a.Summary : Search.PlainText.Lead(a.Body, DescriptionLength), DescriptionLength),
                DateTime.SpecifyKind(a.PublishedAt, DateTimeKind.Utc)))
            .ToList());
    }

    /// <summary>
    /// The documents most recently put on the portal (an old law entered today is new to readers), then by issue date.
    /// </summary>
    public async Task<FeedContent<FeedDocument>> LatestDocumentsAsync(int count = FeedSize, CancellationToken cancellationToken = default)
    {
        var name = (await organisation.GetAsync(cancellationToken)).Name;
        var rows = await db.Documents.AsNoTracking()
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id)
            .Take(count)
            .Select(d => new { d.Id, d.Number, d.Abstract, d.IssuedOn, d.Issuer, d.CreatedAt })
            .ToListAsync(cancellationToken);
        return new FeedContent<FeedDocument>(name, rows.Select(d => new FeedDocument(
                d.Id, d.Number, d.Abstract, d.IssuedOn, d.Issuer, DocumentPath(d.Id), DateTime.SpecifyKind(d.CreatedAt, DateTimeKind.Utc)))
            .ToList());
    }

    /// <summary>
    /// The sitemap split into files of at most <paramref name="urlsPerFile"/> addresses. <paramref name="page"/> null asks
    /// for the sitemap itself: every address when they fit in one file, none (an index is due) when they do not.
    /// </summary>
    public async Task<SitemapPage> SitemapAsync(int? page, int urlsPerFile = MaxUrlsPerSitemap, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(urlsPerFile, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(urlsPerFile, MaxUrlsPerSitemap);
        var total = await CountSitemapUrlsAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + urlsPerFile - 1) / urlsPerFile);
        var wanted = page ?? (pageCount == 1 ? 1 : 0);
        if (wanted < 1 || wanted > pageCount)
        {
            return new SitemapPage(total, pageCount, []);
        }

        return new SitemapPage(total, pageCount, await SitemapUrlsAsync((wanted - 1) * urlsPerFile, urlsPerFile, cancellationToken));
    }

    /// <summary>How many addresses the whole sitemap holds.</summary>
    public async Task<int> CountSitemapUrlsAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        foreach (var section in Sections())
        {
            total += await section.Count(cancellationToken);
        }

        return total;
    }

    /// <summary>
    /// A slice of the sitemap in a fixed order (pages, campaigns, articles, documents, people, units; each by id), so
    /// that consecutive slices neither repeat nor skip an address.
    /// </summary>
    public async Task<IReadOnlyList<SitemapUrl>> SitemapUrlsAsync(int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        var result = new List<SitemapUrl>(Math.Min(take, MaxUrlsPerSitemap));
        foreach (var section in Sections())
        {
            if (result.Count >= take)
            {
                break;
            }

            var count = await section.Count(cancellationToken);
            if (skip >= count)
            {
                skip -= count;
                continue;
            }

            result.AddRange(await section.Read(skip, take - result.Count, cancellationToken));
            skip = 0;
        }

        return result;
    }

    private IQueryable<Article> VisibleArticles()
    {
        // The public rule of NewsService: published, and the publication time has come.
        var now = clock.UtcNow;
        return db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now);
    }

    private sealed record Section(
        Func<CancellationToken, Task<int>> Count,
        Func<int, int, CancellationToken, Task<List<SitemapUrl>>> Read);

    private IEnumerable<Section> Sections()
    {
        yield return new Section(
            _ => Task.FromResult(FixedPaths.Count),
            (skip, take, _) => Task.FromResult(FixedPaths.Skip(skip).Take(take).Select(p => new SitemapUrl(p)).ToList()));

        var campaigns = db.Campaigns.AsNoTracking().Where(c => c.IsPublished);
        yield return new Section(
            ct => campaigns.CountAsync(ct),
            async (skip, take, ct) => (await campaigns.OrderBy(c => c.Id).Skip(skip).Take(take).Select(c => c.Slug).ToListAsync(ct))
                .Select(s => new SitemapUrl(CampaignPath(s))).ToList());

        var articles = VisibleArticles();
        yield return new Section(
            ct => articles.CountAsync(ct),
            async (skip, take, ct) => (await articles.OrderBy(a => a.Id).Skip(skip).Take(take)
                    .Select(a => new { a.Slug, PublishedAt = a.PublishedAt!.Value, a.UpdatedAt }).ToListAsync(ct))
                .Select(a => new SitemapUrl(ArticlePath(a.Slug), DateTime.SpecifyKind(a.UpdatedAt > a.PublishedAt ? a.UpdatedAt : a.PublishedAt, DateTimeKind.Utc)))
                .ToList());

        var documents = db.Documents.AsNoTracking();
        yield return new Section(
            ct => documents.CountAsync(ct),
            async (skip, take, ct) => (await documents.OrderBy(d => d.Id).Skip(skip).Take(take).Select(d => d.Id).ToListAsync(ct))
                .Select(id => new SitemapUrl(DocumentPath(id))).ToList());

        var people = db.Commendations.AsNoTracking()
            .Where(c => c.RecipientKind == RecipientKind.Individual && c.StaffMemberId != null)
            .Select(c => c.StaffMemberId!.Value).Distinct();
        yield return new Section(
            ct => people.CountAsync(ct),
            async (skip, take, ct) => (await people.OrderBy(id => id).Skip(skip).Take(take).ToListAsync(ct))
                .Select(id => new SitemapUrl(PersonPath(id))).ToList());

        var units = db.Commendations.AsNoTracking()
            .Where(c => c.RecipientKind == RecipientKind.Collective && c.UnitId != null)
            .Select(c => c.UnitId!.Value).Distinct();
        yield return new Section(
            ct => units.CountAsync(ct),
            async (skip, take, ct) => (await units.OrderBy(id => id).Skip(skip).Take(take).ToListAsync(ct))
                .Select(id => new SitemapUrl(UnitPath(id))).ToList());
    }
}
