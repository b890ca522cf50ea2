using EmulationPortal.Data;
using EmulationPortal.Honors;
using EmulationPortal.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace EmulationPortal.Reporting;

/// <summary>What a <see cref="CommendationTally"/> row counts by.</summary>
public enum TallyDimension
{
    /// <summary>ItemId is the award type; every commendation is counted once here, so these rows sum to the year's total.</summary>
    AwardType = 1,

    /// <summary>ItemId is the unit: the collective recipient, or the unit of the individual recipient.</summary>
    Unit = 2,

    /// <summary>ItemId is the <see cref="Gender"/> of individual recipients.</summary>
    Gender = 3,
}

/// <summary>
/// The commendation report's summary: commendations counted per year and per award type, unit or gender. It is
/// rebuilt for the affected years in the same transaction as every save that adds, removes or changes a
/// commendation (or moves a staff member between units, or changes a gender), so its size follows
/// years × (award types + units), not the number of commendations (docs/performance.md).
/// </summary>
public class CommendationTally
{
    public int Year { get; set; }

    public TallyDimension Dimension { get; set; }

    public int ItemId { get; set; }

    public int Total { get; set; }
}

/// <summary>Keeps <see cref="CommendationTally"/> in step with the commendations; called by <see cref="PortalDbContext"/>.</summary>
public static class CommendationTallyBuilder
{
    /// <summary>Years whose tallies a pending save changes; null when nothing does, empty when every year does.</summary>
    public static HashSet<int>? AffectedYears(ChangeTracker changeTracker)
    {
        ArgumentNullException.ThrowIfNull(changeTracker);
        HashSet<int>? years = null;
        foreach (var entry in changeTracker.Entries<Commendation>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    (years ??= []).Add(entry.Entity.Year);
                    break;
                case EntityState.Deleted:
                    (years ??= []).Add(entry.Property(c => c.Year).OriginalValue);
                    break;
                case EntityState.Modified:
                    years ??= [];
                    years.Add(entry.Property(c => c.Year).OriginalValue);
                    years.Add(entry.Entity.Year);
                    break;
            }
        }

        foreach (var entry in changeTracker.Entries<StaffMember>())
        {
            var regroups = entry.State == EntityState.Deleted
                || (entry.State == EntityState.Modified
                    && (entry.Property(s => s.UnitId).IsModified || entry.Property(s => s.Gender).IsModified));
            if (regroups)
            {
                // Their commendations may be of any year: rebuild all (a rare administrative change).
                return [];
            }
        }

        return years;
    }

    /// <summary>Recounts the given years (every year when <paramref name="years"/> is empty) from the commendations.</summary>
    public static async Task RebuildAsync(PortalDbContext db, IReadOnlyCollection<int> years, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(years);
        if (years.Count == 0)
        {
            await db.CommendationTallies.ExecuteDeleteAsync(cancellationToken);
            foreach (var sql in InsertStatements(string.Empty, string.Empty))
            {
                await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
            }

            return;
        }

        foreach (var year in years.Order())
        {
            await db.CommendationTallies.Where(t => t.Year == year).ExecuteDeleteAsync(cancellationToken);
            foreach (var sql in InsertStatements("WHERE Year = {0}", "AND c.Year = {0}"))
            {
                await db.Database.ExecuteSqlRawAsync(sql, [year], cancellationToken);
            }
        }
    }

    // Plain SQL that SQLite and SQL Server both accept (unquoted identifiers, no provider functions): INSERT … SELECT
    // keeps the counting in the database instead of loading commendations. Dimension values are TallyDimension's.
    private static string[] InsertStatements(string whereYear, string andYear) =>
    [
        $"""
        INSERT INTO CommendationTallies (Year, Dimension, ItemId, Total)
        SELECT Year, 1, AwardTypeId, COUNT(*) FROM Commendations {whereYear} GROUP BY Year, AwardTypeId
        """,
        $"""
        INSERT INTO CommendationTallies (Year, Dimension, ItemId, Total)
        SELECT t.Year, 2, t.UnitId, COUNT(*) FROM (
            SELECT c.Year, c.UnitId FROM Commendations c WHERE c.UnitId IS NOT NULL {andYear}
            UNION ALL
            SELECT c.Year, s.UnitId FROM Commendations c INNER JOIN StaffMembers s ON s.Id = c.StaffMemberId WHERE 1 = 1 {andYear}
        ) t GROUP BY t.Year, t.UnitId
        """,
        $"""
        INSERT INTO CommendationTallies (Year, Dimension, ItemId, Total)
        SELECT c.Year, 3, s.Gender, COUNT(*) FROM Commendations c INNER JOIN StaffMembers s ON s.Id = c.StaffMemberId
        WHERE 1 = 1 {andYear} GROUP BY c.Year, s.Gender
        """,
    ];
}
