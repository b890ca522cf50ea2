namespace EmulationPortal.Benchmarks;

/// <summary>What <c>fill</c> creates and <c>measure</c> relies on.</summary>
internal static class BenchmarkData
{
    /// <summary>The database file name the app uses in its data folder.</summary>
    public const string DatabaseFileName = "portal.db";

    /// <summary>A Leader created through the app's UserManager; the Leader role may read the dashboard and change nothing.</summary>
    public const string LeaderUserName = "lanhdao.bench";

    /// <summary>Only for throw-away benchmark databases on loopback.</summary>
    public const string LeaderPassword = "bench-leader-2026";

    /// <summary>A Staff member's account (no other role), for the signed-in public pages of issue 6.</summary>
    public const string StaffUserName = "canbo.bench";

    /// <summary>Only for throw-away benchmark databases on loopback.</summary>
    public const string StaffPassword = "bench-staff-2026";

    public const int UnitsPerScale = 500;
    public const int CampaignsAtScaleOne = 50;
    public const int RoundsPerCampaign = 12;
    public const int StaffPerUnit = 5;
    public const int CommendationsAtScaleOne = 10_000;

    /// <summary>Campaigns start in these five years; the dashboard's campaign page is measured on a 2025 campaign whose 12 rounds are all due.</summary>
    public const int FirstYear = 2022;
    public const int Years = 5;
    public const int MeasuredYear = 2025;

    /// <summary>Campaign index (0-based) → its year.</summary>
    public static int YearOf(int campaignIndex) => FirstYear + (campaignIndex % Years);

    /// <summary>Every tenth campaign names its expected units (90 % of them); the others expect every active unit.</summary>
    public static bool HasExplicitUnits(int campaignIndex) => campaignIndex % 10 == 7;
}
