using System.Net;
using EmulationPortal.Tests.Integration;

namespace EmulationPortal.Tests.Security.Errors;

/// <summary>The portal on a real Kestrel port: limits the test server does not have (header size, body size).</summary>
public sealed class KestrelAppFactory : LoggingAppFactory
{
    public KestrelAppFactory()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
    }
}

/// <summary>ASVS V16: requests over Kestrel's limits are refused with a 4xx and no detail, never a 500.</summary>
public sealed class KestrelLimitsTests(KestrelAppFactory factory) : IClassFixture<KestrelAppFactory>
{
    [Fact]
    public async Task AHugeHeader_Is431_WithoutDetails()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.Add("X-Qua-Lon", new string('a', 64 * 1024));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        ErrorPagesTests.AssertRevealsNothing(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ABodyOverTheServersLimit_IsRefusedWith413Page_NotA500()
    {
        using var client = factory.CreateClient();
        using var content = new ByteArrayContent(new byte[31_000_000]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");

        // As a browser-like client would: the headers first, so the server can refuse before the body is sent.
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/phan-anh", UriKind.Relative)) { Content = content };
        request.Headers.ExpectContinue = true;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = Html.Text(await response.Content.ReadAsStringAsync());
        ErrorPagesTests.AssertRevealsNothing(body);
        Assert.Contains("Dữ liệu gửi lên quá lớn", body, StringComparison.Ordinal);
        Assert.Contains(factory.LogLinesWith(ErrorPagesTests.RequestIdOf(body)), l => l.Contains("[INF]", StringComparison.Ordinal) && l.Contains("refused with 413", StringComparison.Ordinal));
    }
}
