using EmulationPortal.Accounts;
using EmulationPortal.Audit;
using EmulationPortal.Common;
using EmulationPortal.Feedbacks;
using EmulationPortal.Search;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace EmulationPortal.Reporting;

/// <summary>
/// The leaders' dashboard figures kept in memory between requests: they are counted over every registration and
/// report, and leaders open the same pages again and again. Every save that changes anything but the rows listed
/// below drops them all (<see cref="Data.PortalDbContext"/> calls <see cref="GenerationCache.Clear"/> after the
/// commit), so a figure is never older than the last save; the short lifetime covers writes by another process.
/// </summary>
public sealed class ReportingDataCache() : GenerationCache(TimeSpan.FromMinutes(1), 500)
{
    /// <summary>Rows no dashboard figure is counted from: accounts, sign-ins and sessions, the audit log, feedback, the search index.</summary>
    private static readonly HashSet<Type> UnrelatedTypes =
    [
        typeof(PortalUser), typeof(IdentityRole), typeof(IdentityUserRole<string>), typeof(IdentityUserClaim<string>),
        typeof(IdentityUserLogin<string>), typeof(IdentityUserToken<string>), typeof(IdentityRoleClaim<string>),
        typeof(UserSession), typeof(AuditEntry), typeof(Feedback), typeof(SearchEntry),
    ];

    /// <summary>Whether a pending save can change a dashboard figure; a new entity type errs on the side of eviction.</summary>
    public static bool IsChangedBy(ChangeTracker changeTracker)
    {
        ArgumentNullException.ThrowIfNull(changeTracker);
        return changeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && !UnrelatedTypes.Contains(e.Metadata.ClrType));
    }
}
