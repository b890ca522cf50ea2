using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using System.Globalization;
using System.Text;
using EmulationPortal.Common;
using EmulationPortal.Feeds;
using EmulationPortal.Web.Infrastructure;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace EmulationPortal.Web.Controllers;

/// <summary>Discovery for readers and search engines: RSS of news and of new documents, the sitemap, robots.txt.</summary>
[OutputCache(PolicyName = OutputCacheRegistration.PublicPage)]
[AllowAnonymous]
public sealed class FeedsController(
    FeedService feeds, PublicUrls urls, IOptions<SitemapOptions> sitemap, IStringLocalizer<FeedsResource> l) : Controller
{
    public const string RssContentType = "application/rss+xml; charset=utf-8";
    public const string XmlContentType = "application/xml; charset=utf-8";

    /// <summary>Paths robots are asked not to crawl: sign-in, the staff workspaces and the admin area.</summary>
    public static IReadOnlyList<string> Disallowed { get; } = ["/Admin", "/admin", "/don-vi", "/bao-cao", "/dang-nhap", "/tim-kiem"];

    // A literal segment outranks NewsController's "tin-tuc/{slug}", so an article whose slug is "rss" cannot take this address.
    [HttpGet("/tin-tuc/rss")]
    public async Task<IActionResult> News(CancellationToken cancellationToken)
    {
        var feed = await feeds.LatestArticlesAsync(FeedService.FeedSize, cancellationToken);
        var site = SiteName(feed.OrganisationName);
        var channel = new RssChannel(l["Feeds.NewsTitle", site], Absolute("/tin-tuc"), Absolute("/tin-tuc/rss"), l["Feeds.NewsDescription", site]);
        var items = feed.Items.Select(a => new RssItem(a.Title, Absolute(a.Path), a.Description, a.PublishedAtUtc)).ToList();
        return File(FeedWriter.Rss(channel, items), RssContentType);
    }

    [HttpGet("/van-ban/rss")]
    public async Task<IActionResult> Documents(CancellationToken cancellationToken)
    {
        var feed = await feeds.LatestDocumentsAsync(FeedService.FeedSize, cancellationToken);
        var site = SiteName(feed.OrganisationName);
        var channel = new RssChannel(l["Feeds.DocumentsTitle", site], Absolute("/van-ban"), Absolute("/van-ban/rss"), l["Feeds.DocumentsDescription", site]);
        var items = feed.Items.Select(d => new RssItem(
                l["Feeds.DocumentItemTitle", d.Number, d.Abstract],
                Absolute(d.Path),
                l["Feeds.DocumentItemDescription", d.Number, VietnameseDate.Display(d.IssuedOn), d.Issuer, d.Abstract],
                d.CreatedAtUtc))
            .ToList();
        return File(FeedWriter.Rss(channel, items), RssContentType);
    }

    /// <summary>Every public address in one file, or an index of pages when there are more than a file may hold.</summary>
    [HttpGet("/sitemap.xml")]
    public async Task<IActionResult> Sitemap(CancellationToken cancellationToken)
    {
        var result = await feeds.SitemapAsync(null, sitemap.Value.UrlsPerFile, cancellationToken);
        if (result.IsIndex)
        {
            var pages = Enumerable.Range(1, result.PageCount).Select(p => Absolute(SitemapPagePath(p)));
            return File(FeedWriter.SitemapIndex(pages), XmlContentType);
        }

        return File(FeedWriter.UrlSet(result.Urls.Select(u => (Absolute(u.Path), u.LastModifiedUtc))), XmlContentType);
    }

    [HttpGet("/sitemap-{page:int}.xml")]
    public async Task<IActionResult> SitemapPage(int page, CancellationToken cancellationToken)
    {
        var result = await feeds.SitemapAsync(page, sitemap.Value.UrlsPerFile, cancellationToken);
        return result.Urls.Count == 0
            ? NotFound()
            : File(FeedWriter.UrlSet(result.Urls.Select(u => (Absolute(u.Path), u.LastModifiedUtc))), XmlContentType);
    }

    [HttpGet("/robots.txt")]
    public IActionResult Robots()
    {
        var text = new StringBuilder().Append("User-agent: *\n");
        foreach (var path in Disallowed)
        {
            text.Append("Disallow: ").Append(path).Append('\n');
        }

        text.Append('\n').Append("Sitemap: ").Append(Absolute("/sitemap.xml")).Append('\n');
        return Content(text.ToString(), "text/plain; charset=utf-8");
    }

    public static string SitemapPagePath(int page) => string.Create(CultureInfo.InvariantCulture, $"/sitemap-{page}.xml");

    private string SiteName(string organisationName) =>
        string.IsNullOrWhiteSpace(organisationName) ? l["Feeds.SiteName"] : organisationName;

    private string Absolute(string path) => urls.Absolute(Request, path);
}
