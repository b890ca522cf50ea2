using EmulationPortal.Common;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>
/// Anonymous public pages come from the output cache, and the data of public pages (for signed-in users too) from
/// <see cref="PublicDataCache"/>. The framework's default rules stay in force: only GET/HEAD,
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
            // The key starts with the public data's generation, read when the request starts (after the clock
            // check): a page rendered across a change is stored under the old generation and never served after it.
            options.AddPolicy(PublicPage, b => b
                .Expire(TimeSpan.FromSeconds(duration))
                .Tag(PublicTag)
                .AddPolicy<NoStorePolicy>()
                .AddPolicy<ClockPolicy>()
                .SetCacheKeyPrefix(context => context.RequestServices.GetRequiredService<PublicDataCache>().Generation.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        });
        services.AddSingleton<NoStorePolicy>();
        services.AddSingleton<ClockBoundaries>();
        services.AddSingleton<ClockPolicy>();
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

    private sealed class OutputCacheEviction(IOutputCacheStore store, ClockBoundaries boundaries, PublicDataCache data) : IPublicContentChanges
    {
        public async Task ChangedAsync(CancellationToken cancellationToken)
        {
            data.Clear();
            boundaries.Invalidate();
            await store.EvictByTagAsync(PublicTag, CancellationToken.None);
        }
    }

    /// <summary>Before a cached page is looked up: evicts the pages when the clock alone has changed them.</summary>
    internal sealed class ClockPolicy(ClockBoundaries boundaries) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation) => boundaries.CheckAsync(cancellation);

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }

    /// <summary>
    /// The next instant at which public pages change without a save: an article scheduled for later reaches its
    /// time, or the portal's day ends (campaigns start, run and end by date). Passing it evicts the cached pages, so
    /// a scheduled article appears on the first request after its time, not up to the cache duration later.
    /// </summary>
    internal sealed class ClockBoundaries(IServiceScopeFactory scopes, PortalClock clock, IOutputCacheStore store, PublicDataCache data) : IDisposable
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private DateTime _next = DateTime.MinValue;
        private volatile bool _stale = true;

        public void Invalidate() => _stale = true;

        public async ValueTask CheckAsync(CancellationToken cancellationToken)
        {
            if (!_stale && clock.UtcNow < _next)
            {
                return;
            }

            await _gate.WaitAsync(cancellationToken);
            try
            {
                var now = clock.UtcNow;
                if (!_stale && now < _next)
                {
                    return;
                }

                if (!_stale)
                {
                    data.Clear();
                    await store.EvictByTagAsync(PublicTag, CancellationToken.None);
                }

                _stale = false;
                _next = await NextAsync(now, cancellationToken);
            }
            finally
            {
                _gate.Release();
            }
        }

        public void Dispose() => _gate.Dispose();

        private async Task<DateTime> NextAsync(DateTime now, CancellationToken cancellationToken)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(now, clock.Zone);
            var midnight = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local.Date.AddDays(1), DateTimeKind.Unspecified), clock.Zone);
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<Data.PortalDbContext>();
            var scheduled = await db.Articles.AsNoTracking()
                .Where(a => a.Status == News.ArticleStatus.Published && a.PublishedAt > now)
                .MinAsync(a => a.PublishedAt, cancellationToken);
            return scheduled is { } at && at < midnight ? at : midnight;
        }
    }
}
