using EmulationPortal.Common;
using Microsoft.AspNetCore.OutputCaching;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>
/// Anonymous public pages come from the output cache. The framework's default rules stay in force: only GET/HEAD,
/// only 200, never for a signed-in request, never when the response sets a cookie (an antiforgery token, TempData),
/// a key per host, path and every query value. Only actions marked with <see cref="PublicPage"/> are cached (pages
/// with a POST form are not), and every save that changes public content evicts them all.
/// </summary>
internal static class OutputCacheRegistration
{
    public const string PublicPage = "PublicPage";

    public const string PublicTag = "public";

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services, IConfiguration configuration)
    {
        // Short enough that what changes with the clock alone (a scheduled article's time, a campaign's state at
        // midnight) shows within this time without a save.
        var duration = configuration.GetValue("OutputCache:Seconds", 30);
        services.AddOutputCache(options =>
        {
            options.SizeLimit = configuration.GetValue("OutputCache:SizeLimitMegabytes", 64L) * 1024 * 1024;
            options.AddPolicy(PublicPage, b => b.Expire(TimeSpan.FromSeconds(duration)).Tag(PublicTag).AddPolicy<NoStorePolicy>());
        });
        services.AddSingleton<NoStorePolicy>();
        services.AddSingleton<IPublicContentChanges, OutputCacheEviction>();
        return services;
    }

    /// <summary>
    /// A response marked "no-store" is never kept. Antiforgery marks every response into which it writes a token,
    /// so a page that grows a POST form is not cached even when its visitor already had the antiforgery cookie
    /// (no Set-Cookie), which would otherwise hand one visitor's token to everyone and fail their posts with 400.
    /// </summary>
    internal sealed class NoStorePolicy : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            ArgumentNullException.ThrowIfNull(context);
            var cacheControl = context.HttpContext.Response.Headers.CacheControl.ToString();
            if (cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase) || cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase))
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }

    private sealed class OutputCacheEviction(IOutputCacheStore store) : IPublicContentChanges
    {
        public Task ChangedAsync(CancellationToken cancellationToken) => store.EvictByTagAsync(PublicTag, CancellationToken.None).AsTask();
    }
}
