using System.Net;
using EmulationPortal.Tests.Security.Accounts;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace EmulationPortal.Tests.Security.Proxy;

/// <summary>The portal on real Kestrel (the test server has no client address), with or without a trusted proxy.</summary>
public abstract class KestrelProxyFactory : SecuritySettingsFactory
{
    protected KestrelProxyFactory() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

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

/// <summary>A proxy on this machine (127.0.0.1) is trusted; two sign-in posts a minute per client.</summary>
public sealed class TrustedProxyFactory : KestrelProxyFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Security:ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        ["Security:SignInRateLimit:PermitLimit"] = "2",
    };
}

/// <summary>No proxy configured: forwarded headers are anybody's claim and are ignored.</summary>
public sealed class NoProxyFactory : KestrelProxyFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();
}

public sealed class ReverseProxyTests(TrustedProxyFactory trusted, NoProxyFactory untrusted)
    : IClassFixture<TrustedProxyFactory>, IClassFixture<NoProxyFactory>
{
    private static async Task<HttpResponseMessage> GetAsync(Uri address, string path, params (string Name, string Value)[] headers)
    {
        using var client = new HttpClient { BaseAddress = address };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task BehindATrustedProxy_AnHttpsRequest_GetsHsts_AndAPlainOneDoesNot()
    {
        using var viaTls = await GetAsync(trusted.Address, "/", ("X-Forwarded-Proto", "https"));
        using var plain = await GetAsync(trusted.Address, "/");

        Assert.Equal(HttpStatusCode.OK, viaTls.StatusCode);
        Assert.Contains("max-age=31536000", string.Join(",", viaTls.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task WithoutAConfiguredProxy_AForgedForwardedProto_IsIgnored()
    {
        using var forged = await GetAsync(untrusted.Address, "/", ("X-Forwarded-Proto", "https"));

        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.False(forged.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task SignInRateLimit_CountsEachClientBehindTheProxy_Separately()
    {
        using var client = new HttpClient { BaseAddress = trusted.Address };

        async Task<HttpStatusCode> PostAsync(string clientAddress)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/dang-nhap", UriKind.Relative))
            {
                Content = new FormUrlEncodedContent([new("UserName", "khong-co-ai"), new("Password", "sai-mat-khau-1")]),
            };
            request.Headers.Add("X-Forwarded-For", clientAddress);
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }

        var first = await PostAsync("10.20.0.1");
        var second = await PostAsync("10.20.0.1");
        var third = await PostAsync("10.20.0.1");
        var otherClient = await PostAsync("10.20.0.2");

        Assert.NotEqual(HttpStatusCode.TooManyRequests, first);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, second);
        Assert.Equal(HttpStatusCode.TooManyRequests, third);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, otherClient);
    }
}
