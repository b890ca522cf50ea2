using System.Net;
using EmulationPortal.Accounts;
using EmulationPortal.News;
using Microsoft.EntityFrameworkCore;
using static EmulationPortal.Tests.Admin.ContentTestSupport;

namespace EmulationPortal.Tests.Integration;

/// <summary>
/// The anonymous output cache: public pages come from it (the framework marks a cache hit with an Age header),
/// changes show at once, and nothing personal or carrying an antiforgery token is ever served from it.
/// </summary>
public sealed class OutputCacheTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static async Task<(string Body, bool FromCache)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(), response.Headers.Age is not null);
    }

    /// <summary>Gets a page twice anonymously; the second answer must come from the cache.</summary>
    private async Task<string> WarmAsync(string url)
    {
        var anonymous = factory.CreateBrowserlikeClient();
        await GetAsync(anonymous, url);
        var (body, fromCache) = await GetAsync(anonymous, url);
        Assert.True(fromCache, $"{url} should come from the output cache the second time");
        return body;
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/tin-tuc")]
    [InlineData("/phong-trao")]
    [InlineData("/van-ban")]
    [InlineData("/vinh-danh")]
    [InlineData("/tim-kiem?q=thi+dua")]
    [InlineData("/tin-tuc/rss")]
    public async Task AnonymousPublicPages_AreServedFromTheCache(string url) => await WarmAsync(url);

    [Fact]
    public async Task ArticleLifecycle_ShowsAtOnceOnCachedHomeAndLists()
    {
        var title = "Tin bộ nhớ đệm " + Guid.NewGuid().ToString("N")[..8];
        var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        using var created = await TestUsers.PostFormAsync(editor, "/Admin/Articles/Create", "/Admin/Articles/Create",
            Form(("Title", title), ("Summary", "Tóm tắt"), ("Body", "<p>Nội dung.</p>")));
        var id = IdFromLocation(created);
        var anonymous = factory.CreateBrowserlikeClient();

        foreach (var url in new[] { "/", "/tin-tuc" })
        {
            Assert.DoesNotContain(title, Html.Text(await WarmAsync(url)), StringComparison.Ordinal);
        }

        // Published: on the cached pages at once.
        using (var publish = await TestUsers.PostFormAsync(editor, $"/Admin/Articles/Edit/{id}", $"/Admin/Articles/Publish/{id}", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        }

        foreach (var url in new[] { "/", "/tin-tuc" })
        {
            Assert.Contains(title, Html.Text((await GetAsync(anonymous, url)).Body), StringComparison.Ordinal);
        }

        // Edited: the new title at once.
        var edited = title + " (đã sửa)";
        await factory.WithDbAsync(async db =>
        {
            var article = await db.Articles.SingleAsync(a => a.Id == id);
            article.Title = edited;
            return await db.SaveChangesAsync();
        });
        await WarmAsync("/tin-tuc");
        Assert.Contains(edited, Html.Text((await GetAsync(anonymous, "/tin-tuc")).Body), StringComparison.Ordinal);

        // Unpublished: gone at once.
        await WarmAsync("/");
        using (var unpublish = await TestUsers.PostFormAsync(editor, $"/Admin/Articles/Edit/{id}", $"/Admin/Articles/Unpublish/{id}", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, unpublish.StatusCode);
        }

        Assert.DoesNotContain(title, Html.Text((await GetAsync(anonymous, "/")).Body), StringComparison.Ordinal);

        // Published again, cached, then deleted: gone at once.
        using (await TestUsers.PostFormAsync(editor, $"/Admin/Articles/Edit/{id}", $"/Admin/Articles/Publish/{id}", new Dictionary<string, string>()))
        {
        }

        Assert.Contains(title, Html.Text(await WarmAsync("/tin-tuc")), StringComparison.Ordinal);
        using (var delete = await TestUsers.PostFormAsync(editor, $"/Admin/Articles/Delete/{id}", $"/Admin/Articles/Delete/{id}", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        }

        Assert.DoesNotContain(title, Html.Text((await GetAsync(anonymous, "/tin-tuc")).Body), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Id == id && a.Status == ArticleStatus.Published)));
    }

    [Fact]
    public async Task SignedInPages_NeverComeFromTheCache_AndNeverShowAnotherUsersMenu()
    {
        await WarmAsync("/");
        var first = await TestUsers.CreateAsync(factory, Roles.Staff, "nguoi-thu-nhat-" + Guid.NewGuid().ToString("N")[..6]);
        var second = await TestUsers.CreateAsync(factory, Roles.Staff, "nguoi-thu-hai-" + Guid.NewGuid().ToString("N")[..6]);
        const string firstName = "Nguyễn Văn Một", secondName = "Trần Thị Hai";
        await factory.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.UserName == first)).DisplayName = firstName;
            (await db.Users.SingleAsync(u => u.UserName == second)).DisplayName = secondName;
            return await db.SaveChangesAsync();
        });
        var one = factory.CreateBrowserlikeClient();
        var two = factory.CreateBrowserlikeClient();
        using (await TestUsers.SignInAsync(one, first, TestUsers.Password))
        using (await TestUsers.SignInAsync(two, second, TestUsers.Password))
        {
        }

        for (var i = 0; i < 2; i++)
        {
            var (pageOne, cachedOne) = await GetAsync(one, "/");
            var (pageTwo, cachedTwo) = await GetAsync(two, "/");
            Assert.False(cachedOne);
            Assert.False(cachedTwo);
            Assert.Contains(firstName, pageOne, StringComparison.Ordinal);
            Assert.DoesNotContain(secondName, pageOne, StringComparison.Ordinal);
            Assert.Contains(secondName, pageTwo, StringComparison.Ordinal);
            Assert.DoesNotContain(firstName, pageTwo, StringComparison.Ordinal);
            Assert.Contains("/dang-xuat", pageOne, StringComparison.Ordinal);
        }

        // And the anonymous page cached meanwhile has no account menu.
        var (anonymousPage, _) = await GetAsync(factory.CreateBrowserlikeClient(), "/");
        Assert.DoesNotContain(firstName, anonymousPage, StringComparison.Ordinal);
        Assert.DoesNotContain("/dang-xuat", anonymousPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedInReader_SeesAPublishedArticleAtOnce_ThoughTheListsDataIsKeptInMemory()
    {
        var reader = await TestUsers.SignedInClientAsync(factory, Roles.Staff);
        var title = "Tin cho người đã đăng nhập " + Guid.NewGuid().ToString("N")[..8];
        var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        using var created = await TestUsers.PostFormAsync(editor, "/Admin/Articles/Create", "/Admin/Articles/Create",
            Form(("Title", title), ("Summary", "Tóm tắt"), ("Body", "<p>Nội dung.</p>")));
        var id = IdFromLocation(created);
        for (var i = 0; i < 2; i++)
        {
            Assert.DoesNotContain(title, Html.Text((await GetAsync(reader, "/tin-tuc")).Body), StringComparison.Ordinal);
        }

        using (await TestUsers.PostFormAsync(editor, $"/Admin/Articles/Edit/{id}", $"/Admin/Articles/Publish/{id}", new Dictionary<string, string>()))
        {
        }

        var (page, fromCache) = await GetAsync(reader, "/tin-tuc");
        Assert.False(fromCache);
        Assert.Contains(title, Html.Text(page), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Admin")]
    [InlineData("/Admin/Articles")]
    [InlineData("/Admin/SearchIndex")]
    public async Task AdminPages_AreNeverCached(string url)
    {
        var admin = await TestUsers.SignedInClientAsync(factory, Roles.Administrator);
        for (var i = 0; i < 2; i++)
        {
            Assert.False((await GetAsync(admin, url)).FromCache, $"{url} came from the cache");
        }
    }

    [Theory]
    [InlineData("/phan-anh")]
    [InlineData("/dang-nhap")]
    public async Task PagesWithAPostForm_NeverComeFromTheSharedCache_SoEveryVisitorsTokenWorks(string url)
    {
        // Each visitor keeps their own antiforgery cookie across requests, as a browser does.
        var visitors = new[] { factory.CreateBrowserlikeClient(), factory.CreateBrowserlikeClient() };
        var tokens = new List<string>();
        foreach (var visitor in visitors)
        {
            for (var i = 0; i < 2; i++)
            {
                var (body, fromCache) = await GetAsync(visitor, url);
                Assert.False(fromCache, $"{url} came from the cache");
                tokens.Add(Html.AntiforgeryToken(body));
            }
        }

        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task ACachedPage_NeverCarriesAnAntiforgeryToken()
    {
        foreach (var url in new[] { "/", "/tin-tuc", "/phong-trao", "/van-ban", "/vinh-danh", "/tim-kiem?q=khen" })
        {
            Assert.DoesNotContain("__RequestVerificationToken", await WarmAsync(url), StringComparison.Ordinal);
        }
    }
}
