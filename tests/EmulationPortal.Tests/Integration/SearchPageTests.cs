using System.Net;
using System.Text.RegularExpressions;
using EmulationPortal.Accounts;
using EmulationPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Tests.Integration;

/// <summary>The results page and the admin's index page, over HTTP against the seeded demo content.</summary>
public sealed partial class SearchPageTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private readonly HttpClient _client = factory.CreateBrowserlikeClient();

    private async Task<string> SearchAsync(string queryString)
    {
        using var response = await _client.GetAsync(new Uri("/tim-kiem" + queryString, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/tim-kiem{queryString} returned {(int)response.StatusCode}");
        Html.AssertNoStackTrace(body);
        return body;
    }

    private static List<string> HitLinks(string html) => HitLink().Matches(html).Select(m => m.Groups["href"].Value).ToList();

    [Fact]
    public async Task UnaccentedQuery_FindsAccentedSeededContent_AndMarksIt()
    {
        var html = await SearchAsync("?q=khen+thuong");

        Assert.Contains("<mark>khen</mark>", html, StringComparison.Ordinal);
        Assert.Contains("<mark>thưởng</mark>", html, StringComparison.Ordinal);
        Assert.Contains(HitLinks(html), l => l.StartsWith("/tin-tuc/", StringComparison.Ordinal));
        Assert.Contains(HitLinks(html), l => l.StartsWith("/van-ban/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("93/KH-UBND")]
    [InlineData("34-CT/TW")]
    [InlineData("06/2022/QH15")]
    public async Task DocumentNumber_PutsThatDocumentFirstOnThePage(string number)
    {
        var id = await factory.WithDbAsync(db => db.Documents.Where(d => d.Number == number).Select(d => d.Id).SingleAsync());

        var html = await SearchAsync("?q=" + Uri.EscapeDataString(number));

        Assert.Equal($"/van-ban/{id}", HitLinks(html)[0]);
        Assert.Contains($"<mark>{number}</mark>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?q=")]
    [InlineData("?q=%20%20%20")]
    [InlineData("?q=%21%21%21%3F%3F")]
    [InlineData("?q=%22")]
    [InlineData("?q=%22thi+dua")]
    [InlineData("?q=thi*")]
    [InlineData("?q=NEAR(thi+dua)")]
    [InlineData("?q=thi+OR+dua")]
    [InlineData("?q=-thi")]
    [InlineData("?q=Tags%3Ak2")]
    [InlineData("?q=%27")]
    [InlineData("?q=%27%3B+DROP+TABLE+Articles%3B--")]
    [InlineData("?q=thi+dua&trang=99999")]
    [InlineData("?q=thi+dua&trang=-1")]
    [InlineData("?q=thi+dua&trang=abc")]
    [InlineData("?q=thi+dua&nhom=tin-tuc&trang=500")]
    [InlineData("?q=thi+dua&nhom=khong-co")]
    [InlineData("?q=thi+dua&nam=99999")]
    [InlineData("?q=thi+dua&nam=1900")]
    [InlineData("?q=a&q=b")]
    [InlineData("?q=%00%01thi")]
    public async Task BadInput_GivesANormalResultsPage(string queryString)
    {
        var html = await SearchAsync(queryString);
        Assert.Contains("<h1>Tìm kiếm</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HtmlAndScriptInTheQuery_AreShownEncoded()
    {
        var html = await SearchAsync("?q=" + Uri.EscapeDataString("<script>alert('x')</script> thi đua"));

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VeryLongQuery_IsCut_AndTheUserIsTold()
    {
        var html = await SearchAsync("?q=" + Uri.EscapeDataString(string.Join(' ', Enumerable.Repeat("khen thưởng", 200))));

        Assert.Contains("Từ khóa quá dài", Html.Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageOutOfRange_SaysSo_AndInvalidFilter_IsReported()
    {
        Assert.Contains("Trang 400 không có kết quả", Html.Text(await SearchAsync("?q=thi+dua&nhom=tin-tuc&trang=400")), StringComparison.Ordinal);
        Assert.Contains("alert-warning", await SearchAsync("?q=thi+dua&nhom=khong-co"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroupFilter_ShowsOnlyThatGroup_WithCountsOnEveryTab()
    {
        var html = await SearchAsync("?q=thi+dua&nhom=van-ban");

        Assert.NotEmpty(HitLinks(html));
        Assert.All(HitLinks(html), l => Assert.StartsWith("/van-ban/", l, StringComparison.Ordinal));
        Assert.Contains("aria-current=\"page\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryPublicPage_HasTheSearchBoxInItsHeader()
    {
        foreach (var url in new[] { "/", "/phong-trao", "/tin-tuc", "/van-ban", "/vinh-danh" })
        {
            var html = await _client.GetStringAsync(new Uri(url, UriKind.Relative));
            Assert.Contains("action=\"/tim-kiem\" role=\"search\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Rebuild_IsForAdministratorsOnly_NeedsTheToken_AndGivesTheSameIndex()
    {
        var before = await factory.WithDbAsync(db => db.SearchEntries.CountAsync());
        Assert.True(before > 0);

        var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        using (var denied = await editor.GetAsync(new Uri("/Admin/SearchIndex", UriKind.Relative)))
        {
            Assert.True(denied.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"Editor got {(int)denied.StatusCode}");
        }

        var admin = await TestUsers.SignedInClientAsync(factory, Roles.Administrator);
        using (var noToken = await admin.PostAsync(new Uri("/Admin/SearchIndex/Rebuild", UriKind.Relative), new FormUrlEncodedContent([])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        }

        using var rebuilt = await TestUsers.PostFormAsync(admin, "/Admin/SearchIndex", "/Admin/SearchIndex/Rebuild", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, rebuilt.StatusCode);
        var page = await admin.GetStringAsync(new Uri("/Admin/SearchIndex", UriKind.Relative));
        Assert.Contains("Đã xây dựng lại chỉ mục tìm kiếm", Html.Text(page), StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.SearchEntries.CountAsync()));
        Assert.Contains(HitLinks(await SearchAsync("?q=93%2FKH-UBND")), l => l.StartsWith("/van-ban/", StringComparison.Ordinal));
    }

    [GeneratedRegex("class=\"search-hit-title\" href=\"(?<href>[^\"]+)\"")]
    private static partial Regex HitLink();
}
