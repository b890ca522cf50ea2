using EmulationPortal.Council;
using EmulationPortal.Data;
using EmulationPortal.Proposals;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Seeding;

/// <summary>
/// Demo settings of the proposal workflow: which steps and papers each seeded award type asks for, the council's
/// thresholds, and the agency-wide settings row. Safe to run again: it only fills what is still at its defaults.
/// </summary>
public static class DemoProposalSettings
{
    private const RequiredDocuments CoverAndMinutes = RequiredDocuments.CoverSubmission | RequiredDocuments.ReviewMinutes;
    private const RequiredDocuments FullDossier = CoverAndMinutes | RequiredDocuments.AchievementReport;

    /// <summary>Award type name → its steps, papers and council threshold (numerator/denominator of a base).</summary>
    public static IReadOnlyList<(string Name, ProposalSteps Steps, RequiredDocuments Documents, int Numerator, int Denominator, ThresholdBase Base)> AwardTypes { get; } =
    [
        ("Lao động tiên tiến", ProposalSteps.Appraisal, CoverAndMinutes, 1, 2, ThresholdBase.MembersPresent),
        ("Tập thể lao động tiên tiến", ProposalSteps.Appraisal, CoverAndMinutes, 1, 2, ThresholdBase.MembersPresent),
        ("Giấy khen của Giám đốc Sở", ProposalSteps.None, RequiredDocuments.CoverSubmission, 1, 2, ThresholdBase.MembersPresent),
        ("Chiến sĩ thi đua cơ sở", ProposalSteps.Appraisal | ProposalSteps.Council, FullDossier, 2, 3, ThresholdBase.AllMembers),
        ("Chiến sĩ thi đua cấp tỉnh", ProposalSteps.Appraisal | ProposalSteps.Council | ProposalSteps.Consultation, FullDossier | RequiredDocuments.Evidence, 2, 3, ThresholdBase.AllMembers),
        ("Tập thể lao động xuất sắc", ProposalSteps.Appraisal | ProposalSteps.Council, FullDossier, 1, 2, ThresholdBase.MembersPresent),
        ("Cờ thi đua của UBND tỉnh", ProposalSteps.Appraisal | ProposalSteps.Council, FullDossier, 1, 2, ThresholdBase.MembersPresent),
        ("Bằng khen của Chủ tịch UBND tỉnh", ProposalSteps.Appraisal | ProposalSteps.Council, FullDossier, 1, 2, ThresholdBase.MembersPresent),
        ("Bằng khen của Thủ tướng Chính phủ", ProposalSteps.Appraisal | ProposalSteps.Council | ProposalSteps.Consultation, FullDossier, 2, 3, ThresholdBase.AllMembers),
    ];

    /// <summary>Applies the demo settings to the award types found by name and writes the settings row when missing; then saves.</summary>
    public static async Task ApplyAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var names = AwardTypes.Select(a => a.Name).ToList();
        var awards = await db.AwardTypes.Where(a => names.Contains(a.Name)).ToListAsync(cancellationToken);
        foreach (var award in awards)
        {
            var seed = AwardTypes.First(a => a.Name == award.Name);
            if (award.Steps != ProposalSteps.None || award.RequiredDocuments != RequiredDocuments.None)
            {
                continue; // configured already (by an earlier run or by the Office)
            }

            award.Steps = seed.Steps;
            award.RequiredDocuments = seed.Documents;
            award.ThresholdNumerator = seed.Numerator;
            award.ThresholdDenominator = seed.Denominator;
            award.ThresholdBase = seed.Base;
        }

        if (!await db.ProposalSettings.AnyAsync(cancellationToken))
        {
            db.ProposalSettings.Add(new ProposalSettings
            {
                QuorumNumerator = 2,
                QuorumDenominator = 3,
                ConsultationWorkingDays = 5,
                DecisionPlace = "Tỉnh (địa danh mẫu)",
                DecidedBy = "Giám đốc Sở",
                DecisionSymbol = "QĐ-STTTT",
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
