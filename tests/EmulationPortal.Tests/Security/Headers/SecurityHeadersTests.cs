using System.Net;
using EmulationPortal.Accounts;
using EmulationPortal.Tests.Integration;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Tests.Security.Headers;

/// <summary>ASVS V3.4: the response headers on pages (fresh and from the output cache), the admin area, file downloads,
/// static files, error pages and redirects.</summary>
public sealed class SecurityHeadersTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task HomePage_FreshAndFromOutputCache_CarriesEveryHeader()
    {
        var client = factory.CreateBrowserlikeClient();

        using var first = await client.GetAsync(new Uri("/", UriKind.Relative));
        using var second = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull(second.Headers.Age); // the second answer really came from the output cache
        HeaderAssert.Page(first);
        HeaderAssert.Page(second);
    }

    [Fact]
    public async Task AdminPages_SignedInEditor_CarryEveryHeader()
    {
        var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);

        foreach (var url in new[] { "/Admin", "/Admin/Articles/Create" })
        {
            using var response = await editor.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            HeaderAssert.Page(response);
        }
    }

    [Fact]
    public async Task DocumentDownload_CarriesNosniffAndTheLockedDownPolicy()
    {
        var file = await factory.WithDbAsync(db => db.DocumentAttachments.AsNoTracking()
            .Select(a => new { a.DocumentId, a.StoredFileId })
            .FirstAsync());

        using var response = await factory.CreateBrowserlikeClient()
            .GetAsync(new Uri($"/van-ban/{file.DocumentId}/tep/{file.StoredFileId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        HeaderAssert.Common(response);
        Assert.Equal(HeaderAssert.NonDocumentPolicy, HeaderAssert.Single(response, "Content-Security-Policy"));
    }

    [Theory]
    [InlineData("/css/site.css", "text/css")]
    [InlineData("/js/site.js", "text/javascript")]
    [InlineData("/img/logo.svg", "image/svg+xml")]
    public async Task StaticFile_CarriesNosniffAndTheLockedDownPolicy(string url, string mediaType)
    {
        using var response = await factory.CreateBrowserlikeClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        HeaderAssert.Common(response);
        Assert.Equal(HeaderAssert.NonDocumentPolicy, HeaderAssert.Single(response, "Content-Security-Policy"));
    }

    [Fact]
    public async Task StaticFile_NotModified_StillCarriesNosniff_AndNoPolicyThatWouldReplaceThePagesOwn()
    {
        var client = factory.CreateBrowserlikeClient();
        using var first = await client.GetAsync(new Uri("/css/site.css", UriKind.Relative));
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/css/site.css", UriKind.Relative));
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        HeaderAssert.Common(second);
        Assert.False(second.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task NotFoundPage_IsTheVietnamesePage_WithEveryHeader()
    {
        using var response = await factory.CreateBrowserlikeClient().GetAsync(new Uri("/khong-co-trang-nay-" + Guid.NewGuid().ToString("N"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        HeaderAssert.Page(response);
        Assert.Contains("Không tìm thấy trang", Html.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirect_ToSignIn_CarriesNosniffReferrerPolicyAndFrameAncestors()
    {
        using var response = await factory.CreateBrowserlikeClient().GetAsync(new Uri("/Admin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        HeaderAssert.Common(response);
        Assert.Equal("frame-ancestors 'self'", HeaderAssert.Single(response, "Content-Security-Policy"));
    }

    [Fact]
    public async Task Hsts_OneYear_OnHttps_AndNeverOnPlainHttp()
    {
        var https = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var http = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });

        using var secure = await https.GetAsync(new Uri("/", UriKind.Relative));
        using var plain = await http.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", HeaderAssert.Single(secure, "Strict-Transport-Security"));
        HeaderAssert.Page(secure);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }
}
