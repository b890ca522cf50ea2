using EmulationPortal.Participation;

namespace EmulationPortal.Reporting;

/// <summary>A share: <see cref="Count"/> of <see cref="Total"/>. With nothing expected the percentage is unknown (shown "—"), never a division by zero.</summary>
public readonly record struct Rate(int Count, int Total)
{
    /// <summary>Percentage rounded to one decimal, or null when <see cref="Total"/> is zero.</summary>
    public decimal? Percent => Total <= 0 ? null : Math.Round(Count * 100m / Total, 1, MidpointRounding.AwayFromZero);
}

/// <summary>A campaign that has participation data (settings or rounds), as the dashboard's index lists it.</summary>
public sealed record CampaignReportItem(int Id, string Title, DateOnly StartsOn, DateOnly? EndsOn, int RoundCount, Rate Registration);

/// <summary>The state of one unit in one round.</summary>
public enum CellState
{
    /// <summary>Submitted on or before the due date.</summary>
    OnTime = 0,

    /// <summary>Submitted after the due date (<see cref="MatrixCell.DaysLate"/> days).</summary>
    Late = 1,

    /// <summary>The due date has passed and there is no report.</summary>
    Missing = 2,

    /// <summary>The due date is today or later and there is no report yet.</summary>
    NotDue = 3,
}

public sealed record MatrixCell(CellState State, int DaysLate, DateOnly? SubmittedOn)
{
    /// <summary>The state of a unit's report in a round, seen on <paramref name="today"/>.</summary>
    public static MatrixCell For(DateOnly dueOn, DateOnly? submittedOn, DateOnly today) =>
        submittedOn is { } submitted
            ? submitted <= dueOn
                ? new MatrixCell(CellState.OnTime, 0, submitted)
                : new MatrixCell(CellState.Late, ProgressReport.DaysLate(dueOn, submitted), submitted)
            : new MatrixCell(dueOn < today ? CellState.Missing : CellState.NotDue, 0, null);
}

public sealed record RoundReportItem(int Id, string Name, ReportKind Kind, DateOnly DueOn, bool IsLocked, Rate Submission, Rate OnTime);

public sealed record MatrixRow(int UnitId, string UnitName, bool Registered, IReadOnlyList<MatrixCell> Cells);

/// <summary>Everything the per-campaign page shows.</summary>
public sealed record CampaignReport(
    int Id,
    string Title,
    DateOnly StartsOn,
    DateOnly? EndsOn,
    DateOnly Today,
    bool AllActiveUnitsExpected,
    Rate Registration,
    IReadOnlyList<RoundReportItem> Rounds,
    IReadOnlyList<MatrixRow> Matrix);

public sealed record UnitRegistrationItem(int CampaignId, string CampaignTitle, DateOnly RegisteredOn);

public sealed record UnitRoundItem(int CampaignId, string CampaignTitle, string RoundName, DateOnly DueOn, MatrixCell Cell);

public sealed record UnitYearSummary(int Year, int Submitted, int OnTime, int Late);

/// <summary>A unit's participation across campaigns and years.</summary>
public sealed record UnitReport(
    int Id,
    string Name,
    int? Year,
    IReadOnlyList<int> Years,
    IReadOnlyList<UnitYearSummary> ByYear,
    IReadOnlyList<UnitRegistrationItem> Registrations,
    IReadOnlyList<UnitRoundItem> Rounds,
    int RoundsPage = 1,
    int RoundsTotalPages = 1,
    int RoundsTotalCount = 0);

public sealed record CountItem(string Label, int Count);

public sealed record YearCount(int Year, int Count);

/// <summary>Women among individual honorees in a year.</summary>
public sealed record WomenShare(int Year, Rate Women);

/// <summary>Commendations counted by year, award type and unit; the share of women among individual honorees.</summary>
public sealed record CommendationReport(
    int? Year,
    IReadOnlyList<int> Years,
    IReadOnlyList<YearCount> ByYear,
    IReadOnlyList<CountItem> ByAwardType,
    IReadOnlyList<CountItem> ByUnit,
    IReadOnlyList<WomenShare> WomenByYear);

public sealed record UnitOption(int Id, string Name);
