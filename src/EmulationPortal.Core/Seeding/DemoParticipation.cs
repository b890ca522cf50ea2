using EmulationPortal.Campaigns;
using EmulationPortal.Data;
using EmulationPortal.Organisation;

namespace EmulationPortal.Seeding;

/// <summary>Demo registrations, rounds and reports for the seeded campaigns (filled in with the participation feature).</summary>
internal static class DemoParticipation
{
    /// <summary>Adds (does not save) the demo participation data for the current year's campaign.</summary>
    public static void Add(PortalDbContext db, IReadOnlyDictionary<string, Campaign> campaigns, IReadOnlyDictionary<string, Unit> units, DateOnly today, DateTime nowUtc)
    {
        _ = (db, campaigns, units, today, nowUtc);
    }
}
