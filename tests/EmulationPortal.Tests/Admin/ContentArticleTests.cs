using System.Net;
using System.Net.Http.Json;
using EmulationPortal.Accounts;
using EmulationPortal.News;
using EmulationPortal.Tests.Integration;
using Microsoft.EntityFrameworkCore;
using static EmulationPortal.Tests.Admin.ContentTestSupport;

namespace EmulationPortal.Tests.Admin;

/// <summary>Articles in the admin area: writing, publishing, sanitizing, slugs, images, preview, roles.</summary>
public sealed class ContentArticleTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private async Task<(HttpClient Client, int Id)> CreateDraftAsync(string title, string body, string? slug = null)
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var fields = Form(("Title", title), ("Summary", "Tóm tắt thử nghiệm"), ("Body", body));
        if (slug is not null)
        {
            fields["Slug"] = slug;
        }

        using var response = await TestUsers.PostFormAsync(client, "/Admin/Articles/Create", "/Admin/Articles/Create", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, IdFromLocation(response));
    }

    [Fact]
    public async Task Editor_CreatesAndPublishesArticle_ItAppearsOnPublicNewsPage()
    {
        var title = "Sơ kết phong trào thi đua " + Guid.NewGuid().ToString("N")[..8];
        var (client, id) = await CreateDraftAsync(title, "<p>Nội dung <strong>sơ kết</strong>.</p>");

        var before = await factory.CreateClient().GetStringAsync(new Uri("/tin-tuc", UriKind.Relative));
        Assert.DoesNotContain(title, Html.Text(before), StringComparison.Ordinal);

        using var publish = await TestUsers.PostFormAsync(client, $"/Admin/Articles/Edit/{id}", $"/Admin/Articles/Publish/{id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);

        var after = await factory.CreateClient().GetStringAsync(new Uri("/tin-tuc", UriKind.Relative));
        Assert.Contains(title, Html.Text(after), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Returns400_AndSavesNothing()
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var title = "Không có mã chống giả mạo " + Guid.NewGuid().ToString("N")[..8];
        using var content = new FormUrlEncodedContent(Form(("Title", title), ("Body", "<p>x</p>")));
        using var response = await client.PostAsync(new Uri("/Admin/Articles/Create", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Title == title)));
    }

    [Theory]
    [InlineData("/Admin/Campaigns")]
    [InlineData("/Admin/Articles")]
    [InlineData("/Admin/Documents")]
    [InlineData("/Admin/Campaigns/Create")]
    public async Task Leader_CanReadContentPages(string url)
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Leader);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/Admin/Campaigns/Create", "Title", "Phong trào của lãnh đạo")]
    [InlineData("/Admin/Articles/Create", "Title", "Tin của lãnh đạo")]
    [InlineData("/Admin/Documents/Create", "Number", "1/KH-UBND")]
    public async Task Leader_PostingAForm_Gets403_AndNothingIsSaved(string url, string field, string value)
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Leader);
        var countBefore = await factory.WithDbAsync(async db => await db.Campaigns.CountAsync() + await db.Articles.CountAsync() + await db.Documents.CountAsync());
        using var response = await TestUsers.PostFormAsync(client, url, url, Form((field, value), ("Body", "<p>x</p>"), ("StartsOn", "2026-01-01")));

        await AssertForbiddenAsync(client, response);
        var countAfter = await factory.WithDbAsync(async db => await db.Campaigns.CountAsync() + await db.Articles.CountAsync() + await db.Documents.CountAsync());
        Assert.Equal(countBefore, countAfter);
    }

    [Fact]
    public async Task Staff_GetsForbidden_OnContentPages()
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Staff);
        using var response = await client.GetAsync(new Uri("/Admin/Articles", UriKind.Relative));
        await AssertForbiddenAsync(client, response);
    }

    public static TheoryData<string, string> XssPayloads => new()
    {
        { "<script>alert('xss')</script>", "alert('xss')" },
        { "<img src=\"x\" onerror=\"alert('img')\">", "onerror" },
        { "<a href=\"javascript:alert('link')\">bấm</a>", "javascript:" },
        { "<svg><script>alert('svg')</script></svg>", "alert('svg')" },
        { "<p style=\"width: expression(alert('css'))\">kiểu</p>", "expression(" },
        { "<iframe src=\"https://example.com/\"></iframe>", "<iframe" },
        { "<div onmouseover=\"alert('div')\">rê chuột</div>", "onmouseover" },
    };

    [Theory]
    [MemberData(nameof(XssPayloads))]
    public async Task XssPayload_IsStrippedBeforeStorage_AndNeverReachesPublicPage(string payload, string forbidden)
    {
        var marker = "An toàn " + Guid.NewGuid().ToString("N")[..8];
        var (client, id) = await CreateDraftAsync("Bài kiểm tra mã độc " + marker, $"<p>{marker}</p>{payload}");

        var stored = await factory.WithDbAsync(db => db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => a.Body).SingleAsync());
        Assert.Contains(marker, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(forbidden, stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", stored, StringComparison.OrdinalIgnoreCase);

        using var publish = await TestUsers.PostFormAsync(client, $"/Admin/Articles/Edit/{id}", $"/Admin/Articles/Publish/{id}", new Dictionary<string, string>());
        var slug = await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());
        var page = await factory.CreateClient().GetStringAsync(new Uri($"/tin-tuc/{slug}", UriKind.Relative));
        var articleBody = page[page.IndexOf("rich-text", StringComparison.Ordinal)..];
        Assert.Contains(marker, articleBody, StringComparison.Ordinal);
        Assert.DoesNotContain(forbidden, articleBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DuplicateSlug_IsRefusedWithVietnameseMessage_And400()
    {
        var slug = "tin-trung-" + Guid.NewGuid().ToString("N")[..8];
        var (client, _) = await CreateDraftAsync("Bài thứ nhất", "<p>Một</p>", slug);

        using var response = await TestUsers.PostFormAsync(client, "/Admin/Articles/Create", "/Admin/Articles/Create",
            Form(("Title", "Bài thứ hai"), ("Body", "<p>Hai</p>"), ("Slug", slug)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = Html.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains($"Đường dẫn “{slug}” đã được dùng", html, StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Articles.CountAsync(a => a.Slug == slug)));
    }

    [Theory]
    [InlineData("Có Dấu")]
    [InlineData("../etc")]
    [InlineData("a b")]
    public async Task MalformedSlug_IsRefused(string slug)
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        using var response = await TestUsers.PostFormAsync(client, "/Admin/Articles/Create", "/Admin/Articles/Create",
            Form(("Title", "Bài có đường dẫn sai"), ("Body", "<p>x</p>"), ("Slug", slug)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Đường dẫn chỉ gồm chữ thường không dấu", Html.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingTitleAndBody_ShowVietnameseMessages_And400()
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        using var response = await TestUsers.PostFormAsync(client, "/Admin/Articles/Create", "/Admin/Articles/Create", Form(("Title", " "), ("Body", "<script>x</script>")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = Html.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("Tiêu đề không được để trống.", html, StringComparison.Ordinal);
        Assert.Contains("Nội dung bài viết không được để trống.", html, StringComparison.Ordinal);
        Html.AssertNoStackTrace(html);
    }

    [Fact]
    public async Task UploadImage_WithTokenInHeader_ReturnsPublicImageUrl()
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var token = Html.AntiforgeryToken(await client.GetStringAsync(new Uri("/Admin/Articles/Create", UriKind.Relative)));
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Png()), "file", "anh.png" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Admin/Articles/UploadImage") { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var url = (await response.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["url"];
        Assert.Matches("^/anh/[0-9]+$", url);
        using var image = await factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UploadImage_ThatIsNotAnImage_IsRefusedInVietnamese()
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var token = Html.AntiforgeryToken(await client.GetStringAsync(new Uri("/Admin/Articles/Create", UriKind.Relative)));
        using var content = new MultipartFormDataContent { { new ByteArrayContent("<html><script>x</script></html>"u8.ToArray()), "file", "anh.png" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Admin/Articles/UploadImage") { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Nội dung tệp không đúng với phần mở rộng", (await response.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadImage_WithoutToken_Returns400()
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Png()), "file", "anh.png" } };
        using var response = await client.PostAsync(new Uri("/Admin/Articles/UploadImage", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Preview_ShowsDraftMarkedAsPreview_ButPublicPageStays404()
    {
        var title = "Bản nháp để xem trước " + Guid.NewGuid().ToString("N")[..8];
        var (client, id) = await CreateDraftAsync(title, "<p>Đoạn xem trước</p>");

        var preview = Html.Text(await client.GetStringAsync(new Uri($"/Admin/Articles/Preview/{id}", UriKind.Relative)));
        Assert.Contains("Bản xem trước", preview, StringComparison.Ordinal);
        Assert.Contains(title, preview, StringComparison.Ordinal);

        var slug = await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());
        using var publicPage = await factory.CreateClient().GetAsync(new Uri($"/tin-tuc/{slug}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, publicPage.StatusCode);

        using var anonymous = await factory.CreateBrowserlikeClient().GetAsync(new Uri($"/Admin/Articles/Preview/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/dang-nhap", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unpublish_TakesArticleOffPublicPage()
    {
        var title = "Tin sẽ bị gỡ " + Guid.NewGuid().ToString("N")[..8];
        var (client, id) = await CreateDraftAsync(title, "<p>Gỡ</p>");
        using (await TestUsers.PostFormAsync(client, $"/Admin/Articles/Edit/{id}", $"/Admin/Articles/Publish/{id}", new Dictionary<string, string>()))
        {
        }

        using var unpublish = await TestUsers.PostFormAsync(client, $"/Admin/Articles/Edit/{id}", $"/Admin/Articles/Unpublish/{id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, unpublish.StatusCode);
        Assert.Equal(ArticleStatus.Draft, await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
        var news = await factory.CreateClient().GetStringAsync(new Uri("/tin-tuc", UriKind.Relative));
        Assert.DoesNotContain(title, Html.Text(news), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownArticle_Returns404()
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        using var response = await client.GetAsync(new Uri("/Admin/Articles/Edit/987654", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
