using EmulationPortal.Accounts;
using EmulationPortal.Campaigns;
using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Mail;
using EmulationPortal.Organisation;
using EmulationPortal.Participation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace EmulationPortal.Tests.Participation;

/// <summary>
/// The reminder service against SQLite in memory (the real migrations), a fake clock and a mocked mail sender:
/// which units are listed, and that automatic reminders are never sent twice.
/// </summary>
public sealed class ReminderServiceTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.CreateCustomTimeZone("UTC+07", TimeSpan.FromHours(7), "UTC+07", "UTC+07");

    // 10:00 local on 16/03/2026.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 16, 3, 0, 0, TimeSpan.Zero));
    private readonly SqliteConnection _connection = new($"Data Source=reminders-{Guid.NewGuid():N};Mode=Memory;Cache=Shared");
    private readonly Mock<IMailSender> _mail = new();
    private readonly List<OutgoingMail> _sent = [];

    private static DateOnly Today => new(2026, 3, 16);

    private int _campaignId;
    private readonly Dictionary<string, int> _units = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _rounds = new(StringComparer.Ordinal);

    public ReminderServiceTests()
    {
        _mail.Setup(m => m.SendAsync(It.IsAny<OutgoingMail>(), It.IsAny<CancellationToken>()))
            .Callback<OutgoingMail, CancellationToken>((m, _) => _sent.Add(m))
            .Returns(Task.CompletedTask);
    }

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        await using var db = NewContext();
        await db.Database.MigrateAsync();

        var office = new Unit { Name = "Văn phòng Sở", Kind = UnitKind.Office, SortOrder = 1 };
        var inspection = new Unit { Name = "Thanh tra Sở", Kind = UnitKind.Division, SortOrder = 2 };
        var it = new Unit { Name = "Phòng Công nghệ thông tin", Kind = UnitKind.Division, SortOrder = 3 };
        var closed = new Unit { Name = "Phòng đã giải thể", Kind = UnitKind.Division, SortOrder = 4, IsActive = false };
        db.Units.AddRange(office, inspection, it, closed);
        var campaign = new Campaign { Title = "Thi đua thực hiện thắng lợi nhiệm vụ chính trị năm 2026", Slug = "thi-dua-2026", StartsOn = new DateOnly(2026, 1, 1) };
        var noSettings = new Campaign { Title = "Phong trào không yêu cầu báo cáo", Slug = "khong-bao-cao", StartsOn = new DateOnly(2026, 1, 1) };
        db.Campaigns.AddRange(campaign, noSettings);
        db.ParticipationSettings.Add(new ParticipationSettings { Campaign = campaign, ExpectedUnits = [office, inspection, it] });
        var rounds = new[]
        {
            new ReportRound { Campaign = campaign, Name = "Quý IV năm trước", DueOn = Today.AddDays(-20), SortOrder = 1 },
            new ReportRound { Campaign = campaign, Name = "Báo cáo tháng 2", DueOn = Today.AddDays(-1), SortOrder = 2 },
            new ReportRound { Campaign = campaign, Name = "Báo cáo tháng 3", DueOn = Today.AddDays(3), SortOrder = 3 },
            new ReportRound { Campaign = campaign, Name = "Báo cáo tháng 4", DueOn = Today.AddDays(4), SortOrder = 4 },
            new ReportRound { Campaign = campaign, Name = "Đã khóa", DueOn = Today.AddDays(-2), SortOrder = 5, IsLocked = true },
            new ReportRound { Campaign = noSettings, Name = "Kỳ không ai phải nộp", DueOn = Today.AddDays(1), SortOrder = 1 },
        };
        db.ReportRounds.AddRange(rounds);
        await db.SaveChangesAsync();

        // The Office reported for February; the inspection reported for March already.
        db.ProgressReports.AddRange(
            new ProgressReport { RoundId = rounds[1].Id, UnitId = office.Id, SubmittedOn = Today.AddDays(-2) },
            new ProgressReport { RoundId = rounds[2].Id, UnitId = inspection.Id, SubmittedOn = Today });
        var role = new IdentityRole(Roles.UnitReporter) { NormalizedName = Roles.UnitReporter.ToUpperInvariant() };
        var editorRole = new IdentityRole(Roles.Editor) { NormalizedName = Roles.Editor.ToUpperInvariant() };
        db.Roles.AddRange(role, editorRole);
        var reporter = new PortalUser { UserName = "dau-moi-cntt", Email = "cntt@example.gov.vn", UnitId = it.Id };
        var secondReporter = new PortalUser { UserName = "dau-moi-cntt-2", Email = "cntt2@example.gov.vn", UnitId = it.Id };
        var editorInUnit = new PortalUser { UserName = "bien-tap", Email = "bientap@example.gov.vn", UnitId = it.Id };
        var reporterWithoutMail = new PortalUser { UserName = "dau-moi-van-phong", UnitId = office.Id };
        db.Users.AddRange(reporter, secondReporter, editorInUnit, reporterWithoutMail);
        db.UserRoles.AddRange(
            new IdentityUserRole<string> { UserId = reporter.Id, RoleId = role.Id },
            new IdentityUserRole<string> { UserId = secondReporter.Id, RoleId = role.Id },
            new IdentityUserRole<string> { UserId = reporterWithoutMail.Id, RoleId = role.Id },
            new IdentityUserRole<string> { UserId = editorInUnit.Id, RoleId = editorRole.Id });
        await db.SaveChangesAsync();

        _campaignId = campaign.Id;
        foreach (var u in new[] { office, inspection, it, closed })
        {
            _units[u.Name] = u.Id;
        }

        foreach (var r in rounds)
        {
            _rounds[r.Name] = r.Id;
        }
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    private PortalDbContext NewContext(params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors) =>
        new(new DbContextOptionsBuilder<PortalDbContext>()
            .UseSqlite(_connection, s => s.MigrationsAssembly("EmulationPortal.Migrations.Sqlite"))
            .AddInterceptors(interceptors)
            .Options);

    /// <summary>Another instance wins the race: just before this instance saves a new automatic reminder, the other one stores the same key.</summary>
    private sealed class OtherInstanceFirst(Func<PortalDbContext> otherContext) : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor
    {
        public List<string> Raced { get; } = [];

        public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> SavingChangesAsync(
            Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var pending = eventData.Context!.ChangeTracker.Entries<Reminder>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
            foreach (var reminder in pending.Where(r => r.Kind == ReminderKind.Automatic))
            {
                await using var other = otherContext();
                other.Reminders.Add(new Reminder { RoundId = reminder.RoundId, UnitId = reminder.UnitId, Kind = ReminderKind.Automatic, DedupKey = reminder.DedupKey, SentAt = reminder.SentAt });
                await other.SaveChangesAsync(cancellationToken);
                Raced.Add(reminder.DedupKey);
            }

            return result;
        }
    }

    private ReminderService NewService(PortalDbContext db, int daysBefore = 3) =>
        new(db, _mail.Object, new PlainComposer(), new PortalClock(_time, Zone), new ReminderOptions { DaysBefore = daysBefore }, NullLogger<ReminderService>.Instance);

    private sealed class PlainComposer : IReminderMailComposer
    {
        public (string Subject, string Body) Compose(ReminderMailData data) => ($"Nhắc {data.UnitName}: {data.RoundName}", $"Hạn {data.DueOn:dd/MM/yyyy}");
    }

    [Fact]
    public async Task RunAutomatic_TwiceForSameDay_RecordsOneReminderPerUnitAndRound()
    {
        await using (var db = NewContext())
        {
            var first = await NewService(db).RunAutomaticAsync(Today);
            Assert.Equal(2, first.Reminders); // March round: the Office and IT have not reported
        }

        await using (var db = NewContext())
        {
            var second = await NewService(db).RunAutomaticAsync(Today);
            Assert.Equal(0, second.Reminders);
        }

        await using var check = NewContext();
        var rows = await check.Reminders.Where(r => r.RoundId == _rounds["Báo cáo tháng 3"]).ToListAsync();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(ReminderKind.Automatic, r.Kind));
        Assert.Equal(
            new[] { Reminder.AutomaticKey(_rounds["Báo cáo tháng 3"], _units["Văn phòng Sở"]), Reminder.AutomaticKey(_rounds["Báo cáo tháng 3"], _units["Phòng Công nghệ thông tin"]) }.Order(StringComparer.Ordinal),
            rows.Select(r => r.DedupKey).Order(StringComparer.Ordinal));
        Assert.Single(_sent); // one mail (to IT's two reporters); the Office has no address
    }

    [Fact]
    public async Task RunAutomatic_FromSecondInstanceOnSameDatabase_SendsNothingTwice()
    {
        // Two app instances: two services, each with its own context, working at once on the same database.
        await using var db1 = NewContext();
        await using var db2 = NewContext();
        var results = await Task.WhenAll(NewService(db1).RunAutomaticAsync(Today), NewService(db2).RunAutomaticAsync(Today));

        Assert.Equal(2, results.Sum(r => r.Reminders));
        await using var check = NewContext();
        Assert.Equal(2, await check.Reminders.CountAsync());
        Assert.Single(_sent);
    }

    [Fact]
    public async Task RunAutomatic_WhenAnotherInstanceInsertsTheSameKeyFirst_SkipsWithoutMailOrError()
    {
        var race = new OtherInstanceFirst(() => NewContext());
        await using var db = NewContext(race);

        var result = await NewService(db).RunAutomaticAsync(Today);

        Assert.Equal(2, race.Raced.Count); // both inserts of this instance lost the race
        Assert.Equal(0, result.Reminders);
        Assert.Empty(_sent); // the instance that wrote the rows sends the mails, this one sends none
        await using var check = NewContext();
        Assert.Equal(2, await check.Reminders.CountAsync());
    }

    [Fact]
    public async Task RunAutomatic_NextDay_DoesNotRemindSameRoundAgain_ButReachesRoundEnteringTheWindow()
    {
        await using (var db = NewContext())
        {
            await NewService(db).RunAutomaticAsync(Today);
        }

        _time.Advance(TimeSpan.FromDays(1));
        await using (var db = NewContext())
        {
            var next = await NewService(db).RunAutomaticAsync(Today.AddDays(1));

            // April (due in 3 days now) for all three units; March not again.
            Assert.Equal(3, next.Reminders);
        }

        await using var check = NewContext();
        Assert.Equal(2, await check.Reminders.CountAsync(r => r.RoundId == _rounds["Báo cáo tháng 3"]));
        Assert.Equal(3, await check.Reminders.CountAsync(r => r.RoundId == _rounds["Báo cáo tháng 4"]));
    }

    [Fact]
    public async Task RunAutomatic_ReachesOnlyRoundsDueWithinDaysBefore()
    {
        await using var db = NewContext();
        await NewService(db, daysBefore: 3).RunAutomaticAsync(Today);

        var rounds = await db.Reminders.Select(r => r.RoundId).Distinct().ToListAsync();
        Assert.Equal([_rounds["Báo cáo tháng 3"]], rounds); // not April (4 days), not overdue February, not the campaign without settings
    }

    [Fact]
    public async Task RunAutomatic_UnitWithoutAddresses_RecordsReminderWithNoMail()
    {
        await using var db = NewContext();
        await NewService(db).RunAutomaticAsync(Today);

        var office = await db.Reminders.SingleAsync(r => r.UnitId == _units["Văn phòng Sở"]);
        Assert.Equal(0, office.MailCount);
        var it = await db.Reminders.SingleAsync(r => r.UnitId == _units["Phòng Công nghệ thông tin"]);
        Assert.Equal(2, it.MailCount);
        var mail = Assert.Single(_sent);
        Assert.Equal(["cntt2@example.gov.vn", "cntt@example.gov.vn"], mail.To.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DueRounds_ListsOverdueAndDueSoonUnitsWithoutReports()
    {
        await using var db = NewContext();
        var rounds = await NewService(db).DueRoundsAsync(Today, 3);

        Assert.Equal(["Quý IV năm trước", "Báo cáo tháng 2", "Báo cáo tháng 3"], rounds.Select(r => r.RoundName));
        var february = rounds.Single(r => r.RoundName == "Báo cáo tháng 2");
        Assert.True(february.IsOverdue(Today));
        Assert.Equal(["Thanh tra Sở", "Phòng Công nghệ thông tin"], february.Units.Select(u => u.UnitName));
        var march = rounds.Single(r => r.RoundName == "Báo cáo tháng 3");
        Assert.False(march.IsOverdue(Today));
        Assert.Equal(["Văn phòng Sở", "Phòng Công nghệ thông tin"], march.Units.Select(u => u.UnitName));
        Assert.Equal(2, march.Units.Single(u => u.UnitName == "Phòng Công nghệ thông tin").RecipientCount);
    }

    [Fact]
    public async Task DueRounds_WhenExpectedUnitsEmpty_ListsEveryActiveUnit()
    {
        await using (var db = NewContext())
        {
            var settings = await db.ParticipationSettings.Include(s => s.ExpectedUnits).SingleAsync(s => s.CampaignId == _campaignId);
            settings.ExpectedUnits.Clear();
            await db.SaveChangesAsync();
        }

        await using var read = NewContext();
        var april = (await NewService(read).DueRoundsAsync(Today, 4)).Single(r => r.RoundName == "Báo cáo tháng 4");

        Assert.Equal(["Văn phòng Sở", "Thanh tra Sở", "Phòng Công nghệ thông tin"], april.Units.Select(u => u.UnitName));
    }

    [Fact]
    public async Task SendManual_ForOneUnit_RecordsManualReminderEachClick()
    {
        await using var db = NewContext();
        var service = NewService(db);

        var first = await service.SendManualAsync(_rounds["Báo cáo tháng 2"], _units["Phòng Công nghệ thông tin"], userId: null);
        var second = await service.SendManualAsync(_rounds["Báo cáo tháng 2"], _units["Phòng Công nghệ thông tin"], userId: null);

        Assert.Equal(new ReminderSendResult(1, 2), first);
        Assert.Equal(new ReminderSendResult(1, 2), second);
        var rows = await db.Reminders.ToListAsync();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.StartsWith("manual:", r.DedupKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendManual_ForWholeRound_RemindsOnlyUnitsWithoutReport()
    {
        await using var db = NewContext();
        var result = await NewService(db).SendManualAsync(_rounds["Báo cáo tháng 2"], unitId: null, userId: null);

        Assert.Equal(2, result!.Reminders);
        Assert.Equal([_units["Thanh tra Sở"], _units["Phòng Công nghệ thông tin"]], (await db.Reminders.Select(r => r.UnitId).ToListAsync()).Order());
    }

    [Fact]
    public async Task SendManual_UnknownRound_ReturnsNull()
    {
        await using var db = NewContext();
        Assert.Null(await NewService(db).SendManualAsync(99_999, null, null));
    }

    [Fact]
    public async Task NoticesForUnit_ShowRecentRemindersUntilTheReportArrives()
    {
        await using var db = NewContext();
        var service = NewService(db);
        await service.SendManualAsync(_rounds["Báo cáo tháng 2"], _units["Thanh tra Sở"], null);

        Assert.Equal(["Báo cáo tháng 2"], (await service.NoticesForUnitAsync(_units["Thanh tra Sở"])).Select(n => n.RoundName));

        db.ProgressReports.Add(new ProgressReport { RoundId = _rounds["Báo cáo tháng 2"], UnitId = _units["Thanh tra Sở"], SubmittedOn = Today });
        await db.SaveChangesAsync();
        Assert.Empty(await service.NoticesForUnitAsync(_units["Thanh tra Sở"]));
    }

    [Fact]
    public async Task NoticesForUnit_OlderThanThirtyDays_AreGone()
    {
        await using var db = NewContext();
        var service = NewService(db);
        await service.SendManualAsync(_rounds["Báo cáo tháng 2"], _units["Thanh tra Sở"], null);

        _time.Advance(TimeSpan.FromDays(31));

        Assert.Empty(await service.NoticesForUnitAsync(_units["Thanh tra Sở"]));
    }
}
