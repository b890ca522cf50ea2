namespace EmulationPortal.Participation;

/// <summary>Where a unit stands on a round: chưa đến hạn, sắp đến hạn, đã nộp đúng hạn, nộp muộn N ngày, quá hạn chưa nộp.</summary>
public enum RoundStanding
{
    NotDue = 0,
    DueSoon = 1,
    OnTime = 2,
    Late = 3,
    Overdue = 4,
}

/// <summary>A round's standing for one unit, and how many days late (for <see cref="RoundStanding.Late"/> and <see cref="RoundStanding.Overdue"/>).</summary>
public sealed record RoundStatus(RoundStanding Standing, int DaysLate);

/// <summary>Lateness of reports, from calendar dates in the organisation's zone (PortalClock.Today, ProgressReport.SubmittedOn).</summary>
public static class ReportTiming
{
    /// <summary>A round is "sắp đến hạn" this many days before its due date (inclusive).</summary>
    public const int DueSoonDays = 7;

    public static RoundStatus StatusOf(DateOnly dueOn, DateOnly? submittedOn, DateOnly today)
    {
        if (submittedOn is { } submitted)
        {
            var late = ProgressReport.DaysLate(dueOn, submitted);
            return late == 0 ? new RoundStatus(RoundStanding.OnTime, 0) : new RoundStatus(RoundStanding.Late, late);
        }

        if (today > dueOn)
        {
            return new RoundStatus(RoundStanding.Overdue, today.DayNumber - dueOn.DayNumber);
        }

        return dueOn.DayNumber - today.DayNumber <= DueSoonDays
            ? new RoundStatus(RoundStanding.DueSoon, 0)
            : new RoundStatus(RoundStanding.NotDue, 0);
    }
}
