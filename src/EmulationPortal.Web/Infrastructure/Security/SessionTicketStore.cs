using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using EmulationPortal.Accounts;
using EmulationPortal.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Web.Infrastructure.Security;

/// <summary>Idle timeout and absolute lifetime of a signed-in session (<c>Security:Session</c>).</summary>
public sealed class SessionSettings
{
    public const string SectionName = "Security:Session";

    /// <summary>A session unused this long ends (default 30 minutes).</summary>
    public double IdleMinutes { get; set; } = 30;

    /// <summary>A session ends this long after sign-in whatever the activity (default 12 hours).</summary>
    public double AbsoluteHours { get; set; } = 12;

    public TimeSpan Idle => TimeSpan.FromMinutes(IdleMinutes);

    public TimeSpan Absolute => TimeSpan.FromHours(AbsoluteHours);
}

/// <summary>
/// Server-side sessions (ADR 0013, ASVS V7): the authentication cookie carries only a random key; the ticket lives in
/// the UserSessions table, with the deserialized ticket cached in memory so that a signed-in request in the steady
/// state costs no query (last-seen is written at most once a minute). Sign-out deletes the row, so a replayed cookie
/// finds nothing; <see cref="RevokeAllAsync"/> ends all of a user's sessions at once. The table holds a SHA-256 hash of
/// the key, never the key itself, and the ticket encrypted with Data Protection.
/// </summary>
internal sealed class SessionTicketStore(
    IServiceScopeFactory scopes,
    IDataProtectionProvider dataProtection,
    TimeProvider time,
    SessionSettings settings,
    ILogger<SessionTicketStore> logger) : ITicketStore, ISessionRevoker
{
    /// <summary>The <see cref="HttpContext.Items"/> key under which the current request's session key is kept.</summary>
    public const string CurrentKeyItem = "EmulationPortal.SessionKey";

    private static readonly TimeSpan LastSeenWriteInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, Entry> _cache = new(StringComparer.Ordinal);
    private readonly IDataProtector _protector = dataProtection.CreateProtector("EmulationPortal.UserSession.v1");
    private long _generation;
    private long _nextSweepTicks;

    /// <summary>The session key of the current request, when it is signed in.</summary>
    public static string? CurrentKey(HttpContext context) => context?.Items[CurrentKeyItem] as string;

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, null!, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) => StoreAsync(ticket, null!, cancellationToken);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var userId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("A session needs the user's id claim.");
        var key = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        var entry = new Entry(ticket, userId, now, now + settings.Absolute) { LastSeenTicks = now.UtcTicks, LastWrittenTicks = now.UtcTicks };
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.Set<UserSession>().Add(new UserSession
            {
                Key = Hash(key),
                UserId = userId,
                CreatedAt = now.UtcDateTime,
                LastSeenAt = now.UtcDateTime,
                ExpiresAt = entry.ExpiresAt.UtcDateTime,
                Ticket = Protect(ticket),
            });
            await db.SaveChangesAsync(CancellationToken.None);
        }

        _cache[key] = entry;
        if (httpContext is not null)
        {
            httpContext.Items[CurrentKeyItem] = key;
        }

        await SweepIfDueAsync(now);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, null!, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) => RenewAsync(key, ticket, null!, cancellationToken);

    /// <summary>A refreshed ticket (new claims after a role or password change of one's own, or the stamp check).</summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var protectedTicket = Protect(ticket);
        var hash = Hash(key);
        int updated;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            updated = await db.Set<UserSession>().Where(s => s.Key == hash)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, protectedTicket), CancellationToken.None);
        }

        if (updated == 0)
        {
            // Ended meanwhile: it stays ended.
            _cache.TryRemove(key, out _);
        }
        else if (_cache.TryGetValue(key, out var entry))
        {
            entry.Ticket = ticket;
        }
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null!, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) => RetrieveAsync(key, null!, cancellationToken);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        if (!_cache.TryGetValue(key, out var entry))
        {
            entry = await LoadAsync(key);
            if (entry is null)
            {
                return null;
            }
        }

        var now = time.GetUtcNow();
        if (now >= entry.ExpiresAt || now - new DateTimeOffset(Interlocked.Read(ref entry.LastSeenTicks), TimeSpan.Zero) > settings.Idle)
        {
            logger.LogInformation("Session of user {UserId} ended by the idle timeout or the absolute lifetime", entry.UserId);
            await RemoveAsync(key, httpContext, CancellationToken.None);
            return null;
        }

        Interlocked.Exchange(ref entry.LastSeenTicks, now.UtcTicks);
        var written = Interlocked.Read(ref entry.LastWrittenTicks);
        if (now.UtcTicks - written >= LastSeenWriteInterval.Ticks && Interlocked.CompareExchange(ref entry.LastWrittenTicks, now.UtcTicks, written) == written)
        {
            await WriteLastSeenAsync(key, now);
        }

        if (httpContext is not null)
        {
            httpContext.Items[CurrentKeyItem] = key;
        }

        // A copy: the cookie handler and the stamp validator may change the principal or the properties.
        var cached = entry.Ticket;
        return new AuthenticationTicket(cached.Principal.Clone(), cached.Properties.Clone(), cached.AuthenticationScheme);
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, null!, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => RemoveAsync(key, null!, cancellationToken);

    public async Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        _cache.TryRemove(key, out _);
        if (httpContext is not null && CurrentKey(httpContext) == key)
        {
            httpContext.Items.Remove(CurrentKeyItem);
        }

        var hash = Hash(key);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Set<UserSession>().Where(s => s.Key == hash).ExecuteDeleteAsync(CancellationToken.None);
    }

    public async Task RevokeAllAsync(string userId, string? exceptKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        Interlocked.Increment(ref _generation);
        var exceptHash = exceptKey is null ? null : Hash(exceptKey);
        int deleted;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            deleted = await db.Set<UserSession>().Where(s => s.UserId == userId && s.Key != exceptHash).ExecuteDeleteAsync(CancellationToken.None);
        }

        foreach (var (key, entry) in _cache)
        {
            if (entry.UserId == userId && key != exceptKey)
            {
                _cache.TryRemove(key, out _);
            }
        }

        logger.LogInformation("Ended {Count} sessions of user {UserId}", deleted, userId);
    }

    private async Task<Entry?> LoadAsync(string key)
    {
        var hash = Hash(key);
        while (true)
        {
            var generation = Interlocked.Read(ref _generation);
            UserSession? row;
            using (var scope = scopes.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                row = await db.Set<UserSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Key == hash);
            }

            if (row is null)
            {
                return null;
            }

            AuthenticationTicket? ticket;
            try
            {
                ticket = TicketSerializer.Default.Deserialize(_protector.Unprotect(row.Ticket));
            }
            catch (CryptographicException)
            {
                // Keys lost or rotated away: the session cannot be read and ends.
                ticket = null;
            }

            if (ticket is null)
            {
                return null;
            }

            var entry = new Entry(ticket, row.UserId, Utc(row.CreatedAt), Utc(row.ExpiresAt))
            {
                LastSeenTicks = Utc(row.LastSeenAt).UtcTicks,
                LastWrittenTicks = Utc(row.LastSeenAt).UtcTicks,
            };

            // A revocation that ran while the row was read may have missed this entry: read again.
            if (generation == Interlocked.Read(ref _generation))
            {
                _cache[key] = entry;
                return entry;
            }
        }
    }

    private async Task WriteLastSeenAsync(string key, DateTimeOffset now)
    {
        var hash = Hash(key);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Set<UserSession>().Where(s => s.Key == hash)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now.UtcDateTime), CancellationToken.None);
    }

    /// <summary>Deletes ended sessions now and then (at a sign-in, at most every ten minutes).</summary>
    private async Task SweepIfDueAsync(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweepTicks, (now + SweepInterval).UtcTicks, due) != due)
        {
            return;
        }

        var idleBefore = (now - settings.Idle - LastSeenWriteInterval).UtcDateTime;
        var nowUtc = now.UtcDateTime;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await db.Set<UserSession>().Where(s => s.ExpiresAt <= nowUtc || s.LastSeenAt < idleBefore).ExecuteDeleteAsync(CancellationToken.None);
        }

        foreach (var (key, entry) in _cache)
        {
            if (now >= entry.ExpiresAt || now.UtcTicks - Interlocked.Read(ref entry.LastSeenTicks) > settings.Idle.Ticks)
            {
                _cache.TryRemove(key, out _);
            }
        }
    }

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private static string Hash(string key) => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero);

    private sealed class Entry(AuthenticationTicket ticket, string userId, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        public long LastSeenTicks;

        public long LastWrittenTicks;

        public AuthenticationTicket Ticket { get; set; } = ticket;

        public string UserId { get; } = userId;

        public DateTimeOffset CreatedAt { get; } = createdAt;

        public DateTimeOffset ExpiresAt { get; } = expiresAt;
    }
}
