using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace EmulationPortal.Common;

/// <summary>
/// Values read from the database kept in memory between requests and dropped all at once by <see cref="Clear"/>.
/// Values must be immutable records and lists. A value read across a <see cref="Clear"/> is stored already expired.
/// </summary>
public abstract class GenerationCache(TimeSpan lifetime, int sizeLimit) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = sizeLimit });
    private CancellationTokenSource _generation = new();
    private long _generationNumber;

    /// <summary>Changes with every <see cref="Clear"/>.</summary>
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
            entry.AbsoluteExpirationRelativeToNow = lifetime;
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
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _generation.Dispose();
            _cache.Dispose();
        }
    }
}
