using EmulationPortal.Accounts;
using EmulationPortal.Audit;
using EmulationPortal.Common;
using EmulationPortal.Council;
using EmulationPortal.Data;
using EmulationPortal.Files;
using EmulationPortal.Honors;
using EmulationPortal.Organisation;
using EmulationPortal.Proposals;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace EmulationPortal.Tests.Proposals.Council;

/// <summary>Who the audit log names as acting; a test switches it between the secretary and a voting member.</summary>
public sealed class SwitchableAuditActor : IAuditActor
{
    public (string? UserId, string UserName)? Current { get; set; }
}

/// <summary>
/// The council service against SQLite in memory (the real migrations, the audit log on): a division with nine staff
/// who are council members, each linked to a portal user, two award types (1/2 of members present, 2/3 of all members),
/// and a proposal under council review with three nominees.
/// </summary>
public abstract class CouncilTestBase : IAsyncLifetime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.CreateCustomTimeZone("UTC+07", TimeSpan.FromHours(7), "UTC+07", "UTC+07");

    private readonly SqliteConnection _connection = new($"Data Source=council-{Guid.NewGuid():N};Mode=Memory;Cache=Shared");
    private readonly List<PortalDbContext> _contexts = [];

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 10, 2, 0, 0, TimeSpan.Zero));

    protected SwitchableAuditActor Actor { get; } = new();

    protected Mock<IProposalNotifier> Notifier { get; } = new();

    protected List<int> MemberIds { get; } = [];

    /// <summary>Portal user ids of the members, in the order of <see cref="MemberIds"/>.</summary>
    protected List<string> MemberUserIds { get; } = [];

    protected string OutsiderUserId { get; private set; } = string.Empty;

    protected int HalfOfPresentAwardId { get; private set; }

    protected int TwoThirdsOfAllAwardId { get; private set; }

    protected int UnitId { get; private set; }

    protected List<int> StaffIds { get; } = [];

    protected int ProposalId { get; private set; }

    /// <summary>The proposal's nominees: two for the 1/2-of-present award, one for the 2/3-of-all award.</summary>
    protected List<int> NomineeIds { get; } = [];

    protected static WorkflowActor Secretary { get; } = new("secretary-user", "Thư ký Hội đồng", [Roles.CouncilSecretary], null);

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        var db = NewContext();
        await db.Database.MigrateAsync();

        var unit = new Unit { Name = "Phòng Công nghệ thông tin", Kind = UnitKind.Division, SortOrder = 1 };
        db.Units.Add(unit);
        string[] names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Đức", "Vũ Thị Hà", "Đặng Văn Khoa", "Bùi Thị Lan", "Đỗ Văn Minh", "Ngô Thị Nga", "Dương Văn Phúc"];
        var staff = names.Select(n => new StaffMember { FullName = n, Position = "Chuyên viên", Unit = unit }).ToList();
        db.StaffMembers.AddRange(staff);
        var half = new AwardType
        {
            Name = "Lao động tiên tiến", Category = AwardCategory.EmulationTitle, RecipientKind = RecipientKind.Individual,
            Steps = ProposalSteps.Council, ThresholdNumerator = 1, ThresholdDenominator = 2, ThresholdBase = ThresholdBase.MembersPresent,
        };
        var twoThirds = new AwardType
        {
            Name = "Chiến sĩ thi đua cơ sở", Category = AwardCategory.EmulationTitle, RecipientKind = RecipientKind.Individual,
            Steps = ProposalSteps.Council, ThresholdNumerator = 2, ThresholdDenominator = 3, ThresholdBase = ThresholdBase.AllMembers,
        };
        db.AwardTypes.AddRange(half, twoThirds);
        await db.SaveChangesAsync();
        UnitId = unit.Id;
        StaffIds.AddRange(staff.Select(s => s.Id));
        HalfOfPresentAwardId = half.Id;
        TwoThirdsOfAllAwardId = twoThirds.Id;

        // Nine members: chair, vice-chair, secretary and six members (staff 0–8); staff 9 and 10 are no members.
        for (var i = 0; i < 9; i++)
        {
            var role = i switch { 0 => CouncilRole.Chair, 1 => CouncilRole.ViceChair, 2 => CouncilRole.Secretary, _ => CouncilRole.Member };
            var member = new CouncilMember { StaffMemberId = staff[i].Id, Role = role, SortOrder = i };
            db.CouncilMembers.Add(member);
            var user = new PortalUser { UserName = $"thanh-vien-{i}", DisplayName = names[i], StaffMemberId = staff[i].Id };
            db.Users.Add(user);
            await db.SaveChangesAsync();
            MemberIds.Add(member.Id);
            MemberUserIds.Add(user.Id);
        }

        var outsider = new PortalUser { UserName = "khong-phai-thanh-vien", DisplayName = names[9], StaffMemberId = staff[9].Id };
        db.Users.Add(outsider);

        var proposal = new Proposal
        {
            UnitId = unit.Id, Kind = ProposalKind.YearEnd, Year = 2026, Title = "Đề nghị khen thưởng tổng kết năm 2026",
            Status = ProposalStatus.CouncilReview, CreatedAt = Time.GetUtcNow().UtcDateTime, UpdatedAt = Time.GetUtcNow().UtcDateTime,
        };
        proposal.Nominees.Add(new Nominee { RecipientKind = RecipientKind.Individual, StaffMemberId = staff[9].Id, AwardTypeId = half.Id, Achievement = "Hoàn thành xuất sắc nhiệm vụ", SortOrder = 1 });
        proposal.Nominees.Add(new Nominee { RecipientKind = RecipientKind.Individual, StaffMemberId = staff[10].Id, AwardTypeId = half.Id, Achievement = "Hoàn thành tốt nhiệm vụ", SortOrder = 2 });
        proposal.Nominees.Add(new Nominee { RecipientKind = RecipientKind.Individual, StaffMemberId = staff[3].Id, AwardTypeId = twoThirds.Id, Achievement = "Sáng kiến được công nhận", SortOrder = 3 });
        db.Proposals.Add(proposal);
        await db.SaveChangesAsync();
        OutsiderUserId = outsider.Id;
        ProposalId = proposal.Id;
        NomineeIds.AddRange(proposal.Nominees.OrderBy(n => n.SortOrder).Select(n => n.Id));

        Notifier.Setup(n => n.NotifyAsync(It.IsAny<IReadOnlyList<ProposalTransition>>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        await _connection.DisposeAsync();
    }

    protected PortalDbContext NewContext()
    {
        var context = new PortalDbContext(
            new DbContextOptionsBuilder<PortalDbContext>()
                .UseSqlite(_connection, s => s.MigrationsAssembly("EmulationPortal.Migrations.Sqlite"))
                .Options,
            Actor,
            Time);
        _contexts.Add(context);
        return context;
    }

    /// <summary>A service on a fresh context, as one request would have.</summary>
    protected CouncilService NewService()
    {
        var db = NewContext();
        var clock = new PortalClock(Time, Zone);
        var checks = new Mock<IProposalChecks>();
        checks.Setup(c => c.CheckAsync(It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        var workflow = new ProposalWorkflowService(db, checks.Object, Notifier.Object, clock);
        var store = new Mock<IFileStore>();
        store.Setup(s => s.SaveAsync(It.IsAny<Stream>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => Guid.NewGuid().ToString("N"));
        return new CouncilService(db, workflow, new FileService(db, store.Object, Time), new UploadOptions(), clock);
    }

    /// <summary>Creates a session with the nine members and marks the first <paramref name="present"/> present.</summary>
    protected async Task<int> SessionAsync(VotingMode mode, int present, params int[] nomineeIds)
    {
        var service = NewService();
        var created = await service.CreateSessionAsync(new CouncilSessionInput("Phiên họp xét khen thưởng năm 2026", new DateOnly(2026, 12, 15), "Phòng họp số 1", mode));
        Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Code)));
        var id = created.Id!.Value;
        var detail = await NewService().SessionAsync(id);
        var marked = await NewService().SetAttendanceAsync(id, detail!.Version, MemberIds.Take(present).ToList());
        Assert.True(marked.Succeeded, string.Join(", ", marked.Errors.Select(e => e.Code)));
        if (nomineeIds.Length > 0)
        {
            var added = await NewService().AddToAgendaAsync(id, nomineeIds);
            Assert.True(added.Succeeded, string.Join(", ", added.Errors.Select(e => e.Code)));
        }

        return id;
    }

    protected async Task<CouncilSessionDetail> DetailAsync(int sessionId) => (await NewService().SessionAsync(sessionId))!;

    protected async Task<AgendaRow> ItemAsync(int sessionId, int nomineeId) => (await DetailAsync(sessionId)).Agenda.Single(i => i.NomineeId == nomineeId);

    protected async Task<CouncilResult> TallyAsync(int sessionId, int nomineeId, int agree, int disagree, int invalid)
    {
        var item = await ItemAsync(sessionId, nomineeId);
        return await NewService().RecordTalliesAsync(sessionId, item.Id, item.Version, agree, disagree, invalid);
    }

    protected async Task<CouncilResult> CloseAsync(int sessionId) =>
        await NewService().CloseAsync(sessionId, (await DetailAsync(sessionId)).Version, Secretary);
}
