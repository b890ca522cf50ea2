namespace EmulationPortal.Common;

/// <summary>
/// Data of the public pages (not the pages: a signed-in page is rendered for its user) kept in memory between
/// requests and dropped all at once when public content changes or the clock changes what is visible
/// (<see cref="GenerationCache.Clear"/>, called with the output cache's eviction).
/// </summary>
public sealed class PublicDataCache() : GenerationCache(TimeSpan.FromMinutes(5), 5_000)
{
    /// <summary>Where a request keeps the <see cref="GenerationCache.Generation"/> it started with (HttpContext.Items).</summary>
    public const string RequestGenerationKey = "PublicDataGeneration";
}
