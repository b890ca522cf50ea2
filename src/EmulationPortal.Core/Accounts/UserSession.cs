namespace EmulationPortal.Accounts;

/// <summary>
/// A signed-in session held on the server (ADR 0013): the cookie carries only <see cref="Key"/>. Deleting the row ends
/// the session at once; a replayed cookie then finds nothing.
/// </summary>
public class UserSession
{
    /// <summary>A random, URL-safe key (256 bits); the only thing the cookie refers to.</summary>
    public string Key { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    /// <summary>When the user signed in (UTC); the absolute lifetime counts from here.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>The last request seen (UTC), written at most about once a minute; the idle timeout counts from here.</summary>
    public DateTime LastSeenAt { get; set; }

    /// <summary>When the session ends whatever the activity (UTC).</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>The serialized authentication ticket (claims and properties).</summary>
    public byte[] Ticket { get; set; } = [];
}

/// <summary>Ends sessions held on the server: called wherever a user's right to their sessions changes.</summary>
public interface ISessionRevoker
{
    /// <summary>Ends every session of the user, except <paramref name="exceptKey"/> when given (the caller's own).</summary>
    Task RevokeAllAsync(string userId, string? exceptKey = null, CancellationToken cancellationToken = default);
}
