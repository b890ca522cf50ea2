using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace EmulationPortal.Common;

/// <summary>
/// Data of the public pages (not the pages: a signed-in page is rendered for its user) kept in memory between
/// requests and dropped all at once when public content changes or the clock changes what is visible
/// (<see cref="Clear"/>, called with the output cache's eviction). Values must be immutable records and lists.
/// </summary>
public sealed class PublicDataCache : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 5_000 });
    private CancellationTokenSource _generation = new();
    private long _generationNumber;

    /// <summary>Where a request keeps the <see cref="Generation"/> it started with (HttpContext.Items).</summary>
    public const string RequestGenerationKey = "PublicDataGeneration";

    /// <summary>Changes with every <see cref="Clear"/>: part of the key of rendered fragments cached from this data.</summary>
    public long Generation => Interlocked.Read(ref _generationNumber);

    public async Task<T> GetOrCreateAsync<T>(string key, Func<Task<T>> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        if (_cache.TryGetValue(key, out T? cached))
        {
            return cached!;
        }

        // The generation is taken before reading, so a value read across a Clear() is stored already expired.
        var generation = _generation.Token;
        var value = await create();
        using (var entry = _cache.CreateEntry(key))
        {
            entry.Value = value;
            entry.Size = 1;
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            entry.AddExpirationToken(new CancellationChangeToken(generation));
        }

        return value;
    }

    public void Clear()
    {
        Interlocked.Increment(ref _generationNumber);
        var previous = Interlocked.Exchange(ref _generation, new CancellationTokenSource());
        previous.Cancel();
        previous.Dispose();
    }

    public void Dispose()
    {
        _generation.Dispose();
        _cache.Dispose();
    }
}
