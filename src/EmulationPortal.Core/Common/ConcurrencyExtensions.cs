using System.Globalization;
using EmulationPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Common;

public static class ConcurrencyExtensions
{
    /// <summary>Makes the save check that the row still has the version the form was read at.</summary>
    public static void ExpectVersion<T>(this PortalDbContext db, T entity, int version)
        where T : class, IVersioned
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Entry(entity).Property(e => e.Version).OriginalValue = version;
    }

    /// <summary>
    /// Saves; when another editor saved first, returns what is stored now instead of overwriting it.
    /// </summary>
    public static async Task<ConcurrencyConflict?> SaveOrConflictAsync(this PortalDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException ex)
        {
            var entry = ex.Entries.FirstOrDefault(e => e.Entity is IVersioned);
            var stored = entry is null ? null : await entry.GetDatabaseValuesAsync(cancellationToken);
            if (entry is null || stored is null)
            {
                // Deleted meanwhile.
                return new ConcurrencyConflict(-1, new Dictionary<string, string?>());
            }

            var values = stored.Properties
                .Where(p => p.Name != nameof(IVersioned.Version) && p.ClrType != typeof(byte[]))
                .ToDictionary(p => p.Name, p => Convert.ToString(stored[p], CultureInfo.InvariantCulture));
            return new ConcurrencyConflict(stored.GetValue<int>(nameof(IVersioned.Version)), values);
        }
    }
}
