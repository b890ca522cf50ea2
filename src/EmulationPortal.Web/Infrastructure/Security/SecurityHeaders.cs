using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace EmulationPortal.Web.Infrastructure.Security;

/// <summary>
/// Response headers (ASVS V3.4): a constant Content-Security-Policy (the views hold no inline script, style or event
/// handler, so no nonce is needed and a page stored by the output cache can be replayed to anyone), nosniff,
/// referrer policy, HSTS on HTTPS, no Server header. See docs/security-headers.md.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>Configuration switch shared with the cookie settings: the site is served over HTTPS only.</summary>
    public const string HttpsOnlyKey = "Security:HttpsOnly";

    /// <summary>
    /// The policy of every HTML page. Everything comes from the portal itself: scripts and style sheets are files under
    /// wwwroot, images are the portal's own (plus data: URIs, which Bootstrap's CSS uses for its small SVG icons),
    /// fonts are bootstrap-icons' woff2. No 'unsafe-inline', no 'unsafe-eval', no plugins, no &lt;base&gt;, framing
    /// and form posts only by the portal itself.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; " +
        "script-src 'self'; " +
        "style-src 'self'; " +
        "img-src 'self' data:; " +
        "font-src 'self'; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'none'; " +
        "frame-ancestors 'self'; " +
        "form-action 'self'; " +
        "upgrade-insecure-requests";

    /// <summary>The same policy for a site also reachable over plain HTTP (the demo on http://localhost:5000).</summary>
    public const string ContentSecurityPolicyWithoutUpgrade =
        "default-src 'self'; " +
        "script-src 'self'; " +
        "style-src 'self'; " +
        "img-src 'self' data:; " +
        "font-src 'self'; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'none'; " +
        "frame-ancestors 'self'; " +
        "form-action 'self'";

    /// <summary>
    /// Everything that is not a page (files, images, feeds, style sheets): nothing may load or run if a browser ever
    /// shows it as a document, and it may not be framed by another site.
    /// </summary>
    public const string NonDocumentPolicy = "default-src 'none'; frame-ancestors 'self'; sandbox";

    /// <summary>Browser features the portal never uses, switched off for it and anything it might embed.</summary>
    public const string PermissionsPolicy =
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), magnetometer=(), gyroscope=(), accelerometer=()";

    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    /// <summary>One year, the least ASVS and the HSTS preload list accept.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Kestrel names itself in a Server header unless told not to; the portal's software is nobody's business.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);

        // The portal ships no client-side validation library, and with client validation on, a valid validation summary
        // is written as <li style="display:none">, an inline style the policy refuses (the empty bullet would show).
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.MvcViewOptions>(o => o.HtmlHelperOptions.ClientValidationEnabled = false);

        if (builder.Configuration.GetValue(HttpsOnlyKey, false))
        {
            // Behind a proxy the port is usually 443; when the app listens on HTTPS itself Kestrel's address is found.
            builder.Services.AddHttpsRedirection(o => o.RedirectStatusCode = StatusCodes.Status308PermanentRedirect);
        }

        return builder;
    }

    /// <summary>Runs first, so that every response (error pages and static files included) carries the headers.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var httpsOnly = app.Configuration.GetValue(HttpsOnlyKey, false);
        var policy = httpsOnly ? ContentSecurityPolicy : ContentSecurityPolicyWithoutUpgrade;

        // HSTS is never sent to the developer's own machine: a browser would then refuse http://localhost for a year.
        var sendHsts = !app.Environment.IsDevelopment();

        app.Use((context, next) =>
        {
            // Set when the response starts, not now: the exception handler clears the headers of a failed response,
            // and the output cache, static assets, 304s and re-executed error pages all start their response later.
            context.Response.OnStarting(
                static state =>
                {
                    var (ctx, csp, hsts) = ((HttpContext, string, bool))state;
                    Apply(ctx, csp, hsts);
                    return Task.CompletedTask;
                },
                (context, policy, sendHsts));
            return next(context);
        });

        if (httpsOnly)
        {
            app.UseHttpsRedirection();
        }

        return app;
    }

    private static void Apply(HttpContext context, string policy, bool sendHsts)
    {
        var headers = context.Response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers["Referrer-Policy"] = ReferrerPolicy;
        headers.Remove(HeaderNames.Server);
        headers.Remove(HeaderNames.XPoweredBy);

        if (sendHsts && context.Request.IsHttps)
        {
            headers[HeaderNames.StrictTransportSecurity] = StrictTransportSecurity;
        }

        headers[HeaderNames.XFrameOptions] = "SAMEORIGIN";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;

        // A 304 and a redirect carry no policy: a browser merges the headers of a 304 into the page it has stored,
        // and the page's own policy must stay.
        var contentType = headers[HeaderNames.ContentType];
        if (contentType.Count > 0 && context.Response.StatusCode != StatusCodes.Status304NotModified)
        {
            headers[HeaderNames.ContentSecurityPolicy] = IsHtml(contentType) ? policy : NonDocumentPolicy;
        }
    }

    private static bool IsHtml(StringValues contentType) =>
        contentType.Count > 0 && contentType[0] is { } value && value.StartsWith("text/html", StringComparison.OrdinalIgnoreCase);
}
