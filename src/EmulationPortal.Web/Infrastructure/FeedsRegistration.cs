using EmulationPortal.Feeds;
using Microsoft.Extensions.Options;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>RSS feeds, the sitemap, robots.txt and the absolute addresses they and the OpenGraph tags print.</summary>
internal static class FeedsRegistration
{
    public static IServiceCollection AddFeeds(this IServiceCollection services)
    {
        services.AddScoped<FeedService>();
        services.AddOptions<PublicUrlOptions>()
            .BindConfiguration(PublicUrlOptions.SectionName)
            .Validate(o => PublicUrlOptions.TryParseBaseUrl(o.BaseUrl, out _), PublicUrlOptions.InvalidBaseUrlMessage)
            .ValidateOnStart();
        services.AddOptions<SitemapOptions>()
            .BindConfiguration(SitemapOptions.SectionName)
            .Validate(o => o.UrlsPerFile is >= 1 and <= FeedService.MaxUrlsPerSitemap, SitemapOptions.InvalidMessage)
            .ValidateOnStart();
        services.AddSingleton<PublicUrls>();
        return services;
    }
}

/// <summary>
/// "Portal:BaseUrl": the address readers use ("https://thidua.example.gov.vn"), for links that leave the page
/// (feeds, sitemap, OpenGraph, canonical). Unset, the request's own scheme and host are used.
/// </summary>
public sealed class PublicUrlOptions
{
    public const string SectionName = "Portal";

    public const string InvalidBaseUrlMessage =
        "Portal:BaseUrl must be an absolute http or https address without query or fragment, e.g. https://thidua.example.gov.vn";

    public string? BaseUrl { get; set; }

    /// <summary>
    /// True when <paramref name="value"/> is empty (not configured; <paramref name="baseUrl"/> is then null) or an absolute
    /// http(s) address without user info, query or fragment; <paramref name="baseUrl"/> then has no trailing slash.
    /// </summary>
    public static bool TryParseBaseUrl(string? value, out string? baseUrl)
    {
        baseUrl = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Host.Length == 0
            || uri.UserInfo.Length > 0
            || uri.Query.Length > 0
            || uri.Fragment.Length > 0)
        {
            return false;
        }

        baseUrl = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return true;
    }
}

/// <summary>"Sitemap:UrlsPerFile": addresses per sitemap file before it is split behind a sitemap index.</summary>
public sealed class SitemapOptions
{
    public const string SectionName = "Sitemap";

    public const string InvalidMessage = "Sitemap:UrlsPerFile must be between 1 and 50000 (the sitemap protocol's limit).";

    public int UrlsPerFile { get; set; } = FeedService.MaxUrlsPerSitemap;
}

/// <summary>Turns a path of the portal into an absolute address: Portal:BaseUrl when set, else the request's origin.</summary>
public sealed class PublicUrls(IOptions<PublicUrlOptions> options)
{
    private readonly string? _baseUrl = PublicUrlOptions.TryParseBaseUrl(options.Value.BaseUrl, out var parsed) ? parsed : null;

    /// <summary>"https://host[/base]" without a trailing slash.</summary>
    public string Origin(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _baseUrl ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    /// <summary>The absolute address of <paramref name="path"/> ("/tin-tuc/abc"); an absolute address is kept as it is.</summary>
    public string Absolute(HttpRequest request, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Uri.TryCreate(path, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
        {
            return path;
        }

        return Origin(request) + (path.StartsWith('/') ? path : "/" + path);
    }
}
