using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace EmulationPortal.Web.Infrastructure.Security;

/// <summary>
/// Response headers (ASVS V3.4): a constant Content-Security-Policy (the views hold no inline script, style or event
/// handler, so no nonce is needed and a page stored by the output cache can be replayed to anyone), nosniff,
/// referrer policy, HSTS on HTTPS, no Server header. See docs/security.md.
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
    public const string ContentSecurityPolicy = ContentSecurityPolicyWithoutUpgrade + "; upgrade-insecure-requests";

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

    /// <summary>
    /// One year, the least ASVS accepts; at level 2 ASVS also wants the portal's own subdomains covered
    /// (includeSubDomains covers hosts under the portal's host name, not its siblings). Security:Hsts:IncludeSubDomains
    /// = false drops it for a portal served at a bare domain whose other subdomains are not yet HTTPS.
    /// </summary>
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    public const string StrictTransportSecurityHostOnly = "max-age=31536000";

    /// <summary>Responses without a body type (redirects, 204): nothing to restrict but framing.</summary>
    public const string BodilessPolicy = "frame-ancestors 'self'";

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
            // The target port is Kestrel's own HTTPS endpoint, or the https_port setting (443 behind a proxy).
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
        var hsts = app.Configuration.GetValue("Security:Hsts:IncludeSubDomains", true) ? StrictTransportSecurity : StrictTransportSecurityHostOnly;

        app.Use((context, next) =>
        {
            // Set when the response starts, not now: the exception handler clears the headers of a failed response,
            // and the output cache, static assets, 304s and re-executed error pages all start their response later.
            context.Response.OnStarting(
                static state =>
                {
                    var (ctx, csp, sts) = ((HttpContext, string, string?))state;
                    Apply(ctx, csp, sts);
                    return Task.CompletedTask;
                },
                (context, policy, sendHsts ? hsts : null));
            return next(context);
        });

        if (httpsOnly)
        {
            app.UseHttpsRedirection();
        }

        return app;
    }

    private static void Apply(HttpContext context, string policy, string? hsts)
    {
        var headers = context.Response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers["Referrer-Policy"] = ReferrerPolicy;
        headers.Remove(HeaderNames.Server);
        headers.Remove(HeaderNames.XPoweredBy);

        if (hsts is not null && context.Request.IsHttps)
        {
            headers[HeaderNames.StrictTransportSecurity] = hsts;
        }

        headers[HeaderNames.XFrameOptions] = "SAMEORIGIN";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;

        // A 304 carries no policy: a browser merges the headers of a 304 into the response it has stored, and a page
        // must keep its own policy.
        if (context.Response.StatusCode == StatusCodes.Status304NotModified)
        {
            return;
        }

        var contentType = headers[HeaderNames.ContentType];
        headers[HeaderNames.ContentSecurityPolicy] = contentType.Count == 0 ? BodilessPolicy : IsHtml(contentType) ? policy : NonDocumentPolicy;
    }

    private static bool IsHtml(StringValues contentType) =>
        contentType.Count > 0 && contentType[0] is { } value && value.StartsWith("text/html", StringComparison.OrdinalIgnoreCase);
}
