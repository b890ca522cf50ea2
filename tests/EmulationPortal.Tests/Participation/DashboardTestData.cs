using EmulationPortal.Campaigns;
using EmulationPortal.Data;
using EmulationPortal.Organisation;
using EmulationPortal.Participation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EmulationPortal.Tests.Participation;

/// <summary>The ids of one campaign's participation data made for a dashboard test.</summary>
internal sealed record DashboardData(int CampaignId, int UnitA, int UnitB, int UnitC, int PastRound, int FutureRound, int TodayRound);

/// <summary>
/// Participation data written straight through <see cref="PortalDbContext"/> (the demo data comes from another part):
/// three expected units A, B, C; A and B registered; a round due 10 days ago (A on time, B 3 days late, C missing),
/// a round due in 5 days (A already in, B and C not due yet) and a round due today (nobody yet: not due).
/// </summary>
internal static class DashboardTestData
{
    public const string PlanningUnit = "Phòng Kế hoạch - Tài chính";

    public static async Task<DashboardData> SeedAsync(PortalDbContext db, DateOnly today, string? unitAName = null)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var unitA = await FindOrCreateUnitAsync(db, unitAName ?? $"Phòng thử nghiệm A {tag}");
        var unitB = await FindOrCreateUnitAsync(db, $"Trung tâm thử nghiệm B \"{tag}\", số 2");
        var unitC = await FindOrCreateUnitAsync(db, $"Thanh tra thử nghiệm C {tag}");

        var campaign = new Campaign
        {
            Title = $"Phong trào thi đua thử nghiệm báo cáo {tag}",
            Slug = $"phong-trao-thu-nghiem-bao-cao-{tag}",
            Kind = CampaignKind.Thematic,
            Scope = CampaignScope.Department,
            LaunchedBy = "Giám đốc Sở",
            StartsOn = today.AddMonths(-6),
            EndsOn = today.AddMonths(6),
            Summary = "Thử nghiệm bảng điều khiển",
            IsPublished = true,
        };
        db.Campaigns.Add(campaign);
        db.ParticipationSettings.Add(new ParticipationSettings { Campaign = campaign, RegistrationExpected = true, ExpectedUnits = [unitA, unitB, unitC] });

        var now = DateTime.UtcNow;
        db.Registrations.Add(new Registration { Campaign = campaign, UnitId = unitA.Id, Commitments = "Hoàn thành 100% chỉ tiêu", RegisteredAt = now, UpdatedAt = now });
        db.Registrations.Add(new Registration { Campaign = campaign, UnitId = unitB.Id, Commitments = "Đăng ký thi đua", RegisteredAt = now, UpdatedAt = now });

        var past = new ReportRound { Campaign = campaign, Name = "Quý I", Kind = ReportKind.Progress, DueOn = today.AddDays(-10), SortOrder = 1 };
        var future = new ReportRound { Campaign = campaign, Name = "Sơ kết 6 tháng", Kind = ReportKind.Interim, DueOn = today.AddDays(5), SortOrder = 2 };
        var dueToday = new ReportRound { Campaign = campaign, Name = "Tổng kết", Kind = ReportKind.Final, DueOn = today, SortOrder = 3 };
        db.ReportRounds.AddRange(past, future, dueToday);
        db.ProgressReports.Add(Report(past, unitA, today.AddDays(-12)));
        db.ProgressReports.Add(Report(past, unitB, today.AddDays(-7)));
        db.ProgressReports.Add(Report(future, unitA, today.AddDays(-1)));
        await db.SaveChangesAsync();
        return new DashboardData(campaign.Id, unitA.Id, unitB.Id, unitC.Id, past.Id, future.Id, dueToday.Id);
    }

    private static ProgressReport Report(ReportRound round, Unit unit, DateOnly submittedOn)
    {
        var at = submittedOn.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc);
        return new ProgressReport { Round = round, UnitId = unit.Id, Narrative = "<p>Báo cáo</p>", SubmittedAt = at, SubmittedOn = submittedOn, UpdatedAt = at };
    }

    private static async Task<Unit> FindOrCreateUnitAsync(PortalDbContext db, string name)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Name == name);
        if (unit is null)
        {
            unit = new Unit { Name = name, Kind = UnitKind.Division, SortOrder = 900 };
            db.Units.Add(unit);
            await db.SaveChangesAsync();
        }

        return unit;
    }

    /// <summary>An empty portal database in memory (SQLite, migrated like the app's); dispose the connection after use.</summary>
    public static async Task<(SqliteConnection Connection, PortalDbContext Db)> InMemoryAsync()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var options = new DbContextOptionsBuilder<PortalDbContext>()
            .UseSqlite(connection, s => s.MigrationsAssembly("EmulationPortal.Migrations.Sqlite"))
            // Outside the app's DI the Identity options differ slightly; the migrated schema is the app's own.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .Options;
        var db = new PortalDbContext(options);
        await db.Database.MigrateAsync();
        return (connection, db);
    }
}
