using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Caching.Memory;

namespace EmulationPortal.Web.Infrastructure.Security;

/// <summary>
/// One form token per signed-in session and antiforgery cookie. The framework decrypts the antiforgery cookie and
/// encrypts a fresh form token for every page that carries a POST form; every signed-in page does (the account menu's
/// sign-out form), and that was 8–10 % of its CPU (docs/performance.md). A form token stays valid for as long as its
/// cookie, user and session do (a per-session synchronizer token), and exactly those inputs key the token kept here.
/// Validation of posted tokens is the framework's, unchanged.
/// </summary>
internal sealed class SessionFormTokens(IAntiforgery inner, string cookieName) : IAntiforgery, IDisposable
{
    private readonly MemoryCache _tokens = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var key = Key(httpContext);
        if (key is not null && _tokens.TryGetValue(key, out AntiforgeryTokenSet? kept) && kept is not null)
        {
            // What the framework does to every response carrying a form token: no cache of any kind keeps it.
            if (!httpContext.Response.HasStarted)
            {
                httpContext.Response.Headers.CacheControl = "no-cache, no-store";
                httpContext.Response.Headers.Pragma = "no-cache";
            }

            return kept;
        }

        var tokens = inner.GetAndStoreTokens(httpContext);

        // Kept only when made for the cookie the browser already holds (no new cookie token goes out with this page).
        if (key is not null && tokens.CookieToken is null)
        {
            _tokens.Set(key, tokens, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        }

        return tokens;
    }

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    public void Dispose() => _tokens.Dispose();

    /// <summary>The session and the antiforgery cookie as sent; null for anonymous requests and first visits.</summary>
    private string? Key(HttpContext context)
    {
        var session = SessionTicketStore.CurrentKey(context);
        return session is not null && context.Request.Cookies.TryGetValue(cookieName, out var cookie) && !string.IsNullOrEmpty(cookie)
            ? session + "\n" + cookie
            : null;
    }

    /// <summary>Wraps the registered <see cref="IAntiforgery"/> (the framework's) in this class.</summary>
    public static void Register(IServiceCollection services, string cookieName)
    {
        var framework = services.LastOrDefault(d => d.ServiceType == typeof(IAntiforgery))
            ?? throw new InvalidOperationException("AddAntiforgery must come before SessionFormTokens.Register.");
        var implementation = framework.ImplementationType
            ?? throw new InvalidOperationException("The registered IAntiforgery has no implementation type to wrap.");
        services.Remove(framework);
        services.AddSingleton<IAntiforgery>(sp => new SessionFormTokens((IAntiforgery)ActivatorUtilities.CreateInstance(sp, implementation), cookieName));
    }
}
