using EmulationPortal.Accounts;
using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Files;
using EmulationPortal.Honors;
using EmulationPortal.Organisation;
using EmulationPortal.Proposals;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace EmulationPortal.Tests.Proposals.Workflow;

/// <summary>
/// A migrated SQLite database in memory with two units, staff in each, and one award type per set of steps, for the
/// workflow's domain tests. Each test class instance gets its own database.
/// </summary>
public sealed class WorkflowTestDb : IAsyncDisposable
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.CreateCustomTimeZone("UTC+07", TimeSpan.FromHours(7), "UTC+07", "UTC+07");

    private readonly SqliteConnection _connection = new($"Data Source=workflow-{Guid.NewGuid():N};Mode=Memory;Cache=Shared");
    private readonly Dictionary<ProposalSteps, int> _awardTypes = [];

    private WorkflowTestDb()
    {
    }

    /// <summary>10:00 local on 16/03/2026.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 16, 3, 0, 0, TimeSpan.Zero));

    public PortalClock Clock => new(Time, Zone);

    public int UnitId { get; private set; }

    public int OtherUnitId { get; private set; }

    public int StaffId { get; private set; }

    public int SecondStaffId { get; private set; }

    public static async Task<WorkflowTestDb> CreateAsync()
    {
        var test = new WorkflowTestDb();
        await test._connection.OpenAsync();
        await using var db = test.NewContext();
        await db.Database.MigrateAsync();
        var unit = new Unit { Name = "Phòng Công nghệ thông tin", Kind = UnitKind.Division, SortOrder = 1 };
        var other = new Unit { Name = "Thanh tra Sở", Kind = UnitKind.Division, SortOrder = 2 };
        db.Units.AddRange(unit, other);
        var staff = new StaffMember { FullName = "Nguyễn Thị Ánh", Position = "Chuyên viên", Gender = Gender.Female, Unit = unit };
        var second = new StaffMember { FullName = "Trần Văn Đức", Position = "Phó Trưởng phòng", Gender = Gender.Male, Unit = unit };
        db.StaffMembers.AddRange(staff, second);
        var order = 0;
        foreach (var steps in new[]
        {
            ProposalSteps.None, ProposalSteps.Appraisal, ProposalSteps.Council, ProposalSteps.Appraisal | ProposalSteps.Council,
        })
        {
            db.AwardTypes.Add(new AwardType
            {
                Name = $"Danh hiệu thử {(int)steps}",
                Category = AwardCategory.EmulationTitle,
                RecipientKind = RecipientKind.Both,
                Steps = steps,
                SortOrder = ++order,
            });
        }

        await db.SaveChangesAsync();
        test.UnitId = unit.Id;
        test.OtherUnitId = other.Id;
        test.StaffId = staff.Id;
        test.SecondStaffId = second.Id;
        foreach (var award in await db.AwardTypes.Where(a => a.Name.StartsWith("Danh hiệu thử")).ToListAsync())
        {
            test._awardTypes[award.Steps] = award.Id;
        }

        return test;
    }

    public PortalDbContext NewContext() =>
        new(new DbContextOptionsBuilder<PortalDbContext>()
            .UseSqlite(_connection, s => s.MigrationsAssembly("EmulationPortal.Migrations.Sqlite"))
            .Options);

    public int AwardTypeFor(ProposalSteps steps) => _awardTypes[steps];

    /// <summary>A proposal of <see cref="UnitId"/> (or <paramref name="unitId"/>) in <paramref name="status"/> whose nominees' award type has <paramref name="steps"/>.</summary>
    public async Task<int> ProposalAsync(ProposalStatus status, ProposalSteps steps, int? unitId = null, params NomineeOutcome[] outcomes)
    {
        await using var db = NewContext();
        var now = Time.GetUtcNow().UtcDateTime;
        var proposal = new Proposal
        {
            UnitId = unitId ?? UnitId,
            Kind = ProposalKind.YearEnd,
            Year = 2025,
            Title = "Đề nghị khen thưởng tổng kết năm 2025 của Phòng Công nghệ thông tin",
            Status = status,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var staff = new[] { StaffId, SecondStaffId };
        var index = 0;
        foreach (var outcome in outcomes.Length == 0 ? [NomineeOutcome.Pending] : outcomes)
        {
            proposal.Nominees.Add(new Nominee
            {
                RecipientKind = RecipientKind.Individual,
                StaffMemberId = staff[index % staff.Length],
                AwardTypeId = AwardTypeFor(steps),
                Achievement = "Hoàn thành xuất sắc nhiệm vụ năm 2025.",
                SortOrder = ++index,
                Outcome = outcome,
                OutcomeReason = outcome == NomineeOutcome.Excluded ? "Chưa đủ điều kiện" : null,
            });
        }

        db.Proposals.Add(proposal);
        await db.SaveChangesAsync();
        return proposal.Id;
    }

    /// <summary>Adds a dossier paper (with a stored file) to a proposal.</summary>
    public async Task AddDocumentAsync(int proposalId, ProposalDocumentKind kind, int? nomineeId = null)
    {
        await using var db = NewContext();
        var file = new StoredFile
        {
            OriginalName = $"{kind}.pdf",
            ContentType = "application/pdf",
            Size = 10,
            Sha256 = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"),
            StorageKey = Guid.NewGuid().ToString("N"),
            CreatedAt = Time.GetUtcNow().UtcDateTime,
        };
        db.ProposalDocuments.Add(new ProposalDocument
        {
            ProposalId = proposalId,
            Kind = kind,
            NomineeId = nomineeId,
            StoredFile = file,
            Title = kind.ToString(),
            UploadedAt = Time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
    }

    public static WorkflowActor Actor(string role, int? unitId = null) =>
        new($"user-{role}", $"Người dùng {role}", [role], role == Roles.UnitReporter ? unitId : null);

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
