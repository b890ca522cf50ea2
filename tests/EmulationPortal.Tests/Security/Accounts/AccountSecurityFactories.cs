using System.Net;
using System.Text.RegularExpressions;
using EmulationPortal.Accounts;
using EmulationPortal.Tests.Integration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EmulationPortal.Tests.Security.Accounts;

/// <summary>The portal with extra settings on top of the test defaults, and optionally a clock the test moves.</summary>
public abstract class SecuritySettingsFactory : PortalAppFactory
{
    protected abstract IReadOnlyDictionary<string, string?> ExtraSettings { get; }

    /// <summary>When set, the app's <see cref="TimeProvider"/> (sessions, cookies, stamps): tests move time instead of sleeping.</summary>
    public FakeTimeProvider? Clock { get; protected init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(ExtraSettings));
        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        }
    }
}

/// <summary>Sessions on a movable clock; a lockout of about two seconds (Identity's lockout reads the real clock).</summary>
public sealed class SessionClockFactory : SecuritySettingsFactory
{
    public const double LockoutMinutes = 0.03;

    public SessionClockFactory() => Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Security:Lockout:MaxFailedAttempts"] = "5",
        ["Security:Lockout:Minutes"] = LockoutMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Security:Session:IdleMinutes"] = "30",
        ["Security:Session:AbsoluteHours"] = "12",
    };
}

/// <summary>Three sign-in posts a minute per client address.</summary>
public sealed class LowRateLimitFactory : SecuritySettingsFactory
{
    public const int PermitLimit = 3;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Security:SignInRateLimit:PermitLimit"] = PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Security:SignInRateLimit:WindowSeconds"] = "60",
    };
}

/// <summary>The portal configured for HTTPS only (Security:HttpsOnly).</summary>
public sealed class HttpsOnlyFactory : SecuritySettingsFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Security:HttpsOnly"] = "true" };

    public HttpClient CreateHttpsClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });
}

/// <summary>Reading cookies, replaying them, posting the account forms.</summary>
internal static partial class AccountSecurityHelpers
{
    public const string AuthCookie = ".EmulationPortal.Auth";

    /// <summary>The Set-Cookie header of the named cookie (that sets a value, not one that deletes it).</summary>
    public static string? SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.FirstOrDefault(c => c.StartsWith(name + "=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            : null;

    /// <summary>"name=value" of a Set-Cookie header, for a Cookie request header.</summary>
    public static string CookiePair(string setCookie) => setCookie.Split(';')[0];

    /// <summary>A client that keeps no cookies: each request carries exactly the cookie the test gives it.</summary>
    public static HttpClient BareClient(PortalAppFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>GET <paramref name="path"/> with only the given cookie.</summary>
    public static async Task<HttpResponseMessage> GetWithCookieAsync(HttpClient bare, string path, string cookiePair)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookiePair);
        return await bare.SendAsync(request);
    }

    /// <summary>Creates a user with a chosen user name, full name and password (through Identity, so the rules apply).</summary>
    public static async Task<IdentityResult> CreateUserAsync(PortalAppFactory factory, string userName, string displayName, string password, string role = Roles.Staff)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = userName, DisplayName = displayName, LockoutEnabled = true };
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded)
        {
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }

        return created;
    }

    /// <summary>Posts the change-password form as the signed-in client.</summary>
    public static Task<HttpResponseMessage> ChangePasswordAsync(HttpClient client, string current, string next) =>
        TestUsers.PostFormAsync(client, "/doi-mat-khau", "/doi-mat-khau", new Dictionary<string, string>
        {
            ["CurrentPassword"] = current,
            ["NewPassword"] = next,
            ["ConfirmPassword"] = next,
        });

    /// <summary>The login page's answer with what legitimately differs per request removed (tokens, nonces, the typed name).</summary>
    public static string Comparable(string html, string typedUserName) =>
        VolatileAttribute().Replace(html, "$1=\"\"").Replace(WebUtility.HtmlEncode(typedUserName), "{user}", StringComparison.Ordinal).Replace(typedUserName, "{user}", StringComparison.Ordinal);

    /// <summary>The error summary of a form page.</summary>
    public static string ErrorSummary(string html)
    {
        var match = SummaryPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(TagPattern().Replace(match.Groups[1].Value, " ")).Trim() : string.Empty;
    }

    [GeneratedRegex(@"\b(value|nonce)=""[^""]*""", RegexOptions.CultureInvariant)]
    private static partial Regex VolatileAttribute();

    [GeneratedRegex("""class="[^"]*validation-summary[^"]*"[^>]*>(.*?)</div>""", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex SummaryPattern();

    [GeneratedRegex("<[^>]+>", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();
}
