using System.Text.Encodings.Web;
using System.Text.Json;
using EmulationPortal.Accounts;
using EmulationPortal.Common;
using EmulationPortal.Data;

namespace EmulationPortal.Audit;

/// <summary>
/// Writes the audit entries that no entity change produces (sign-ins). Entity changes are audited by
/// <see cref="PortalDbContext.SaveChangesAsync(bool, CancellationToken)"/> itself.
/// </summary>
public sealed class AuditService(PortalDbContext db, PortalClock clock)
{
    private const int MaxUserNameLength = 256;

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Records one action. <paramref name="userName"/> is stored as typed (cut to the column's length); never pass a
    /// password, an address or anything else that identifies a device. <paramref name="details"/> become "new" values.
    /// </summary>
    /// <param name="action">One of <see cref="AuditActions"/>.</param>
    /// <param name="userId">The acting user when known (a successful sign-in), else null.</param>
    /// <param name="userName">The user name as typed.</param>
    /// <param name="accountId">The account concerned, when one exists (also for a failed sign-in to an existing account).</param>
    /// <param name="details">Extra values (e.g. the reason of a failure), stored as "new" values.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    public async Task RecordAsync(
        string action, string? userId, string userName, string? accountId = null, IReadOnlyDictionary<string, string?>? details = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        var name = VietnameseText.Normalize(userName ?? string.Empty).Trim();
        if (name.Length > MaxUserNameLength)
        {
            name = name[..MaxUserNameLength];
        }

        var changes = (details ?? new Dictionary<string, string?>())
            .ToDictionary(d => d.Key, d => new { old = (string?)null, @new = d.Value }, StringComparer.Ordinal);
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.UtcNow,
            UserId = userId,
            UserName = name,
            Action = action,
            EntityType = nameof(PortalUser),
            EntityId = accountId ?? userId ?? string.Empty,
            Changes = JsonSerializer.Serialize(changes, Json),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
