using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace EmulationPortal.Web.Infrastructure.Security;

/// <summary>
/// Behind a reverse proxy that ends TLS (nginx, IIS ARR, a load balancer): the scheme and the client's address are read
/// from X-Forwarded-Proto / X-Forwarded-For, but only when the request comes from a proxy named in
/// <c>Security:ForwardedHeaders:KnownProxies</c> (addresses) or <c>KnownNetworks</c> (CIDR). With neither set the
/// headers are ignored, so nobody can claim HTTPS or another client address by sending them. What depends on it:
/// HSTS and <c>__Host-</c> cookies (Request.IsHttps), the sign-in rate limit (the client's address), the audit log.
/// </summary>
internal static class ReverseProxy
{
    public const string SectionName = "Security:ForwardedHeaders";

    public static WebApplicationBuilder AddReverseProxy(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(SectionName);
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        if (proxies.Length == 0 && networks.Length == 0)
        {
            return builder;
        }

        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // One proxy in front: only the last address it appended is believed.
            options.ForwardLimit = section.GetValue("ForwardLimit", 1);
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        builder.Services.AddSingleton(new ReverseProxyMarker());
        return builder;
    }

    /// <summary>First in the pipeline, so that everything after it sees the client's scheme and address.</summary>
    public static WebApplication UseReverseProxy(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<ReverseProxyMarker>() is not null)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    private sealed class ReverseProxyMarker;
}
