using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using EmulationPortal.Accounts;
using EmulationPortal.Common;
using EmulationPortal.Documents;
using EmulationPortal.Feedbacks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace EmulationPortal.Audit;

/// <summary>Turns the change tracker's pending changes into audit entries (old → new per field).</summary>
internal static class AuditRecorder
{
    private const int MaxValueLength = 2000;

    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        nameof(IVersioned.Version), "NameSortKey", "ConcurrencyStamp", "NormalizedUserName", "NormalizedEmail",
    };

    private static readonly HashSet<string> Masked = new(StringComparer.Ordinal) { "PasswordHash", "SecurityStamp" };

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Editors' changes are audited. The creation of an anonymous report (phản ánh) is not: an entry would put the
    /// signed-in submitter's name next to the report's id.
    /// </summary>
    public static bool IsAudited(EntityEntry entry) =>
        entry.Entity is IVersioned or PortalUser or DocumentAttachment or IdentityUserRole<string>
        && !(entry.State == EntityState.Added && entry.Entity is Feedback { IsAnonymous: true });

    /// <summary>The entries to audit, before the save (ids of added rows are filled in after it).</summary>
    public static List<(AuditEntry Entry, EntityEntry Source)> Collect(ChangeTracker tracker, (string? UserId, string UserName) actor, DateTime now)
    {
        var result = new List<(AuditEntry, EntityEntry)>();
        foreach (var entry in tracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsAudited(e)).ToList())
        {
            var changes = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var property in entry.Properties)
            {
                var name = property.Metadata.Name;
                if (Skipped.Contains(name) || property.Metadata.IsPrimaryKey() && entry.State != EntityState.Deleted && property.Metadata.ClrType == typeof(int))
                {
                    continue;
                }

                var old = entry.State == EntityState.Added ? null : property.OriginalValue;
                var current = entry.State == EntityState.Deleted ? null : property.CurrentValue;
                if (entry.State == EntityState.Modified && (!property.IsModified || Equals(old, current)))
                {
                    continue;
                }

                if (Masked.Contains(name))
                {
                    changes[name] = new { old = old is null ? null : "***", @new = current is null ? null : "***" };
                    continue;
                }

                changes[name] = new { old = Format(old), @new = Format(current) };
            }

            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditActions.Create,
                EntityState.Deleted => AuditActions.Delete,
                _ => PublishAction(entry) ?? AuditActions.Update,
            };
            result.Add((new AuditEntry
            {
                At = now,
                UserId = actor.UserId,
                UserName = actor.UserName,
                Action = action,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = KeyOf(entry),
                Changes = JsonSerializer.Serialize(changes, Json),
            }, entry));
        }

        return result;
    }

    public static string KeyOf(EntityEntry entry) =>
        string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));

    /// <summary>A change of a publication flag is recorded as Publish / Unpublish rather than a plain update.</summary>
    private static string? PublishAction(EntityEntry entry)
    {
        foreach (var name in new[] { "Status", "IsPublished" })
        {
            var property = entry.Metadata.FindProperty(name);
            if (property is null || !entry.Property(name).IsModified)
            {
                continue;
            }

            var current = entry.Property(name).CurrentValue;
            var published = current is true || string.Equals(current?.ToString(), "Published", StringComparison.Ordinal);
            return published ? AuditActions.Publish : AuditActions.Unpublish;
        }

        return null;
    }

    private static object? Format(object? value) => value switch
    {
        null => null,
        string s when s.Length > MaxValueLength => s[..MaxValueLength] + "…",
        string s => s,
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        bool or int or long or decimal or double => value,
        byte[] => null,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
