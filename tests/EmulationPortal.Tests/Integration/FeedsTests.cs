using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using EmulationPortal.Common;
using EmulationPortal.Feeds;
using EmulationPortal.Honors;
using EmulationPortal.News;
using EmulationPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmulationPortal.Tests.Integration;

/// <summary>What feed readers, search engines and link previews get: RSS, sitemap, robots.txt, OpenGraph tags.</summary>
public sealed partial class FeedsTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    internal static readonly XNamespace Sitemap = FeedWriter.SitemapNamespace;

    private readonly HttpClient _client = factory.CreateBrowserlikeClient();

    private DateTime Now => factory.Services.GetRequiredService<PortalClock>().UtcNow;

    [Fact]
    public async Task NewsRss_ListsNewestVisibleArticles_WithAbsoluteLinksThatOpenThem()
    {
        var now = Now;
        var visible = await factory.WithDbAsync(db => db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(a => new { a.Slug, a.Title }).ToListAsync());
        Assert.NotEmpty(visible);

        var (response, rss) = await GetRssAsync("/tin-tuc/rss");

        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet, ignoreCase: true);
        Assert.Equal("2.0", (string?)rss.Root!.Attribute("version"));
        var channel = rss.Root.Element("channel")!;
        Assert.Contains("Sở Thông tin và Truyền thông", (string?)channel.Element("title"), StringComparison.Ordinal);
        Assert.Equal("http://localhost/tin-tuc", (string?)channel.Element("link"));
        var items = channel.Elements("item").ToList();
        Assert.Equal(Math.Min(FeedService.FeedSize, visible.Count), items.Count);
        Assert.Equal(visible[0].Title, (string?)items[0].Element("title"));

        var expected = visible.ToDictionary(v => "http://localhost/tin-tuc/" + v.Slug, v => v.Title);
        foreach (var item in items)
        {
            var link = (string)item.Element("link")!;
            Assert.True(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp, $"Not an absolute address: {link}");
            Assert.True(expected.TryGetValue(link, out var title), $"{link} is not a visible article.");
            Assert.Equal(title, (string?)item.Element("title"));
            Assert.Equal(link, (string?)item.Element("guid"));
            Assert.True(DateTime.TryParseExact((string?)item.Element("pubDate"), "r", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
        }

        var first = (string)items[0].Element("link")!;
        using var page = await _client.GetAsync(new Uri(first, UriKind.Absolute));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(visible[0].Title, Html.Text(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewsRssAndSitemap_LeaveOutDraftsAndArticlesScheduledForLater()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var now = Now;
        var draft = await AddArticleAsync($"Bản nháp {tag}", ArticleStatus.Draft, now.AddMinutes(-5));
        var scheduled = await AddArticleAsync($"Tin hẹn giờ {tag}", ArticleStatus.Published, now.AddDays(1));
        var shown = await AddArticleAsync($"Tin đã đăng {tag}", ArticleStatus.Published, now.AddMinutes(-1));

        var (_, rss) = await GetRssAsync("/tin-tuc/rss");
        var links = rss.Descendants("item").Select(i => (string)i.Element("link")!).ToList();
        var sitemap = await SitemapLocationsAsync();

        Assert.Contains("http://localhost/tin-tuc/" + shown, links);
        Assert.Contains("http://localhost/tin-tuc/" + shown, sitemap);
        foreach (var hidden in new[] { draft, scheduled })
        {
            Assert.DoesNotContain(links, l => l.EndsWith("/" + hidden, StringComparison.Ordinal));
            Assert.DoesNotContain(sitemap, l => l.EndsWith("/" + hidden, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task NewsRss_KeepsAmpersandsAnglesAndVietnameseLettersAndDropsControlCharacters()
    {
        var title = $"Khen thưởng & <Đổi mới> \"sáng tạo\" – Nguyễn Thị Ánh {Guid.NewGuid().ToString("N")[..6]}";
        const string Summary = "Tóm tắt: a < b & c > d; ưu tiên đơn vị có ≥70% nữ\u0001.";
        await AddArticleAsync(title, ArticleStatus.Published, Now.AddSeconds(-1), summary: Summary);

        var (response, rss) = await GetRssAsync("/tin-tuc/rss");
        var raw = await response.Content.ReadAsStringAsync();

        var item = rss.Descendants("item").Single(i => (string?)i.Element("title") == title);
        Assert.Equal("Tóm tắt: a < b & c > d; ưu tiên đơn vị có ≥70% nữ.", (string?)item.Element("description"));
        Assert.Contains("Khen thưởng &amp; &lt;Đổi mới&gt;", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocumentsRss_ListsSeededDocumentNumberWithLinkToItsPage()
    {
        var id = await factory.WithDbAsync(db => db.Documents.Where(d => d.Number == "93/KH-UBND").Select(d => d.Id).SingleAsync());

        var (response, rss) = await GetRssAsync("/van-ban/rss");

        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        var item = rss.Descendants("item").Single(i => ((string?)i.Element("title"))!.StartsWith("93/KH-UBND – ", StringComparison.Ordinal));
        Assert.Equal("93/KH-UBND – Tuyên truyền về công tác thi đua, khen thưởng năm 2022", (string?)item.Element("title"));
        Assert.Equal($"http://localhost/van-ban/{id}", (string?)item.Element("link"));
        Assert.Contains("12/04/2022", (string?)item.Element("description"), StringComparison.Ordinal);
        Assert.True(DateTime.TryParseExact((string?)item.Element("pubDate"), "r", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
    }

    [Fact]
    public async Task Sitemap_ListsEveryKindOfPublicPage_AndNoAdminOrSignInAddress()
    {
        var now = Now;
        var article = await factory.WithDbAsync(db => db.Articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now).Select(a => a.Slug).FirstAsync());
        var campaign = await factory.WithDbAsync(db => db.Campaigns.Where(c => c.IsPublished).Select(c => c.Slug).FirstAsync());
        var document = await factory.WithDbAsync(db => db.Documents.Select(d => d.Id).FirstAsync());
        var person = await factory.WithDbAsync(db => db.Commendations.Where(c => c.RecipientKind == RecipientKind.Individual).Select(c => c.StaffMemberId).FirstAsync());
        var unit = await factory.WithDbAsync(db => db.Commendations.Where(c => c.RecipientKind == RecipientKind.Collective).Select(c => c.UnitId).FirstAsync());

        using var response = await _client.GetAsync(new Uri("/sitemap.xml", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Sitemap + "urlset", xml.Root!.Name);
        var locations = xml.Root.Elements(Sitemap + "url").Select(u => (string)u.Element(Sitemap + "loc")!).ToList();

        Assert.Equal(locations.Count, locations.Distinct().Count());
        Assert.All(locations, l => Assert.StartsWith("http://localhost/", l, StringComparison.Ordinal));
        Assert.Contains("http://localhost/", locations);
        Assert.Contains("http://localhost/tin-tuc", locations);
        Assert.Contains("http://localhost/tin-tuc/" + article, locations);
        Assert.Contains("http://localhost/phong-trao/" + campaign, locations);
        Assert.Contains($"http://localhost/van-ban/{document}", locations);
        Assert.Contains($"http://localhost/vinh-danh/ca-nhan/{person}", locations);
        Assert.Contains($"http://localhost/vinh-danh/don-vi/{unit}", locations);
        Assert.DoesNotContain(locations, l => l.Contains("/admin", StringComparison.OrdinalIgnoreCase)
            || l.Contains("/dang-nhap", StringComparison.Ordinal) || l.Contains("/bao-cao", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Robots_NamesTheSitemapAndKeepsCrawlersOutOfAdminAndWorkspaces()
    {
        using var response = await _client.GetAsync(new Uri("/robots.txt", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = text.Split('\n');
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", lines);
        foreach (var path in new[] { "/Admin", "/don-vi", "/bao-cao", "/dang-nhap" })
        {
            Assert.Contains("Disallow: " + path, lines);
        }
    }

    [Fact]
    public async Task ArticlePage_HasOpenGraphTitleAbsoluteUrlAndCanonical()
    {
        var now = Now;
        var article = await factory.WithDbAsync(db => db.Articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now)
            .OrderByDescending(a => a.PublishedAt).Select(a => new { a.Slug, a.Title }).FirstAsync());

        var html = await GetPageAsync("/tin-tuc/" + article.Slug);

        var expectedUrl = "http://localhost/tin-tuc/" + article.Slug;
        Assert.Equal(article.Title, Meta(html, "og:title"));
        Assert.Equal(expectedUrl, Meta(html, "og:url"));
        Assert.Equal(expectedUrl, Canonical(html));
        Assert.Equal("article", Meta(html, "og:type"));
        Assert.Equal("vi_VN", Meta(html, "og:locale"));
        var description = Meta(html, "og:description");
        Assert.NotNull(description);
        Assert.InRange(description.Length, 1, 200);
        Assert.DoesNotContain('<', description);
    }

    [Fact]
    public async Task ArticleWithCover_HasAbsoluteOgImage_AndWithoutCoverHasNone()
    {
        var fileId = await factory.WithDbAsync(db => db.StoredFiles.OrderBy(f => f.Id).Select(f => f.Id).FirstAsync());
        var tag = Guid.NewGuid().ToString("N")[..6];
        var withCover = await AddArticleAsync($"Tin có ảnh bìa {tag}", ArticleStatus.Published, Now.AddMinutes(-1), coverImageId: fileId);
        var without = await AddArticleAsync($"Tin không có ảnh bìa {tag}", ArticleStatus.Published, Now.AddMinutes(-1));

        Assert.Equal($"http://localhost/anh/{fileId}", Meta(await GetPageAsync("/tin-tuc/" + withCover), "og:image"));
        Assert.Null(Meta(await GetPageAsync("/tin-tuc/" + without), "og:image"));
    }

    [Fact]
    public async Task ArticleWithHtmlOnlyBody_GetsPlainShortOpenGraphDescription()
    {
        var body = "<p>Đoạn <strong>một</strong> &amp; <em>hai</em>.</p>" + string.Concat(Enumerable.Repeat("<p>Nội dung thi đua rất dài. </p>", 40));
        var slug = await AddArticleAsync($"Tin chỉ có thân bài {Guid.NewGuid().ToString("N")[..6]}", ArticleStatus.Published, Now.AddMinutes(-1), summary: string.Empty, body: body);

        var description = Meta(await GetPageAsync("/tin-tuc/" + slug), "og:description");

        Assert.NotNull(description);
        Assert.StartsWith("Đoạn một & hai. Nội dung thi đua", description, StringComparison.Ordinal);
        Assert.True(description.Length <= 200, $"{description.Length} characters");
        Assert.EndsWith("…", description, StringComparison.Ordinal);
        Assert.DoesNotContain("<", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CampaignDocumentAndHonoreePages_HaveOpenGraphWithTheirOwnAbsoluteUrl()
    {
        var campaign = await factory.WithDbAsync(db => db.Campaigns.Where(c => c.IsPublished).Select(c => new { c.Slug, c.Title }).FirstAsync());
        var document = await factory.WithDbAsync(db => db.Documents.Where(d => d.Number == "93/KH-UBND").Select(d => d.Id).SingleAsync());
        var person = await factory.WithDbAsync(db => db.Commendations.Where(c => c.RecipientKind == RecipientKind.Individual)
            .Select(c => new { Id = c.StaffMemberId!.Value, c.StaffMember!.FullName }).FirstAsync());
        var unit = await factory.WithDbAsync(db => db.Commendations.Where(c => c.RecipientKind == RecipientKind.Collective)
            .Select(c => new { Id = c.UnitId!.Value, c.Unit!.Name }).FirstAsync());

        var pages = new (string Path, string Title)[]
        {
            ("/phong-trao/" + campaign.Slug, campaign.Title),
            ($"/van-ban/{document}", "93/KH-UBND – Tuyên truyền về công tác thi đua, khen thưởng năm 2022"),
            ($"/vinh-danh/ca-nhan/{person.Id}", person.FullName),
            ($"/vinh-danh/don-vi/{unit.Id}", unit.Name),
        };
        foreach (var (path, title) in pages)
        {
            var html = await GetPageAsync(path);
            Assert.Equal(title, Meta(html, "og:title"));
            Assert.Equal("http://localhost" + path, Meta(html, "og:url"));
            Assert.Equal("http://localhost" + path, Canonical(html));
            Assert.False(string.IsNullOrWhiteSpace(Meta(html, "og:description")), $"{path} has no og:description.");
        }
    }

    [Theory]
    [InlineData("/", "/tin-tuc/rss")]
    [InlineData("/", "/van-ban/rss")]
    [InlineData("/tin-tuc", "/tin-tuc/rss")]
    [InlineData("/van-ban", "/van-ban/rss")]
    public async Task ListPages_AnnounceTheirFeedToBrowsers(string page, string feed)
    {
        var html = await GetPageAsync(page);

        Assert.Matches($"<link rel=\"alternate\" type=\"application/rss\\+xml\" title=\"[^\"]+\" href=\"{Regex.Escape(feed)}\">", html);
    }

    [Fact]
    public async Task NewsRss_StillServedWhenAnArticleIsGivenTheSlugRss()
    {
        // The literal route /tin-tuc/rss outranks NewsController's /tin-tuc/{slug}: such an article cannot take the feed's place.
        var id = await factory.WithDbAsync(async db =>
        {
            var taken = new Article { Title = "RSS là gì", Slug = "rss", Summary = "Tin có địa chỉ trùng với bản tin RSS.", Body = "<p>RSS</p>", CreatedAt = Now, UpdatedAt = Now };
            taken.Publish(Now.AddMinutes(-1));
            db.Articles.Add(taken);
            await db.SaveChangesAsync();
            return taken.Id;
        });
        try
        {
            var (response, rss) = await GetRssAsync("/tin-tuc/rss");

            Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("rss", rss.Root!.Name.LocalName);
        }
        finally
        {
            await factory.WithDbAsync(async db =>
            {
                db.Articles.Remove(await db.Articles.SingleAsync(a => a.Id == id));
                return await db.SaveChangesAsync();
            });
        }
    }

    [Theory]
    [InlineData("/sitemap-0.xml")]
    [InlineData("/sitemap-2.xml")]
    [InlineData("/sitemap-99999999999.xml")]
    [InlineData("/sitemap-abc.xml")]
    public async Task SitemapPage_ThatDoesNotExist_IsNotFound(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(null, true, null)]
    [InlineData("", true, null)]
    [InlineData("https://thidua.example.gov.vn", true, "https://thidua.example.gov.vn")]
    [InlineData("https://thidua.example.gov.vn/cong/", true, "https://thidua.example.gov.vn/cong")]
    [InlineData("http://10.0.0.5:8080/", true, "http://10.0.0.5:8080")]
    [InlineData("thidua.example.gov.vn", false, null)]
    [InlineData("/tin-tuc", false, null)]
    [InlineData("ftp://thidua.example.gov.vn", false, null)]
    [InlineData("javascript:alert(1)", false, null)]
    [InlineData("https://thidua.example.gov.vn/?a=1", false, null)]
    [InlineData("https://user:pass@thidua.example.gov.vn", false, null)]
    public void BaseUrl_IsAcceptedOnlyAsAbsoluteHttpAddress(string? value, bool valid, string? expected)
    {
        Assert.Equal(valid, PublicUrlOptions.TryParseBaseUrl(value, out var parsed));
        Assert.Equal(expected, parsed);
    }

    [Fact]
    public void Excerpt_CutsLongTextAtAWordWithinTheLimit()
    {
        var text = string.Concat(Enumerable.Repeat("thi đua khen thưởng ", 30));

        var excerpt = FeedText.Excerpt(text, 50);

        Assert.True(excerpt.Length <= 50, excerpt);
        Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
        Assert.StartsWith("thi đua khen thưởng thi đua", excerpt, StringComparison.Ordinal);
        Assert.Equal("Ngắn gọn.", FeedText.Excerpt("  Ngắn \n gọn. ", 50));
    }

    internal static async Task<List<string>> SitemapLocationsAsync(HttpClient client)
    {
        var xml = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        return xml.Descendants(Sitemap + "loc").Select(l => l.Value).ToList();
    }

    internal static string? Meta(string html, string property)
    {
        var match = Regex.Match(html, $"<meta property=\"{Regex.Escape(property)}\" content=\"(?<v>[^\"]*)\"", RegexOptions.CultureInvariant);
        return match.Success ? WebUtility.HtmlDecode(match.Groups["v"].Value) : null;
    }

    internal static string? Canonical(string html)
    {
        var match = CanonicalLink().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups["v"].Value) : null;
    }

    private Task<List<string>> SitemapLocationsAsync() => SitemapLocationsAsync(_client);

    private async Task<(HttpResponseMessage Response, XDocument Xml)> GetRssAsync(string path)
    {
        var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("rss", xml.Root!.Name.LocalName);
        return (response, xml);
    }

    private async Task<string> GetPageAsync(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} returned {(int)response.StatusCode}");
        return html;
    }

    /// <summary>Adds an article straight to the database and returns its slug.</summary>
    private async Task<string> AddArticleAsync(string title, ArticleStatus status, DateTime publishedAtUtc, string summary = "Tóm tắt tin thử nghiệm.", string body = "<p>Nội dung.</p>", int? coverImageId = null) =>
        await factory.WithDbAsync(async db =>
        {
            var article = new Article
            {
                Title = title, Slug = VietnameseText.Slugify(title), Summary = summary, Body = body,
                CoverImageId = coverImageId, Status = status, PublishedAt = DateTime.SpecifyKind(publishedAtUtc, DateTimeKind.Utc), CreatedAt = Now, UpdatedAt = Now,
            };
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            return article.Slug;
        });

    [GeneratedRegex("<link rel=\"canonical\" href=\"(?<v>[^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex CanonicalLink();
}

/// <summary>The portal behind a configured public address and with sitemap files of ten addresses.</summary>
public sealed class PublicAddressPortalAppFactory : PortalAppFactory
{
    public const string BaseUrl = "https://thidua.example.gov.vn/cong";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:BaseUrl", BaseUrl + "/");
        builder.UseSetting("Sitemap:UrlsPerFile", "10");
    }
}

/// <summary>Portal:BaseUrl wins over the request's host in every address that leaves the page; a large sitemap becomes an index.</summary>
public sealed class BaseUrlFeedsTests(PublicAddressPortalAppFactory factory) : IClassFixture<PublicAddressPortalAppFactory>
{
    private const string Base = PublicAddressPortalAppFactory.BaseUrl;

    private readonly HttpClient _client = factory.CreateBrowserlikeClient();

    [Fact]
    public async Task Feeds_UseTheConfiguredBaseUrlInEveryLink()
    {
        foreach (var path in new[] { "/tin-tuc/rss", "/van-ban/rss" })
        {
            var rss = XDocument.Parse(await _client.GetStringAsync(new Uri(path, UriKind.Relative)));
            var links = rss.Descendants("item").Select(i => (string)i.Element("link")!).ToList();

            Assert.NotEmpty(links);
            Assert.All(links, l => Assert.StartsWith(Base + "/", l, StringComparison.Ordinal));
            Assert.DoesNotContain("localhost", rss.ToString(), StringComparison.Ordinal);
        }

        var robots = await _client.GetStringAsync(new Uri("/robots.txt", UriKind.Relative));
        Assert.Contains($"Sitemap: {Base}/sitemap.xml", robots.Split('\n'));
    }

    [Fact]
    public async Task ArticlePage_UsesTheConfiguredBaseUrlForOgUrlAndCanonical()
    {
        var slug = await factory.WithDbAsync(db => db.Articles.Where(a => a.Status == ArticleStatus.Published).OrderBy(a => a.PublishedAt).Select(a => a.Slug).FirstAsync());

        var html = await _client.GetStringAsync(new Uri("/tin-tuc/" + slug, UriKind.Relative));

        Assert.Equal($"{Base}/tin-tuc/{slug}", FeedsTests.Meta(html, "og:url"));
        Assert.Equal($"{Base}/tin-tuc/{slug}", FeedsTests.Canonical(html));
    }

    [Fact]
    public async Task Sitemap_LargerThanOneFile_BecomesAnIndexWhosePagesHoldEveryAddressOnce()
    {
        using var response = await _client.GetAsync(new Uri("/sitemap.xml", UriKind.Relative));
        var index = XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(FeedsTests.Sitemap + "sitemapindex", index.Root!.Name);
        var pages = index.Root.Elements(FeedsTests.Sitemap + "sitemap").Select(s => (string)s.Element(FeedsTests.Sitemap + "loc")!).ToList();
        Assert.True(pages.Count > 1, "The demo content has more than ten public addresses.");
        Assert.Equal(Enumerable.Range(1, pages.Count).Select(p => $"{Base}/sitemap-{p}.xml"), pages);

        var all = new List<string>();
        foreach (var page in pages)
        {
            var path = page[Base.Length..];
            var xml = XDocument.Parse(await _client.GetStringAsync(new Uri(path, UriKind.Relative)));
            Assert.Equal(FeedsTests.Sitemap + "urlset", xml.Root!.Name);
            var locations = xml.Descendants(FeedsTests.Sitemap + "loc").Select(l => l.Value).ToList();
            Assert.InRange(locations.Count, 1, 10);
            all.AddRange(locations);
        }

        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Contains(Base + "/", all);
        Assert.Contains(Base + "/vinh-danh", all);
        var documents = await factory.WithDbAsync(db => db.Documents.Select(d => d.Id).ToListAsync());
        Assert.All(documents, id => Assert.Contains($"{Base}/van-ban/{id}", all));
        Assert.True(pages.Count == (all.Count + 9) / 10, $"{pages.Count} pages for {all.Count} addresses");

        using var beyond = await _client.GetAsync(new Uri($"/sitemap-{pages.Count + 1}.xml", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
    }
}
