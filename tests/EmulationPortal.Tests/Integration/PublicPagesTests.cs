using System.Net;
using EmulationPortal.Campaigns;
using EmulationPortal.Common;
using EmulationPortal.Honors;
using EmulationPortal.News;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmulationPortal.Tests.Integration;

/// <summary>The public pages a staff member reads, against the seeded demo content.</summary>
public sealed class PublicPagesTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private readonly HttpClient _client = factory.CreateBrowserlikeClient();

    private async Task<string> GetOkAsync(string url)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} returned {(int)response.StatusCode}: {Truncate(body)}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Html.AssertNoStackTrace(body);
        return body;
    }

    private static string Truncate(string body) => body.Length > 600 ? body[..600] : body;

    private static void AssertShows(string html, IEnumerable<string> texts, string page)
    {
        var text = Html.Text(html);
        foreach (var expected in texts)
        {
            Assert.True(text.Contains(expected, StringComparison.Ordinal), $"{page} should show \"{expected}\".");
        }
    }

    private DateOnly Today => factory.Services.GetRequiredService<PortalClock>().Today;

    [Fact]
    public async Task Home_WhenDemoContentSeeded_ShowsOrganisationRunningCampaignsAndRealUtf8()
    {
        var html = await GetOkAsync("/");
        var today = Today;
        var running = await factory.WithDbAsync(db => db.Campaigns.AsNoTracking()
            .Where(c => c.StartsOn <= today && (c.EndsOn == null || c.EndsOn >= today))
            .Select(c => c.Title).ToListAsync());

        Assert.Contains("Phong trào", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
        AssertShows(html, ["Sở Thông tin và Truyền thông"], "/");
        Assert.NotEmpty(running);
        Assert.Contains(running, t => Html.Text(html).Contains(t, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Home_WhenServed_DeclaresVietnameseAndUtf8()
    {
        using var response = await _client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet, ignoreCase: true);
        Assert.Contains("lang=\"vi\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Campaigns_WhenListed_ShowsEveryCampaignOnFirstPage()
    {
        var titles = await factory.WithDbAsync(db => db.Campaigns.AsNoTracking()
            .OrderByDescending(c => c.IsFeatured).ThenByDescending(c => c.StartsOn).ThenBy(c => c.Id)
            .Take(CampaignService.PageSize).Select(c => c.Title).ToListAsync());

        var html = await GetOkAsync("/phong-trao");

        Assert.Contains("Phong trào", html, StringComparison.Ordinal);
        Assert.Contains(titles, t => t.StartsWith("Tuyên truyền về công tác thi đua, khen thưởng năm 2022", StringComparison.Ordinal));
        AssertShows(html, titles, "/phong-trao");
    }

    [Theory]
    [InlineData("dang-dien-ra", CampaignState.Running)]
    [InlineData("sap-dien-ra", CampaignState.Upcoming)]
    [InlineData("da-ket-thuc", CampaignState.Ended)]
    public async Task Campaigns_WhenFilteredByState_ShowsOnlyCampaignsInThatState(string slug, CampaignState state)
    {
        var today = Today;
        var all = await factory.WithDbAsync(db => db.Campaigns.AsNoTracking().Select(c => new { c.Title, c.StartsOn, c.EndsOn }).ToListAsync());
        var matching = all.Where(c => Campaign.StateOf(c.StartsOn, c.EndsOn, today) == state).Select(c => c.Title).ToList();
        var others = all.Select(c => c.Title).Except(matching).Where(o => !matching.Any(m => m.Contains(o, StringComparison.Ordinal))).ToList();

        var html = Html.Text(await GetOkAsync("/phong-trao?tinh-trang=" + slug));

        AssertShows(html, matching, "/phong-trao?tinh-trang=" + slug);
        foreach (var other in others)
        {
            Assert.False(html.Contains(other, StringComparison.Ordinal), $"tinh-trang={slug} should not list \"{other}\".");
        }
    }

    [Theory]
    [InlineData("chuyen-de", CampaignKind.Thematic)]
    [InlineData("thuong-xuyen", CampaignKind.Regular)]
    public async Task Campaigns_WhenFilteredByKind_ShowsCampaignsOfThatKind(string slug, CampaignKind kind)
    {
        var matching = await factory.WithDbAsync(db => db.Campaigns.AsNoTracking().Where(c => c.Kind == kind)
            .OrderByDescending(c => c.IsFeatured).ThenByDescending(c => c.StartsOn).ThenBy(c => c.Id)
            .Take(CampaignService.PageSize).Select(c => c.Title).ToListAsync());

        var html = await GetOkAsync("/phong-trao?loai=" + slug);

        AssertShows(html, matching, "/phong-trao?loai=" + slug);
    }

    [Fact]
    public async Task Campaigns_WhenFilteredByField_ShowsCampaignsOfThatField()
    {
        var field = await factory.WithDbAsync(db => db.Fields.AsNoTracking()
            .Where(f => db.Campaigns.Any(c => c.Fields.Any(x => x.Id == f.Id)))
            .OrderBy(f => f.SortOrder).Select(f => new { f.Slug, f.Name }).FirstAsync());
        var titles = await factory.WithDbAsync(db => db.Campaigns.AsNoTracking().Where(c => c.Fields.Any(f => f.Slug == field.Slug))
            .Take(CampaignService.PageSize).Select(c => c.Title).ToListAsync());

        var html = await GetOkAsync("/phong-trao?linh-vuc=" + Uri.EscapeDataString(field.Slug));

        AssertShows(html, titles, "/phong-trao?linh-vuc=" + field.Slug);
    }

    [Fact]
    public async Task Campaigns_WhenSixFieldsSeeded_OffersEachFieldAsFilter()
    {
        var fields = await factory.WithDbAsync(db => db.Fields.AsNoTracking().Select(f => f.Name).ToListAsync());

        var html = await GetOkAsync("/phong-trao");

        Assert.Equal(6, fields.Count);
        AssertShows(html, fields, "/phong-trao");
    }

    [Fact]
    public async Task CampaignDetail_WhenDepartmentCampaign_ShowsTitleAndRelatedDocuments()
    {
        var campaign = await factory.WithDbAsync(db => db.Campaigns.AsNoTracking()
            .Where(c => c.Title.StartsWith("Tuyên truyền về công tác thi đua, khen thưởng"))
            .Select(c => new { c.Slug, c.Title, Numbers = c.Documents.Select(d => d.Number).ToList() }).FirstAsync());

        var html = await GetOkAsync("/phong-trao/" + campaign.Slug);

        Assert.NotEmpty(campaign.Numbers);
        AssertShows(html, [campaign.Title, .. campaign.Numbers], "/phong-trao/" + campaign.Slug);
    }

    [Fact]
    public async Task CampaignDetail_WhenEachSeededCampaignRequested_Returns200WithTitle()
    {
        var campaigns = await factory.WithDbAsync(db => db.Campaigns.AsNoTracking().Select(c => new { c.Slug, c.Title }).ToListAsync());
        Assert.True(campaigns.Count >= 6, $"expected the five national movements and the department's own, got {campaigns.Count}");

        foreach (var campaign in campaigns)
        {
            AssertShows(await GetOkAsync("/phong-trao/" + campaign.Slug), [campaign.Title], "/phong-trao/" + campaign.Slug);
        }
    }

    [Fact]
    public async Task News_WhenListed_ShowsLatestPublishedArticles()
    {
        var now = DateTime.UtcNow;
        var titles = await factory.WithDbAsync(db => db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(NewsService.PageSize).Select(a => a.Title).ToListAsync());

        var html = await GetOkAsync("/tin-tuc");

        Assert.NotEmpty(titles);
        AssertShows(html, titles, "/tin-tuc");
    }

    [Fact]
    public async Task News_WhenFilteredByCampaign_ShowsThatCampaignsArticles()
    {
        var now = DateTime.UtcNow;
        var campaign = await factory.WithDbAsync(db => db.Campaigns.AsNoTracking()
            .Where(c => db.Articles.Any(a => a.CampaignId == c.Id && a.Status == ArticleStatus.Published && a.PublishedAt <= now))
            .Select(c => new
            {
                c.Slug,
                Titles = db.Articles.Where(a => a.CampaignId == c.Id && a.Status == ArticleStatus.Published && a.PublishedAt <= now)
                    .OrderByDescending(a => a.PublishedAt).Take(NewsService.PageSize).Select(a => a.Title).ToList(),
            })
            .FirstAsync());

        var html = await GetOkAsync("/tin-tuc?phong-trao=" + campaign.Slug);

        AssertShows(html, campaign.Titles, "/tin-tuc?phong-trao=" + campaign.Slug);
    }

    [Fact]
    public async Task News_WhenFilteredByField_ShowsThatFieldsArticles()
    {
        var now = DateTime.UtcNow;
        var visible = await factory.WithDbAsync(db => db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now)
            .Select(a => new { a.Title, a.PublishedAt, Fields = a.Fields.Select(f => f.Slug).ToList() }).ToListAsync());
        var slug = visible.SelectMany(a => a.Fields).GroupBy(f => f).OrderByDescending(g => g.Count()).Select(g => g.Key).First();
        var titles = visible.Where(a => a.Fields.Contains(slug)).OrderByDescending(a => a.PublishedAt).Take(NewsService.PageSize).Select(a => a.Title).ToList();
        var others = visible.Where(a => !a.Fields.Contains(slug)).Select(a => a.Title).ToList();

        var html = Html.Text(await GetOkAsync("/tin-tuc?linh-vuc=" + slug));

        AssertShows(html, titles, "/tin-tuc?linh-vuc=" + slug);
        Assert.NotEmpty(others);
        Assert.Contains(others, o => !html.Contains(o, StringComparison.Ordinal));
    }

    [Fact]
    public async Task News_WhenSecondPageRequested_Returns200()
    {
        var html = await GetOkAsync("/tin-tuc?trang=2");

        Assert.Contains("Tin tức", Html.Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewsDetail_WhenPublishedArticle_ShowsTitle()
    {
        var now = DateTime.UtcNow;
        var article = await factory.WithDbAsync(db => db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now)
            .OrderByDescending(a => a.PublishedAt).Select(a => new { a.Slug, a.Title }).FirstAsync());

        var html = await GetOkAsync("/tin-tuc/" + article.Slug);

        AssertShows(html, [article.Title], "/tin-tuc/" + article.Slug);
    }

    [Fact]
    public async Task Documents_WhenListed_ShowsSeededDocumentNumbers()
    {
        var html = await GetOkAsync("/van-ban");

        AssertShows(html, ["93/KH-UBND", "34-CT/TW", "19/CT-TTg", "06/2022/QH15"], "/van-ban");
    }

    [Fact]
    public async Task Documents_WhenFilteredByType_ShowsOnlyThatType()
    {
        var plan = await factory.WithDbAsync(db => db.Documents.AsNoTracking().Where(d => d.Number == "93/KH-UBND")
            .Select(d => new { d.DocumentTypeId, Others = db.Documents.Where(o => o.DocumentTypeId != d.DocumentTypeId).Select(o => o.Number).ToList() }).FirstAsync());

        var html = await GetOkAsync("/van-ban?loai=" + plan.DocumentTypeId);

        AssertShows(html, ["93/KH-UBND"], "/van-ban?loai=");
        Assert.DoesNotContain("06/2022/QH15", Html.Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Documents_WhenFilteredByIssuer_ShowsThatIssuersDocuments()
    {
        var issuer = await factory.WithDbAsync(db => db.Documents.AsNoTracking().Where(d => d.Number == "93/KH-UBND").Select(d => d.Issuer).FirstAsync());

        var html = await GetOkAsync("/van-ban?co-quan=" + Uri.EscapeDataString(issuer));

        AssertShows(html, ["93/KH-UBND", issuer], "/van-ban?co-quan=" + issuer);
    }

    [Fact]
    public async Task Documents_WhenFilteredByYear2022_ShowsThatYearsDocuments()
    {
        var numbers2022 = await factory.WithDbAsync(db => db.Documents.AsNoTracking()
            .Where(d => d.IssuedOn >= new DateOnly(2022, 1, 1) && d.IssuedOn < new DateOnly(2023, 1, 1)).Select(d => d.Number).ToListAsync());

        var html = await GetOkAsync("/van-ban?nam=2022");

        Assert.Contains("93/KH-UBND", numbers2022);
        AssertShows(html, numbers2022, "/van-ban?nam=2022");
    }

    [Fact]
    public async Task DocumentDetail_WhenProvincialPlan_ShowsNumberIssuerAndDate()
    {
        var doc = await factory.WithDbAsync(db => db.Documents.AsNoTracking().Where(d => d.Number == "93/KH-UBND")
            .Select(d => new { d.Id, d.Issuer, d.IssuedOn, d.Abstract }).FirstAsync());

        var html = await GetOkAsync("/van-ban/" + doc.Id);

        Assert.Equal(new DateOnly(2022, 4, 12), doc.IssuedOn);
        AssertShows(html, ["93/KH-UBND", doc.Issuer, "12/04/2022", doc.Abstract], "/van-ban/" + doc.Id);
    }

    [Fact]
    public async Task HonorRoll_WhenListed_ShowsRecipientsOfFirstPage()
    {
        var names = await HonoreeNamesAsync(_ => true);

        var html = await GetOkAsync("/vinh-danh");

        Assert.NotEmpty(names);
        AssertShows(html, names, "/vinh-danh");
    }

    [Fact]
    public async Task HonorRoll_WhenFilteredByYear_ShowsThatYearsRecipients()
    {
        var years = await factory.WithDbAsync(db => db.Commendations.Select(c => c.Year).Distinct().ToListAsync());
        Assert.True(years.Count >= 3, $"demo content covers three years, got {string.Join(", ", years)}");
        var year = years.Min();
        var names = await HonoreeNamesAsync(c => c.Year == year);

        var html = await GetOkAsync("/vinh-danh?nam=" + year);

        AssertShows(html, names, "/vinh-danh?nam=" + year);
    }

    [Fact]
    public async Task HonorRoll_WhenFilteredByAward_ShowsThatAwardsRecipients()
    {
        var awardId = await factory.WithDbAsync(db => db.Commendations.GroupBy(c => c.AwardTypeId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync());
        var names = await HonoreeNamesAsync(c => c.AwardTypeId == awardId);

        var html = await GetOkAsync("/vinh-danh?danh-hieu=" + awardId);

        AssertShows(html, names, "/vinh-danh?danh-hieu=" + awardId);
    }

    [Fact]
    public async Task HonorRoll_WhenFilteredByUnit_ShowsThatUnitsRecipients()
    {
        var unitId = await factory.WithDbAsync(db => db.Commendations.Where(c => c.StaffMemberId != null)
            .GroupBy(c => c.StaffMember!.UnitId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync());
        var names = await HonoreeNamesAsync(c => c.UnitId == unitId || (c.StaffMember != null && c.StaffMember.UnitId == unitId));

        var html = await GetOkAsync("/vinh-danh?don-vi=" + unitId);

        AssertShows(html, names, "/vinh-danh?don-vi=" + unitId);
    }

    [Theory]
    [InlineData("ca-nhan", RecipientKind.Individual)]
    [InlineData("tap-the", RecipientKind.Collective)]
    public async Task HonorRoll_WhenFilteredByRecipientKind_ShowsThatKindsRecipients(string slug, RecipientKind kind)
    {
        var names = await HonoreeNamesAsync(c => c.RecipientKind == kind);

        var html = await GetOkAsync("/vinh-danh?doi-tuong=" + slug);

        Assert.NotEmpty(names);
        AssertShows(html, names, "/vinh-danh?doi-tuong=" + slug);
    }

    [Fact]
    public async Task HonorPerson_WhenHonoredStaffMember_ShowsNameAndAwards()
    {
        var person = await factory.WithDbAsync(db => db.Commendations.AsNoTracking().Where(c => c.StaffMemberId != null)
            .Select(c => new { Id = c.StaffMemberId!.Value, c.StaffMember!.FullName, Award = c.AwardType!.Name }).FirstAsync());

        var html = await GetOkAsync("/vinh-danh/ca-nhan/" + person.Id);

        AssertShows(html, [person.FullName, person.Award], "/vinh-danh/ca-nhan/" + person.Id);
    }

    [Fact]
    public async Task HonorUnit_WhenHonoredUnit_ShowsNameAndAwards()
    {
        var unit = await factory.WithDbAsync(db => db.Commendations.AsNoTracking().Where(c => c.UnitId != null)
            .Select(c => new { Id = c.UnitId!.Value, c.Unit!.Name, Award = c.AwardType!.Name }).FirstAsync());

        var html = await GetOkAsync("/vinh-danh/don-vi/" + unit.Id);

        AssertShows(html, [unit.Name, unit.Award], "/vinh-danh/don-vi/" + unit.Id);
    }

    [Theory]
    [InlineData("/phong-trao/khong-ton-tai")]
    [InlineData("/van-ban/999999")]
    [InlineData("/van-ban/999999/tep/1")]
    [InlineData("/tin-tuc/x")]
    [InlineData("/vinh-danh/ca-nhan/999999")]
    [InlineData("/vinh-danh/don-vi/999999")]
    [InlineData("/trang-khong-co")]
    public async Task UnknownAddress_WhenRequested_Returns404WithVietnamesePage(string url)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy", Html.Text(body), StringComparison.Ordinal);
        Html.AssertNoStackTrace(body);
    }

    public static TheoryData<string> BadInputs => new()
    {
        "/phong-trao?trang=-1",
        "/phong-trao?trang=abc",
        "/phong-trao?tinh-trang=xyz",
        "/phong-trao?loai=unknown",
        "/phong-trao?linh-vuc=" + new string('a', 5000),
        "/tin-tuc?trang=-1",
        "/tin-tuc?trang=abc",
        "/tin-tuc?trang=99999",
        "/tin-tuc?phong-trao=" + new string('x', 5000),
        "/van-ban?nam=99999",
        "/van-ban?nam=abc",
        "/van-ban?loai=unknown",
        "/van-ban?loai=-5",
        "/van-ban?co-quan=" + new string('đ', 5000),
        "/van-ban?trang=2147483648",
        "/vinh-danh?nam=99999",
        "/vinh-danh?doi-tuong=xyz",
        "/vinh-danh?danh-hieu=abc",
        "/vinh-danh?don-vi=" + new string('9', 5000),
        "/vinh-danh?trang=-1",
        "/vinh-danh?nam=%00",
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Filters_WhenGivenBadInput_AnswerWithoutServerError(string url)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(
            response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest,
            $"GET {url[..Math.Min(url.Length, 80)]} returned {(int)response.StatusCode}");
        Html.AssertNoStackTrace(body);
    }

    [Fact]
    public async Task Health_WhenDatabaseReachable_ReturnsHealthy()
    {
        using var response = await _client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    private Task<List<string>> HonoreeNamesAsync(System.Linq.Expressions.Expression<Func<Commendation, bool>> predicate) =>
        factory.WithDbAsync(db => db.Commendations.AsNoTracking().Where(predicate)
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.DecidedOn).ThenBy(c => c.Id)
            .Take(HonorService.PageSize)
            .Select(c => c.RecipientKind == RecipientKind.Individual ? c.StaffMember!.FullName : c.Unit!.Name)
            .Distinct().ToListAsync());
}
