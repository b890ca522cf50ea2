using EmulationPortal.Common;
using EmulationPortal.Participation;
using Microsoft.Extensions.Time.Testing;

namespace EmulationPortal.Tests.Participation;

/// <summary>Lateness of a report from the local calendar date of its first submission (PortalClock over a fake TimeProvider).</summary>
public sealed class ReportsTimingTests
{
    private static readonly TimeZoneInfo Vietnam = PortalClock.FindZone("Asia/Ho_Chi_Minh");

    /// <summary>The date a report submitted at this UTC instant is stored with (ProgressReport.SubmittedOn).</summary>
    private static DateOnly SubmittedOn(DateTimeOffset utc) => new PortalClock(new FakeTimeProvider(utc), Vietnam).Today;

    [Fact]
    public void SubmittedOnTheDueDate_IsOnTime()
    {
        var due = new DateOnly(2026, 3, 31);
        var submitted = SubmittedOn(new DateTimeOffset(2026, 3, 31, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(0, ProgressReport.DaysLate(due, submitted));
        Assert.Equal(new RoundStatus(RoundStanding.OnTime, 0), ReportTiming.StatusOf(due, submitted, submitted));
    }

    [Fact]
    public void SubmittedTheDayAfter_IsOneDayLate()
    {
        var due = new DateOnly(2026, 3, 31);
        var submitted = SubmittedOn(new DateTimeOffset(2026, 4, 1, 2, 0, 0, TimeSpan.Zero));

        Assert.Equal(1, ProgressReport.DaysLate(due, submitted));
        Assert.Equal(new RoundStatus(RoundStanding.Late, 1), ReportTiming.StatusOf(due, submitted, submitted.AddDays(10)));
    }

    [Fact]
    public void AcrossAMonthEnd_31JanuaryTo2February_IsTwoDaysLate()
    {
        var due = new DateOnly(2026, 1, 31);
        var submitted = SubmittedOn(new DateTimeOffset(2026, 2, 2, 8, 0, 0, TimeSpan.Zero));

        Assert.Equal(2, ProgressReport.DaysLate(due, submitted));
    }

    [Fact]
    public void LateEveningUtc_CountsOnTheNextLocalDay()
    {
        // 31/01 20:00 UTC is 01/02 03:00 in Vietnam: the report is one day late, not on time.
        var submitted = SubmittedOn(new DateTimeOffset(2026, 1, 31, 20, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 2, 1), submitted);
        Assert.Equal(1, ProgressReport.DaysLate(new DateOnly(2026, 1, 31), submitted));
    }

    [Theory]
    [InlineData(10, RoundStanding.NotDue, 0)]
    [InlineData(7, RoundStanding.DueSoon, 0)]
    [InlineData(0, RoundStanding.DueSoon, 0)]
    [InlineData(-4, RoundStanding.Overdue, 4)]
    public void WithoutAReport_TheStandingFollowsToday(int dueInDays, RoundStanding standing, int days)
    {
        var today = SubmittedOn(new DateTimeOffset(2026, 1, 30, 3, 0, 0, TimeSpan.Zero));

        Assert.Equal(new RoundStatus(standing, days), ReportTiming.StatusOf(today.AddDays(dueInDays), null, today));
    }
}
