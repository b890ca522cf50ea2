using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Decisions;
using EmulationPortal.Honors;
using EmulationPortal.Organisation;
using EmulationPortal.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace EmulationPortal.Tests.Proposals.Certificates;

/// <summary>The ids of one seeded decision: its commendations in the order of the names given.</summary>
internal sealed record SeededDecision(int DecisionId, string Number, DateOnly SignedOn, IReadOnlyList<int> CommendationIds, int UnitId, int AwardTypeId);

/// <summary>The ids of a proposal past appraisal with nominees of an award type that needs a consultation.</summary>
internal sealed record SeededConsultationProposal(int ProposalId, IReadOnlyList<int> NomineeIds, int OtherAwardNomineeId, int DraftNomineeId);

/// <summary>Data for the certificate and consultation tests, written straight through the context (other parts own the workflow).</summary>
internal static class CertificateTestData
{
    public static PortalClock Clock(DateTimeOffset now) => new(new FakeTimeProvider(now), TimeZoneInfo.Utc);

    public static async Task<AwardType> AwardTypeAsync(PortalDbContext db, string name, ProposalSteps steps = ProposalSteps.None)
    {
        var awardType = new AwardType
        {
            Name = $"{name} {Guid.NewGuid():N}"[..Math.Min(name.Length + 9, 200)],
            Category = AwardCategory.CommendationForm,
            RecipientKind = RecipientKind.Both,
            Steps = steps,
            SortOrder = 900,
        };
        db.AwardTypes.Add(awardType);
        await db.SaveChangesAsync();
        return awardType;
    }

    public static async Task<Unit> UnitAsync(PortalDbContext db, string? name = null)
    {
        var unit = new Unit { Name = name ?? $"Phòng thử nghiệm {Guid.NewGuid():N}"[..28], Kind = UnitKind.Division, SortOrder = 900 };
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        return unit;
    }

    /// <summary>An issued decision of <paramref name="year"/> with one commendation per name (individuals of one unit).</summary>
    public static async Task<SeededDecision> DecisionAsync(
        PortalDbContext db, AwardType awardType, int year, IReadOnlyList<string> names, DecisionStatus status = DecisionStatus.Issued, Unit? unit = null)
    {
        unit ??= await UnitAsync(db);
        var number = $"{Random.Shared.Next(1, 99999)}/QĐ-STTTT-{Guid.NewGuid():N}"[..30];
        var signedOn = new DateOnly(year, 12, 15);
        var decision = new AwardDecision
        {
            Status = status,
            Number = number,
            SignedOn = signedOn,
            Year = year,
            DecidedBy = "Giám đốc Sở",
            CreatedAt = DateTime.UtcNow,
            IssuedAt = DateTime.UtcNow,
            CancelledAt = status == DecisionStatus.Cancelled ? new DateTime(year + 1, 1, 10, 3, 0, 0, DateTimeKind.Utc) : null,
            CancelReason = status == DecisionStatus.Cancelled ? "Phát hiện sai sót trong hồ sơ" : null,
        };
        db.AwardDecisions.Add(decision);
        var commendations = new List<Commendation>();
        foreach (var name in names)
        {
            var person = new StaffMember { FullName = name, Position = "Chuyên viên", UnitId = unit.Id };
            db.StaffMembers.Add(person);
            var commendation = new Commendation
            {
                Year = year,
                DecisionNumber = number,
                DecidedOn = signedOn,
                DecidedBy = "Giám đốc Sở",
                Achievement = "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm " + year,
                AwardDecision = decision,
                CreatedAt = DateTime.UtcNow,
            };
            commendation.AwardTo(awardType, person);
            db.Commendations.Add(commendation);
            commendations.Add(commendation);
        }

        await db.SaveChangesAsync();
        return new SeededDecision(decision.Id, number, signedOn, commendations.Select(c => c.Id).ToList(), unit.Id, awardType.Id);
    }

    /// <summary>
    /// A proposal past appraisal with the given people nominated for an award type that needs a consultation, one
    /// nominee for an award type without it, and a draft proposal's nominee for the consultation award type.
    /// </summary>
    public static async Task<SeededConsultationProposal> ConsultationProposalAsync(PortalDbContext db, IReadOnlyList<string> names, ProposalStatus status = ProposalStatus.Appraised)
    {
        var unit = await UnitAsync(db);
        var withConsultation = await AwardTypeAsync(db, "Chiến sĩ thi đua cơ sở", ProposalSteps.Appraisal | ProposalSteps.Consultation);
        var without = await AwardTypeAsync(db, "Giấy khen", ProposalSteps.Appraisal);
        var proposal = Proposal(unit, status);
        var draft = Proposal(unit, ProposalStatus.Draft);
        db.Proposals.AddRange(proposal, draft);
        var nominees = new List<Nominee>();
        var order = 0;
        foreach (var name in names)
        {
            nominees.Add(Nominee(db, proposal, unit, withConsultation, name, order++));
        }

        var other = Nominee(db, proposal, unit, without, "Lê Văn Khác", order++);
        var inDraft = Nominee(db, draft, unit, withConsultation, "Phạm Thị Nháp", 0);
        await db.SaveChangesAsync();
        return new SeededConsultationProposal(proposal.Id, nominees.Select(n => n.Id).ToList(), other.Id, inDraft.Id);
    }

    private static Proposal Proposal(Unit unit, ProposalStatus status) => new()
    {
        UnitId = unit.Id,
        Kind = ProposalKind.YearEnd,
        Year = 2026,
        Title = "Đề nghị khen thưởng tổng kết năm 2026",
        Status = status,
        CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
    };

    private static Nominee Nominee(PortalDbContext db, Proposal proposal, Unit unit, AwardType awardType, string name, int order)
    {
        var person = new StaffMember { FullName = name, Position = "Chuyên viên", UnitId = unit.Id };
        db.StaffMembers.Add(person);
        var nominee = new Nominee
        {
            Proposal = proposal,
            RecipientKind = RecipientKind.Individual,
            StaffMember = person,
            AwardType = awardType,
            Achievement = $"Hoàn thành xuất sắc nhiệm vụ; sáng kiến “{name}” được công nhận",
            SortOrder = order,
        };
        db.Nominees.Add(nominee);
        return nominee;
    }

    public static Task<int> CertificateCountAsync(PortalDbContext db) => db.Certificates.CountAsync();
}
