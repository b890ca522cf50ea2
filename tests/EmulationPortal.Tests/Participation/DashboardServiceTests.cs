using EmulationPortal.Campaigns;
using EmulationPortal.Common;
using EmulationPortal.Honors;
using EmulationPortal.Organisation;
using EmulationPortal.Participation;
using EmulationPortal.Reporting;
using Microsoft.Extensions.Time.Testing;

namespace EmulationPortal.Tests.Participation;

/// <summary>The dashboard's figures, computed by <see cref="ReportingService"/> against SQLite in memory with a fake clock.</summary>
public sealed class DashboardServiceTests
{
    // 15/06/2026 10:00 in Vietnam.
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 6, 15, 3, 0, 0, TimeSpan.Zero));
    private static readonly PortalClock Clock = new(Time, PortalClock.FindZone("Asia/Ho_Chi_Minh"));
    private static readonly DateOnly Today = new(2026, 6, 15);

    [Fact]
    public async Task CampaignRates_WithZeroExpectedUnits_AreUnknownInsteadOfDividingByZero()
    {
        var (connection, db) = await DashboardTestData.InMemoryAsync();
        await using var _ = connection;
        await using var __ = db;
        // No unit at all: "every active unit" is nobody.
        var campaign = new Campaign { Title = "Phong trào không có đơn vị", Slug = "khong-don-vi", StartsOn = Today.AddMonths(-1) };
        db.Campaigns.Add(campaign);
        db.ParticipationSettings.Add(new ParticipationSettings { Campaign = campaign, RegistrationExpected = true });
        db.ReportRounds.Add(new ReportRound { Campaign = campaign, Name = "Quý II", DueOn = Today.AddDays(-1) });
        await db.SaveChangesAsync();

        var report = await new ReportingService(db, Clock).CampaignAsync(campaign.Id);
        var index = await new ReportingService(db, Clock).CampaignsAsync(null, 1);

        Assert.NotNull(report);
        Assert.Equal(new Rate(0, 0), report.Registration);
        Assert.Null(report.Registration.Percent);
        var round = Assert.Single(report.Rounds);
        Assert.Null(round.Submission.Percent);
        Assert.Null(round.OnTime.Percent);
        Assert.Empty(report.Matrix);
        Assert.Null(Assert.Single(index.Items).Registration.Percent);
    }

    [Fact]
    public async Task Matrix_WithFakeClock_ShowsOnTimeLateByDaysMissingAndNotDue()
    {
        var (connection, db) = await DashboardTestData.InMemoryAsync();
        await using var _ = connection;
        await using var __ = db;
        var data = await DashboardTestData.SeedAsync(db, Today);

        var report = await new ReportingService(db, Clock).CampaignAsync(data.CampaignId);

        Assert.NotNull(report);
        Assert.Equal(["Quý I", "Tổng kết", "Sơ kết 6 tháng"], report.Rounds.Select(r => r.Name));
        MatrixCell Cell(int unit, int round) => report.Matrix.Single(m => m.UnitId == unit).Cells[round];

        Assert.Equal(CellState.OnTime, Cell(data.UnitA, 0).State);
        Assert.Equal(CellState.Late, Cell(data.UnitB, 0).State);
        Assert.Equal(3, Cell(data.UnitB, 0).DaysLate);
        Assert.Equal(CellState.Missing, Cell(data.UnitC, 0).State);
        // Due today without a report: the unit still has the day.
        Assert.Equal(CellState.NotDue, Cell(data.UnitC, 1).State);
        Assert.Equal(CellState.OnTime, Cell(data.UnitA, 2).State);
        Assert.Equal(CellState.NotDue, Cell(data.UnitB, 2).State);

        // A day after the "today" round's due date, the same empty cell is missing.
        var nextWeek = new PortalClock(new FakeTimeProvider(new DateTimeOffset(2026, 6, 16, 3, 0, 0, TimeSpan.Zero)), Clock.Zone);
        var later = await new ReportingService(db, nextWeek).CampaignAsync(data.CampaignId);
        Assert.Equal(CellState.Missing, later!.Matrix.Single(m => m.UnitId == data.UnitC).Cells[1].State);
    }

    [Fact]
    public async Task CampaignRates_CountRegisteredExpectedUnitsAndReportsOnTime()
    {
        var (connection, db) = await DashboardTestData.InMemoryAsync();
        await using var _ = connection;
        await using var __ = db;
        var data = await DashboardTestData.SeedAsync(db, Today);

        var report = await new ReportingService(db, Clock).CampaignAsync(data.CampaignId);

        Assert.NotNull(report);
        Assert.False(report.AllActiveUnitsExpected);
        Assert.Equal(new Rate(2, 3), report.Registration);
        Assert.Equal(66.7m, report.Registration.Percent);
        var first = report.Rounds[0];
        Assert.Equal(new Rate(2, 3), first.Submission);
        Assert.Equal(new Rate(1, 3), first.OnTime);
        Assert.Equal(33.3m, first.OnTime.Percent);
    }

    [Fact]
    public async Task UnitReport_ListsItsRoundsWithStatesAndAYearlySummary()
    {
        var (connection, db) = await DashboardTestData.InMemoryAsync();
        await using var _ = connection;
        await using var __ = db;
        var data = await DashboardTestData.SeedAsync(db, Today);

        var b = await new ReportingService(db, Clock).UnitAsync(data.UnitB, null);

        Assert.NotNull(b);
        Assert.Equal(2026, b.Year);
        Assert.Equal([CellState.Late, CellState.NotDue, CellState.NotDue], b.Rounds.Select(r => r.Cell.State));
        var year = Assert.Single(b.ByYear);
        Assert.Equal(new UnitYearSummary(2026, 1, 0, 1), year);
        Assert.Single(b.Registrations);
        Assert.Null(await new ReportingService(db, Clock).UnitAsync(999_999, null));
    }

    [Fact]
    public async Task UnitReport_WithManyRounds_ShowsThemAHundredAPage_ButExportsThemAll()
    {
        var (connection, db) = await DashboardTestData.InMemoryAsync();
        await using var _ = connection;
        await using var __ = db;
        var data = await DashboardTestData.SeedAsync(db, Today);
        for (var i = 0; i < 150; i++)
        {
            db.ReportRounds.Add(new ReportRound { CampaignId = data.CampaignId, Name = $"Đợt bổ sung {i}", DueOn = Today.AddDays(i % 60 - 30), SortOrder = 10 + i });
        }

        await db.SaveChangesAsync();
        var service = new ReportingService(db, Clock);

        var first = await service.UnitAsync(data.UnitB, null, roundsPage: 1);
        var second = await service.UnitAsync(data.UnitB, null, roundsPage: 2);
        var beyond = await service.UnitAsync(data.UnitB, null, roundsPage: 99);
        var all = await service.UnitAsync(data.UnitB, null);

        Assert.Equal(153, all!.Rounds.Count);
        Assert.Equal(ReportingService.UnitRoundsPageSize, first!.Rounds.Count);
        Assert.Equal((1, 2, 153), (first.RoundsPage, first.RoundsTotalPages, first.RoundsTotalCount));
        Assert.Equal(53, second!.Rounds.Count);
        Assert.Equal(2, beyond!.RoundsPage);
        Assert.Equal(all.Rounds.Select(r => r.RoundName), first.Rounds.Concat(second.Rounds).Select(r => r.RoundName));
    }

    [Fact]
    public async Task Commendations_AreCountedByYearAwardAndUnit_WithTheShareOfWomen()
    {
        var (connection, db) = await DashboardTestData.InMemoryAsync();
        await using var _ = connection;
        await using var __ = db;
        var unit = new Unit { Name = "Phòng Kế hoạch - Tài chính" };
        var other = new Unit { Name = "Văn phòng Sở" };
        var individual = new AwardType { Name = "Chiến sĩ thi đua cơ sở", RecipientKind = RecipientKind.Individual };
        var collective = new AwardType { Name = "Tập thể lao động xuất sắc", RecipientKind = RecipientKind.Collective };
        var woman = new StaffMember { FullName = "Nguyễn Thị Ánh", Gender = Gender.Female, Unit = unit };
        var man = new StaffMember { FullName = "Trần Văn Bình", Gender = Gender.Male, Unit = other };
        db.AddRange(unit, other, individual, collective, woman, man);
        await db.SaveChangesAsync();
        Commendation Award(int year, AwardType type, StaffMember? person, Unit? toUnit)
        {
            var c = new Commendation { Year = year, DecisionNumber = $"{year}/QĐ-SKHCN", DecidedOn = new DateOnly(year, 12, 1), DecidedBy = "Giám đốc Sở" };
            if (person is not null)
            {
                c.AwardTo(type, person);
            }
            else
            {
                c.AwardTo(type, toUnit!);
            }

            return c;
        }

        db.Commendations.AddRange(
            Award(2025, individual, woman, null),
            Award(2025, individual, man, null),
            Award(2025, collective, null, unit),
            Award(2024, individual, man, null));
        await db.SaveChangesAsync();

        var all = await new ReportingService(db, Clock).CommendationsAsync(null);
        var y2025 = await new ReportingService(db, Clock).CommendationsAsync(2025);

        Assert.Equal([new YearCount(2025, 3), new YearCount(2024, 1)], all.ByYear);
        Assert.Equal([new CountItem("Chiến sĩ thi đua cơ sở", 3), new CountItem("Tập thể lao động xuất sắc", 1)], all.ByAwardType);
        Assert.Equal([new CountItem("Phòng Kế hoạch - Tài chính", 2), new CountItem("Văn phòng Sở", 1)], y2025.ByUnit);
        var women2025 = Assert.Single(all.WomenByYear, w => w.Year == 2025);
        Assert.Equal(new Rate(1, 2), women2025.Women);
        Assert.Equal(0m, Assert.Single(all.WomenByYear, w => w.Year == 2024).Women.Percent);
    }

    [Fact]
    public async Task CommendationFigures_FollowEditsDeletesAndAStaffMove_ThroughTheSummaryKeptOnWrite()
    {
        var (connection, db) = await DashboardTestData.InMemoryAsync();
        await using var _ = connection;
        await using var __ = db;
        var planning = new Unit { Name = "Phòng Kế hoạch - Tài chính" };
        var office = new Unit { Name = "Văn phòng Sở" };
        var individual = new AwardType { Name = "Chiến sĩ thi đua cơ sở", RecipientKind = RecipientKind.Individual };
        var person = new StaffMember { FullName = "Lê Thị Hoa", Gender = Gender.Female, Unit = planning };
        db.AddRange(planning, office, individual, person);
        await db.SaveChangesAsync();
        var first = new Commendation { Year = 2024, DecisionNumber = "12/QĐ-SKHCN", DecidedOn = new DateOnly(2024, 12, 1), DecidedBy = "Giám đốc Sở" };
        first.AwardTo(individual, person);
        var second = new Commendation { Year = 2025, DecisionNumber = "15/QĐ-SKHCN", DecidedOn = new DateOnly(2025, 12, 1), DecidedBy = "Giám đốc Sở" };
        second.AwardTo(individual, person);
        db.Commendations.AddRange(first, second);
        await db.SaveChangesAsync();
        var reports = new ReportingService(db, Clock);

        // The year of a decision corrected: one figure moves from 2024 to 2025.
        first.Year = 2025;
        await db.SaveChangesAsync();
        Assert.Equal([new YearCount(2025, 2)], (await reports.CommendationsAsync(null)).ByYear);

        // The person moves to another unit: their commendations count for the unit they are in now.
        person.UnitId = office.Id;
        person.Gender = Gender.Male;
        await db.SaveChangesAsync();
        var moved = await reports.CommendationsAsync(2025);
        Assert.Equal([new CountItem("Văn phòng Sở", 2)], moved.ByUnit);
        Assert.Equal(new Rate(0, 2), Assert.Single(moved.WomenByYear).Women);

        // A commendation removed disappears from every figure.
        db.Commendations.Remove(second);
        await db.SaveChangesAsync();
        var after = await reports.CommendationsAsync(null);
        Assert.Equal([new YearCount(2025, 1)], after.ByYear);
        Assert.Equal([new CountItem("Chiến sĩ thi đua cơ sở", 1)], after.ByAwardType);
        Assert.Equal(1, db.CommendationTallies.Where(t => t.Dimension == TallyDimension.AwardType).Sum(t => t.Total));
    }

    [Fact]
    public void Rate_WithNothingExpected_HasNoPercent()
    {
        Assert.Null(new Rate(0, 0).Percent);
        Assert.Equal(100m, new Rate(3, 3).Percent);
    }
}
