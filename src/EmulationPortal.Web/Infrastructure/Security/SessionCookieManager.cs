using Microsoft.AspNetCore.Authentication.Cookies;

namespace EmulationPortal.Web.Infrastructure.Security;

/// <summary>
/// The authentication cookie's manager: on the sign-in page (GET and POST) the incoming cookie is not read, so that a
/// sign-in always stores a new session under a new key. (With a session store, the cookie handler would otherwise
/// renew the ticket under the key the browser brought, and a key planted in a victim's browser before they sign in
/// would then carry their session: session fixation, ASVS 7.2.4.)
/// </summary>
internal sealed class SessionCookieManager(PathString signInPath) : ICookieManager
{
    private readonly ChunkingCookieManager _inner = new();

    public string? GetRequestCookie(HttpContext context, string key)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Path.Equals(signInPath, StringComparison.OrdinalIgnoreCase) ? null : _inner.GetRequestCookie(context, key);
    }

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        _inner.AppendResponseCookie(context, key, value, options);

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) => _inner.DeleteCookie(context, key, options);
}
