using System.Net;
using EmulationPortal.Tests.Integration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EmulationPortal.Tests.Security.Headers;

/// <summary>With Security:HttpsOnly on, plain HTTP is sent to HTTPS and pages ask the browser to upgrade their requests.</summary>
public sealed class HttpsOnlyTests(HttpsOnlyTests.HttpsOnlyPortal portal) : IClassFixture<HttpsOnlyTests.HttpsOnlyPortal>
{
    public sealed class HttpsOnlyPortal : PortalAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Security:HttpsOnly", "true");
            builder.UseSetting("https_port", "443");
        }
    }

    [Fact]
    public async Task PlainHttp_IsRedirectedPermanentlyToHttps()
    {
        var http = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });

        using var response = await http.GetAsync(new Uri("/tin-tuc?trang=2", UriKind.Relative));

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal(new Uri("https://localhost/tin-tuc?trang=2"), response.Headers.Location);
        HeaderAssert.Common(response);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Https_Page_CarriesHstsAndUpgradeInsecureRequests()
    {
        var https = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        using var response = await https.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", HeaderAssert.Single(response, "Strict-Transport-Security"));
        Assert.Equal(HeaderAssert.PagePolicy + "; upgrade-insecure-requests", HeaderAssert.Single(response, "Content-Security-Policy"));
    }
}
