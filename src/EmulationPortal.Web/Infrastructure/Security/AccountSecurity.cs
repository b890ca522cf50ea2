using System.Globalization;
using System.Threading.RateLimiting;
using EmulationPortal.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.RateLimiting;

namespace EmulationPortal.Web.Infrastructure.Security;

/// <summary>Lockout, sign-in rate limit and cookie settings (<c>Security:*</c>); see docs/security.md.</summary>
public sealed class AccountSecuritySettings
{
    /// <summary><c>Security:HttpsOnly</c>: the portal is served over HTTPS only; cookies become <c>__Host-</c> and Secure.</summary>
    public bool HttpsOnly { get; init; }

    /// <summary><c>Security:Lockout:MaxFailedAttempts</c> (default 5).</summary>
    public int MaxFailedAttempts { get; init; } = 5;

    /// <summary><c>Security:Lockout:Minutes</c> (default 15; fractions allowed).</summary>
    public double LockoutMinutes { get; init; } = 15;

    /// <summary><c>Security:SignInRateLimit:PermitLimit</c>: sign-in posts per client address and window (default 10).</summary>
    public int SignInPermitLimit { get; init; } = 10;

    /// <summary><c>Security:SignInRateLimit:WindowSeconds</c> (default 60).</summary>
    public int SignInWindowSeconds { get; init; } = 60;

    public string AuthCookieName => HttpsOnly ? "__Host-EmulationPortal.Auth" : ".EmulationPortal.Auth";

    public string AntiforgeryCookieName => HttpsOnly ? "__Host-EmulationPortal.Antiforgery" : ".EmulationPortal.Antiforgery";

    public CookieSecurePolicy SecurePolicy => HttpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    /// <summary>The lockout minutes as shown to users (at least 1).</summary>
    public int LockoutMinutesShown => Math.Max(1, (int)Math.Ceiling(LockoutMinutes));

    public static AccountSecuritySettings From(IConfiguration configuration) => new()
    {
        HttpsOnly = configuration.GetValue("Security:HttpsOnly", false),
        MaxFailedAttempts = Math.Max(1, configuration.GetValue("Security:Lockout:MaxFailedAttempts", 5)),
        LockoutMinutes = Math.Max(0.001, configuration.GetValue("Security:Lockout:Minutes", 15.0)),
        SignInPermitLimit = Math.Max(1, configuration.GetValue("Security:SignInRateLimit:PermitLimit", 10)),
        SignInWindowSeconds = Math.Max(1, configuration.GetValue("Security:SignInRateLimit:WindowSeconds", 60)),
    };
}

/// <summary>Sign-in, password, session and cookie hardening (ASVS V6, V7, V3.3): registration and middleware.</summary>
internal static class AccountSecurity
{
    /// <summary>The rate-limiting policy of the sign-in POST.</summary>
    public const string SignInPolicy = "sign-in";

    public static WebApplicationBuilder AddAccountSecurity(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        var settings = AccountSecuritySettings.From(configuration);
        var session = configuration.GetSection(SessionSettings.SectionName).Get<SessionSettings>() ?? new SessionSettings();
        services.AddSingleton(settings);
        services.AddSingleton(session);

        // V6.2: 8–128 characters, no composition rules; common passwords and the user's own names refused.
        services.Configure<IdentityOptions>(options =>
        {
            options.Password.RequiredLength = PasswordPolicyValidator.MinLength;
            options.Password.RequireDigit = false;
            options.Password.RequireLowercase = false;
            options.Password.RequireUppercase = false;
            options.Password.RequireNonAlphanumeric = false;
            options.Password.RequiredUniqueChars = 1;
            options.Lockout.MaxFailedAccessAttempts = settings.MaxFailedAttempts;
            options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(settings.LockoutMinutes);
            options.Lockout.AllowedForNewUsers = true;
        });
        services.AddScoped<IPasswordValidator<PortalUser>, PasswordPolicyValidator>();

        // V7: server-side sessions (ADR 0013). The security stamp is still checked as a second line: it also reaches
        // sessions cached by another instance of the portal.
        services.AddSingleton<SessionTicketStore>();
        services.AddSingleton<ISessionRevoker>(sp => sp.GetRequiredService<SessionTicketStore>());
        var validationInterval = configuration.GetValue("Security:SessionValidationInterval", TimeSpan.FromMinutes(1));
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = validationInterval);

