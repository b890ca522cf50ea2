using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Honors;
using EmulationPortal.Organisation;
using EmulationPortal.Proposals;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace EmulationPortal.Tests.Proposals.Composing;

/// <summary>
/// A migrated SQLite database in memory with a small organisation: unit A (with a sub-unit A1) and unit B, staff in
/// each, and the award types the default rules name. Today is 15/06/2026 in the portal's zone.
/// </summary>
internal sealed class ComposingTestData : IAsyncDisposable
{
    public const int Year = 2026;

    private readonly SqliteConnection _connection;

    private ComposingTestData(SqliteConnection connection, PortalDbContext db, PortalClock clock)
    {
        _connection = connection;
        Db = db;
        Clock = clock;
    }

    public PortalDbContext Db { get; }

    public PortalClock Clock { get; }

    public Unit UnitA { get; private set; } = null!;

    public Unit UnitA1 { get; private set; } = null!;

    public Unit UnitB { get; private set; } = null!;

    public AwardType Ldtt { get; private set; } = null!;

    public AwardType Cstdcs { get; private set; } = null!;

    public AwardType CstdTinh { get; private set; } = null!;

    public AwardType GiayKhen { get; private set; } = null!;

    public AwardType TapThe { get; private set; } = null!;

    public static async Task<ComposingTestData> CreateAsync()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var options = new DbContextOptionsBuilder<PortalDbContext>()
            .UseSqlite(connection, s => s.MigrationsAssembly("EmulationPortal.Migrations.Sqlite"))
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .Options;
        var db = new PortalDbContext(options);
        await db.Database.MigrateAsync();
        var clock = new PortalClock(new FakeTimeProvider(new DateTimeOffset(Year, 6, 15, 3, 0, 0, TimeSpan.Zero)), PortalClock.FindZone("Asia/Ho_Chi_Minh"));
        var data = new ComposingTestData(connection, db, clock);
        await data.SeedAsync();
        return data;
    }

    private async Task SeedAsync()
    {
        UnitA = new Unit { Name = "Phòng Kế hoạch - Tài chính", Kind = UnitKind.Division };
        UnitB = new Unit { Name = "Thanh tra Sở", Kind = UnitKind.Division };
        UnitA1 = new Unit { Name = "Tổ Tài vụ", Kind = UnitKind.Division, Parent = UnitA };
        Db.Units.AddRange(UnitA, UnitB, UnitA1);
        Ldtt = Award("Lao động tiên tiến", RecipientKind.Individual);
        Cstdcs = Award("Chiến sĩ thi đua cơ sở", RecipientKind.Individual);
        CstdTinh = Award("Chiến sĩ thi đua cấp tỉnh", RecipientKind.Individual);
        GiayKhen = Award("Giấy khen của Giám đốc Sở", RecipientKind.Both);
        TapThe = Award("Tập thể lao động tiên tiến", RecipientKind.Collective);
        Db.AwardTypes.AddRange(Ldtt, Cstdcs, CstdTinh, GiayKhen, TapThe);
        await Db.SaveChangesAsync();
    }

    private static AwardType Award(string name, RecipientKind kind) => new() { Name = name, RecipientKind = kind, Category = AwardCategory.EmulationTitle };

    public async Task<StaffMember> PersonAsync(Unit unit, string name, Gender gender = Gender.Male, bool active = true)
    {
        var person = new StaffMember { FullName = name, Position = "Chuyên viên", Unit = unit, Gender = gender, IsActive = active };
        Db.StaffMembers.Add(person);
        await Db.SaveChangesAsync();
        return person;
    }

    public async Task<Proposal> ProposalAsync(Unit unit, int year = Year, ProposalStatus status = ProposalStatus.Draft, int? campaignId = null)
    {
        var proposal = new Proposal
        {
            Unit = unit, Year = year, Kind = ProposalKind.YearEnd, Title = $"Đề nghị {Guid.NewGuid():N}"[..20], Status = status,
            CampaignId = campaignId, CreatedAt = Clock.UtcNow, UpdatedAt = Clock.UtcNow,
        };
        Db.Proposals.Add(proposal);
        await Db.SaveChangesAsync();
        return proposal;
    }

    public async Task<Nominee> NominateAsync(Proposal proposal, StaffMember person, AwardType award, NomineeOutcome outcome = NomineeOutcome.Pending)
    {
        var nominee = new Nominee { Proposal = proposal, RecipientKind = RecipientKind.Individual, StaffMemberId = person.Id, AwardType = award, Outcome = outcome };
        Db.Nominees.Add(nominee);
        await Db.SaveChangesAsync();
        return nominee;
    }

    public async Task<Nominee> NominateAsync(Proposal proposal, Unit unit, AwardType award)
    {
        var nominee = new Nominee { Proposal = proposal, RecipientKind = RecipientKind.Collective, UnitId = unit.Id, AwardType = award };
        Db.Nominees.Add(nominee);
        await Db.SaveChangesAsync();
        return nominee;
    }

    public async Task<Commendation> CommendAsync(StaffMember person, AwardType award, int year, int? campaignId = null)
    {
        var commendation = new Commendation
        {
            Year = year, DecisionNumber = $"{year % 100}/QĐ-STTTT", DecidedOn = new DateOnly(year, 12, 28), DecidedBy = "Giám đốc Sở",
            CampaignId = campaignId, CreatedAt = Clock.UtcNow,
        };
        commendation.AwardTo(award, person);
        Db.Commendations.Add(commendation);
        await Db.SaveChangesAsync();
        return commendation;
    }

    public async Task<AwardRule> RuleAsync(AwardRuleKind kind, RuleSeverity severity = RuleSeverity.Block, AwardType? award = null, AwardType? required = null, int? years = null, decimal? cap = null, CapScope scope = CapScope.Unit)
    {
        var rule = new AwardRule
        {
            Kind = kind, Severity = severity, AwardTypeId = award?.Id, RequiredAwardTypeId = required?.Id, Years = years, CapPercent = cap, CapScope = scope,
            Name = $"Quy tắc {kind}",
        };
        Db.AwardRules.Add(rule);
        await Db.SaveChangesAsync();
        return rule;
    }

    public ProposalRuleChecker Checker() => new(Db, Clock);

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
