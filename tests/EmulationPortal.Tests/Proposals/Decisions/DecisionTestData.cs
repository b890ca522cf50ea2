using EmulationPortal.Accounts;
using EmulationPortal.Data;
using EmulationPortal.Honors;
using EmulationPortal.Organisation;
using EmulationPortal.Proposals;

namespace EmulationPortal.Tests.Proposals.Decisions;

/// <summary>Ids of a scenario: two proposals awaiting a decision, one without a council step and one with it.</summary>
internal sealed record DecisionScenario(
    int UnitId, string UnitName, int GiayKhenId, int ChienSiId, int BangKhenId,
    int PlainProposalId, int CouncilProposalId,
    int AnhGiayKhen, int BinhGiayKhen, int UnitGiayKhen, int CuongExcluded, int AnhChienSi, int CuongFailed,
    string Tag);

/// <summary>Builds proposals directly with the DbContext, in the states the decision stage reads.</summary>
internal static class DecisionTestData
{
    public static readonly WorkflowActor Leader = new("leader-id", "Lãnh đạo Sở", [Roles.Leader], null);

    public static readonly WorkflowActor Clerk = new("clerk-id", "Văn thư", [Roles.Editor], null);

    /// <summary>A unit with three people; Giấy khen (no council), Chiến sĩ thi đua cơ sở (council), a national Bằng khen.</summary>
    public static async Task<DecisionScenario> ScenarioAsync(PortalDbContext db, int year = 2025)
    {
        ArgumentNullException.ThrowIfNull(db);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var unit = new Unit { Name = $"Phòng Bưu chính {tag}", Kind = UnitKind.Division, SortOrder = 950 };
        var anh = new StaffMember { FullName = $"Nguyễn Thị Ánh {tag}", Position = "Trưởng phòng", Gender = Gender.Female, Unit = unit };
        var binh = new StaffMember { FullName = $"Trần Văn Bình {tag}", Position = "Chuyên viên", Gender = Gender.Male, Unit = unit };
        var cuong = new StaffMember { FullName = $"Lê Đức Cường {tag}", Position = "Chuyên viên", Gender = Gender.Male, Unit = unit };
        var giayKhen = new AwardType
        {
            Name = $"Giấy khen của Giám đốc Sở {tag}", Category = AwardCategory.CommendationForm, RecipientKind = RecipientKind.Both,
            Level = AwardLevel.Department, Steps = ProposalSteps.None,
        };
        var chienSi = new AwardType
        {
            Name = $"Chiến sĩ thi đua cơ sở {tag}", Category = AwardCategory.EmulationTitle, RecipientKind = RecipientKind.Individual,
            Level = AwardLevel.Department, Steps = ProposalSteps.Council,
        };
        var bangKhen = new AwardType
        {
            Name = $"Bằng khen của Thủ tướng Chính phủ {tag}", Category = AwardCategory.CommendationForm, RecipientKind = RecipientKind.Both,
            Level = AwardLevel.National, Steps = ProposalSteps.Council,
        };
        db.AddRange(unit, anh, binh, cuong, giayKhen, chienSi, bangKhen);

        var now = DateTime.UtcNow;
        var plain = new Proposal
        {
            Unit = unit, Kind = ProposalKind.YearEnd, Year = year, Title = $"Đề nghị khen thưởng tổng kết năm {year} {tag}",
            Status = ProposalStatus.AwaitingDecision, CreatedAt = now, UpdatedAt = now,
        };
        var anhGiayKhen = Nominee(plain, anh, giayKhen, "Hoàn thành xuất sắc nhiệm vụ, dẫn đầu chuyển đổi số của Sở", NomineeOutcome.Pending, 1);
        var binhGiayKhen = Nominee(plain, binh, giayKhen, "Hoàn thành xuất sắc nhiệm vụ năm", NomineeOutcome.Pending, 2);
        var unitGiayKhen = new Nominee
        {
            Proposal = plain, RecipientKind = RecipientKind.Collective, Unit = unit, AwardType = giayKhen,
            Achievement = "Tập thể hoàn thành xuất sắc nhiệm vụ năm", Outcome = NomineeOutcome.Pending, SortOrder = 3,
        };
        var cuongExcluded = Nominee(plain, cuong, giayKhen, "Thành tích chưa đủ", NomineeOutcome.Excluded, 4);
        cuongExcluded.OutcomeReason = "Chưa đủ điều kiện";

        var council = new Proposal
        {
            Unit = unit, Kind = ProposalKind.Thematic, Year = year, Title = $"Đề nghị danh hiệu Chiến sĩ thi đua {tag}",
            Status = ProposalStatus.AwaitingDecision, CreatedAt = now, UpdatedAt = now,
        };
        var anhChienSi = Nominee(council, anh, chienSi, "Có sáng kiến được công nhận cấp cơ sở", NomineeOutcome.Passed, 1);
        var cuongFailed = Nominee(council, cuong, chienSi, "Có đề tài nghiên cứu", NomineeOutcome.Failed, 2);
        db.Proposals.AddRange(plain, council);
        db.Nominees.AddRange(anhGiayKhen, binhGiayKhen, unitGiayKhen, cuongExcluded, anhChienSi, cuongFailed);
        await db.SaveChangesAsync();

        return new DecisionScenario(
            unit.Id, unit.Name, giayKhen.Id, chienSi.Id, bangKhen.Id, plain.Id, council.Id,
            anhGiayKhen.Id, binhGiayKhen.Id, unitGiayKhen.Id, cuongExcluded.Id, anhChienSi.Id, cuongFailed.Id, tag);
    }

    /// <summary>A one-page PDF's bytes: enough for the upload check (leading "%PDF-").</summary>
    public static byte[] SignedPdf(string marker = "ky") =>
        System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% {marker} {Guid.NewGuid():N}\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static Nominee Nominee(Proposal proposal, StaffMember person, AwardType award, string achievement, NomineeOutcome outcome, int order) =>
        new()
        {
            Proposal = proposal, RecipientKind = RecipientKind.Individual, StaffMember = person, AwardType = award,
            Achievement = achievement, Outcome = outcome, SortOrder = order,
        };
}