        // V3.3: HttpOnly, SameSite=Lax (links from mail into the portal keep the user signed in), Secure and __Host-
        // when served over HTTPS only.
        services.ConfigureApplicationCookie(options =>
        {
            Harden(options.Cookie, settings.AuthCookieName, SameSiteMode.Lax, settings);
            options.LoginPath = "/dang-nhap";
            options.LogoutPath = "/dang-xuat";
            options.AccessDeniedPath = "/khong-co-quyen";
            options.CookieManager = new SessionCookieManager(options.LoginPath);

            // Identity's own handler resolves its validator, and with it a sign-in manager, a user manager and a
            // database context, on every request only to find the stamp is not due (9 % of a signed-in page's CPU,
            // docs/performance.md); the same interval test comes first here, so that graph is built only when due.
            options.Events.OnValidatePrincipal = context => StampCheckDue(context, validationInterval)
                ? SecurityStampValidator.ValidatePrincipalAsync(context)
                : Task.CompletedTask;

            // The store ends idle sessions (it sees every request); the ticket itself lasts the absolute lifetime.
            options.SlidingExpiration = false;
            options.ExpireTimeSpan = session.Absolute;
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<SessionTicketStore, TimeProvider>((options, store, time) =>
            {
                options.SessionStore = store;
                options.TimeProvider = time;
            });

        // The antiforgery cookie: Strict is enough (it is only needed on the portal's own form posts), and its tokens
        // are bound to the signed-in session (SessionAntiforgeryData).
        services.AddAntiforgery(options =>
        {
            Harden(options.Cookie, settings.AntiforgeryCookieName, SameSiteMode.Strict, settings);
        });
        services.AddSingleton<IAntiforgeryAdditionalDataProvider, SessionAntiforgeryData>();
        SessionFormTokens.Register(services, settings.AntiforgeryCookieName);

        // V6.3: sign-in posts per client address.
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(SignInPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.SignInPermitLimit,
                    Window = TimeSpan.FromSeconds(settings.SignInWindowSeconds),
                    QueueLimit = 0,
                }));
            options.OnRejected = (context, _) => TooManySignInsAsync(context, settings);
        });
        return builder;
    }

    /// <summary>Runs after routing and authentication (the sign-in rate limit needs the endpoint).</summary>
    public static WebApplication UseAccountSecurity(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    /// <summary>429 with Retry-After and the Vietnamese page (Views/Account/TooManyAttempts).</summary>
    private static async ValueTask TooManySignInsAsync(OnRejectedContext context, AccountSecuritySettings settings)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : settings.SignInWindowSeconds;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccountSecurity))
            .LogWarning("Sign-in rate limit reached for a client address; retry after {Seconds} s", seconds);
        var view = new ViewResult
        {
            ViewName = "~/Views/Account/TooManyAttempts.cshtml",
            StatusCode = StatusCodes.Status429TooManyRequests,
            ViewData = new ViewDataDictionary<int>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = seconds },
        };
        var executor = http.RequestServices.GetRequiredService<IActionResultExecutor<ViewResult>>();
        await executor.ExecuteAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()), view);
    }

    /// <summary>What every portal cookie is: HttpOnly, for the whole site and this host only, Secure per the setting.</summary>
    private static void Harden(CookieBuilder cookie, string name, SameSiteMode sameSite, AccountSecuritySettings settings)
    {
        cookie.Name = name;
        cookie.HttpOnly = true;
        cookie.SameSite = sameSite;
        cookie.SecurePolicy = settings.SecurePolicy;
        cookie.Path = "/";
        cookie.Domain = null;
    }

    /// <summary>Whether Identity's security-stamp check would run: no issue time, or older than the interval.</summary>
    internal static bool StampCheckDue(CookieValidatePrincipalContext context, TimeSpan interval) =>
        context.Properties.IssuedUtc is not { } issued
        || (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow() - issued > interval;
}

/// <summary>
/// Binds antiforgery tokens to the signed-in session: a form token issued in one session is refused in another (ASVS
/// 3.3 session affinity); anonymous forms (the login page) carry no session.
/// </summary>
internal sealed class SessionAntiforgeryData : IAntiforgeryAdditionalDataProvider
{
    public string GetAdditionalData(HttpContext context) => Fingerprint(SessionTicketStore.CurrentKey(context));

    public bool ValidateAdditionalData(HttpContext context, string additionalData) =>
        string.Equals(additionalData ?? string.Empty, Fingerprint(SessionTicketStore.CurrentKey(context)), StringComparison.Ordinal);

    /// <summary>A short hash: the token carries it in the page, not the session key itself.</summary>
    private static string Fingerprint(string? key) =>
        string.IsNullOrEmpty(key)
            ? string.Empty
            : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("af:" + key)), 0, 8);
}
