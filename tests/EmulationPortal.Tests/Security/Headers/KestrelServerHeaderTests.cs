using System.Net;
using EmulationPortal.Tests.Integration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace EmulationPortal.Tests.Security.Headers;

/// <summary>The portal on real Kestrel (the test server never writes a Server header, so only Kestrel can prove it is gone).</summary>
public sealed class KestrelServerHeaderTests : IClassFixture<KestrelServerHeaderTests.KestrelPortal>
{
    private readonly KestrelPortal _portal;

    public KestrelServerHeaderTests(KestrelPortal portal)
    {
        _portal = portal;
    }

    public sealed class KestrelPortal : PortalAppFactory
    {
        public KestrelPortal()
        {
            UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        }

        public Uri Address
        {
            get
            {
                StartServer();
                var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
                return new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)));
            }
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/css/site.css")]
    [InlineData("/khong-co-trang-nay")]
    public async Task RealKestrel_SendsNoServerHeader_AndTheSecurityHeaders(string url)
    {
        using var client = new HttpClient { BaseAddress = _portal.Address };

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, response.StatusCode.ToString());
        Assert.False(response.Headers.Contains("Server"), "Server: " + string.Join(", ", response.Headers.Server));
        HeaderAssert.Common(response);
    }
}
