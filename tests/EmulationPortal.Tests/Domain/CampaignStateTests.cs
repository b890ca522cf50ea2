using EmulationPortal.Campaigns;
using EmulationPortal.Common;
using Microsoft.Extensions.Time.Testing;

namespace EmulationPortal.Tests.Domain;

public sealed class CampaignStateTests
{
    private static PortalClock ClockAt(DateTimeOffset utc) =>
        new(new FakeTimeProvider(utc), PortalClock.FindZone("Asia/Ho_Chi_Minh"));

    [Fact]
    public void Today_WhenUtcEveningIsNextDayInVietnam_ReturnsVietnameseDate()
    {
        var clock = ClockAt(new DateTimeOffset(2026, 11, 26, 18, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 11, 27), clock.Today);
    }

    [Fact]
    public void Today_WhenJustBeforeVietnameseMidnight_ReturnsSameDate()
    {
        var clock = ClockAt(new DateTimeOffset(2026, 11, 26, 16, 59, 59, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 11, 26), clock.Today);
    }

    [Fact]
    public void StateOf_WhenCampaignStartsOnVietnameseToday_IsRunningAlthoughUtcDateIsEarlier()
    {
        var clock = ClockAt(new DateTimeOffset(2026, 11, 26, 18, 0, 0, TimeSpan.Zero));

        var state = Campaign.StateOf(new DateOnly(2026, 11, 27), new DateOnly(2026, 12, 31), clock.Today);

        Assert.Equal(CampaignState.Running, state);
    }

    [Fact]
    public void StateOf_WhenCampaignEndedOnVietnameseYesterday_IsEnded()
    {
        var clock = ClockAt(new DateTimeOffset(2026, 11, 26, 18, 0, 0, TimeSpan.Zero));

        var state = Campaign.StateOf(new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 26), clock.Today);

        Assert.Equal(CampaignState.Ended, state);
    }

    [Fact]
    public void StateOf_WhenStartIsTomorrow_IsUpcoming()
    {
        var clock = ClockAt(new DateTimeOffset(2026, 11, 26, 18, 0, 0, TimeSpan.Zero));

        Assert.Equal(CampaignState.Upcoming, Campaign.StateOf(new DateOnly(2026, 11, 28), null, clock.Today));
    }

    [Fact]
    public void StateOf_WhenTodayIsTheLastDay_IsStillRunning()
    {
        var today = new DateOnly(2026, 11, 27);

        Assert.Equal(CampaignState.Running, Campaign.StateOf(new DateOnly(2026, 1, 1), today, today));
    }

    [Fact]
    public void StateOf_WhenRegularCampaignHasNoEnd_RunsOnForYears()
    {
        var clock = ClockAt(new DateTimeOffset(2040, 6, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(CampaignState.Running, Campaign.StateOf(new DateOnly(2000, 1, 1), null, clock.Today));
    }

    [Fact]
    public void StateOn_WhenClockAdvancesPastEnd_ChangesFromRunningToEnded()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2022, 12, 31, 16, 0, 0, TimeSpan.Zero));
        var clock = new PortalClock(time, PortalClock.FindZone("Asia/Ho_Chi_Minh"));
        var campaign = new Campaign { StartsOn = new DateOnly(2022, 4, 12), EndsOn = new DateOnly(2022, 12, 31) };
        Assert.Equal(new DateOnly(2022, 12, 31), clock.Today);
        Assert.Equal(CampaignState.Running, campaign.StateOn(clock.Today));

        time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(new DateOnly(2023, 1, 1), clock.Today);
        Assert.Equal(CampaignState.Ended, campaign.StateOn(clock.Today));
    }
}
