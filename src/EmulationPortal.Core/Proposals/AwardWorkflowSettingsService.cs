using EmulationPortal.Common;
using EmulationPortal.Council;
using EmulationPortal.Data;
using EmulationPortal.Honors;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Proposals;

/// <summary>A line of the award types' workflow settings.</summary>
public sealed record AwardWorkflowRow(
    int Id, string Name, bool IsActive, ProposalSteps Steps, RequiredDocuments RequiredDocuments, int ThresholdNumerator, int ThresholdDenominator, ThresholdBase ThresholdBase);

/// <summary>The workflow settings of one award type, as posted.</summary>
public sealed class AwardWorkflowForm
{
    public string Name { get; set; } = string.Empty;

    public ProposalSteps Steps { get; set; }

    public RequiredDocuments RequiredDocuments { get; set; }

    public int ThresholdNumerator { get; set; } = 1;

    public int ThresholdDenominator { get; set; } = 2;

    public ThresholdBase ThresholdBase { get; set; }

    public int Version { get; set; }
}

/// <summary>The agency-wide settings of proposals, as posted.</summary>
public sealed class ProposalSettingsForm
{
    public int QuorumNumerator { get; set; } = 2;

    public int QuorumDenominator { get; set; } = 3;

    public int ConsultationWorkingDays { get; set; } = 5;

    public string? DecisionPlace { get; set; }

    public string? DecidedBy { get; set; }

    public string? DecisionSymbol { get; set; }

    public int Version { get; set; }
}

/// <summary>
/// Cấu hình khen thưởng: per award type the steps a proposal goes through, the papers required before Submit and the
/// council's threshold; and the one row of agency-wide settings (quorum, consultation days, the decision's place,
/// signer and symbol), created with defaults on first save.
/// </summary>
public sealed class AwardWorkflowSettingsService(PortalDbContext db)
{
    public const int MaxDenominator = 100;
    public const int MaxConsultationDays = 60;

    private const ProposalSteps AllSteps = ProposalSteps.Appraisal | ProposalSteps.Council | ProposalSteps.Consultation;
    private const RequiredDocuments AllDocuments =
        RequiredDocuments.CoverSubmission | RequiredDocuments.AchievementReport | RequiredDocuments.ReviewMinutes | RequiredDocuments.Evidence;

    public async Task<IReadOnlyList<AwardWorkflowRow>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.AwardTypes.AsNoTracking()
            .OrderByDescending(a => a.IsActive).ThenBy(a => a.Category).ThenBy(a => a.SortOrder).ThenBy(a => a.Name)
            .Select(a => new AwardWorkflowRow(a.Id, a.Name, a.IsActive, a.Steps, a.RequiredDocuments, a.ThresholdNumerator, a.ThresholdDenominator, a.ThresholdBase))
            .ToListAsync(cancellationToken);

    public async Task<AwardWorkflowForm?> GetAsync(int awardTypeId, CancellationToken cancellationToken = default) =>
        await db.AwardTypes.AsNoTracking().Where(a => a.Id == awardTypeId)
            .Select(a => new AwardWorkflowForm
            {
                Name = a.Name,
                Steps = a.Steps,
                RequiredDocuments = a.RequiredDocuments,
                ThresholdNumerator = a.ThresholdNumerator,
                ThresholdDenominator = a.ThresholdDenominator,
                ThresholdBase = a.ThresholdBase,
                Version = a.Version,
            })
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Saves an award type's workflow settings; null when it does not exist.</summary>
    public async Task<ServiceResult?> SaveAsync(int awardTypeId, AwardWorkflowForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var award = await db.AwardTypes.FirstOrDefaultAsync(a => a.Id == awardTypeId, cancellationToken);
        if (award is null)
        {
            return null;
        }

        var errors = new List<ServiceError>();
        if ((form.Steps & ~AllSteps) != 0)
        {
            errors.Add(new ServiceError(nameof(form.Steps), "AwardWorkflow.Steps.Invalid"));
        }

        if ((form.RequiredDocuments & ~AllDocuments) != 0)
        {
            errors.Add(new ServiceError(nameof(form.RequiredDocuments), "AwardWorkflow.Documents.Invalid"));
        }

        errors.AddRange(Fraction(form.ThresholdNumerator, form.ThresholdDenominator, "Threshold"));
        if (!Enum.IsDefined(form.ThresholdBase))
        {
            errors.Add(new ServiceError(nameof(form.ThresholdBase), "AwardWorkflow.ThresholdBase.Invalid"));
        }

        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        db.ExpectVersion(award, form.Version);
        award.Steps = form.Steps;
        award.RequiredDocuments = form.RequiredDocuments;
        award.ThresholdNumerator = form.ThresholdNumerator;
        award.ThresholdDenominator = form.ThresholdDenominator;
        award.ThresholdBase = form.ThresholdBase;
        var conflict = await db.SaveOrConflictAsync(cancellationToken);
        return conflict is null ? ServiceResult.Ok(award.Id) : ServiceResult.NotSaved(conflict);
    }

    /// <summary>
    /// The agency-wide settings for services that read them (council quorum, consultation days, decision drafts): the
    /// stored row, or the defaults (not tracked, not saved) while the Office has not saved any.
    /// </summary>
    public static async Task<ProposalSettings> CurrentAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.ProposalSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == ProposalSettings.SingletonId, cancellationToken)
            ?? new ProposalSettings();
    }

    /// <summary>The agency-wide settings; the defaults (not saved) while the row does not exist.</summary>
    public async Task<ProposalSettingsForm> GetSettingsAsync(CancellationToken cancellationToken = default)
    {
        var settings = await CurrentAsync(db, cancellationToken);
        return new ProposalSettingsForm
        {
            QuorumNumerator = settings.QuorumNumerator,
            QuorumDenominator = settings.QuorumDenominator,
            ConsultationWorkingDays = settings.ConsultationWorkingDays,
            DecisionPlace = settings.DecisionPlace,
            DecidedBy = settings.DecidedBy,
            DecisionSymbol = settings.DecisionSymbol,
            Version = settings.Version,
        };
    }

    public async Task<ServiceResult> SaveSettingsAsync(ProposalSettingsForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<ServiceError>(Fraction(form.QuorumNumerator, form.QuorumDenominator, "Quorum"));
        if (form.ConsultationWorkingDays is < 1 or > MaxConsultationDays)
        {
            errors.Add(new ServiceError(nameof(form.ConsultationWorkingDays), "AwardWorkflow.ConsultationDays.Range", 1, MaxConsultationDays));
        }

        var place = form.DecisionPlace?.Trim() ?? string.Empty;
        var decidedBy = form.DecidedBy?.Trim() ?? string.Empty;
        var symbol = form.DecisionSymbol?.Trim() ?? string.Empty;
        Length(errors, nameof(form.DecisionPlace), place, 100, required: false);
        Length(errors, nameof(form.DecidedBy), decidedBy, 200, required: true);
        Length(errors, nameof(form.DecisionSymbol), symbol, 50, required: true);
        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        var settings = await db.ProposalSettings.FirstOrDefaultAsync(s => s.Id == ProposalSettings.SingletonId, cancellationToken);
        if (settings is null)
        {
            settings = new ProposalSettings();
            db.ProposalSettings.Add(settings);
        }
        else
        {
            db.ExpectVersion(settings, form.Version);
        }

        settings.QuorumNumerator = form.QuorumNumerator;
        settings.QuorumDenominator = form.QuorumDenominator;
        settings.ConsultationWorkingDays = form.ConsultationWorkingDays;
        settings.DecisionPlace = place;
        settings.DecidedBy = decidedBy;
        settings.DecisionSymbol = symbol;
        try
        {
            var conflict = await db.SaveOrConflictAsync(cancellationToken);
            return conflict is null ? ServiceResult.Ok(settings.Id) : ServiceResult.NotSaved(conflict);
        }
        catch (DbUpdateException)
        {
            // Two first saves at once: the other created the row.
            return ServiceResult.NotSaved(new ConcurrencyConflict(-1, new Dictionary<string, string?>()));
        }
    }

    private static IEnumerable<ServiceError> Fraction(int numerator, int denominator, string prefix)
    {
        if (denominator is < 1 or > MaxDenominator)
        {
            yield return new ServiceError(prefix + "Denominator", "AwardWorkflow.Denominator.Range", 1, MaxDenominator);
        }
        else if (numerator < 1 || numerator > denominator)
        {
            yield return new ServiceError(prefix + "Numerator", "AwardWorkflow.Numerator.Range", 1, denominator);
        }
    }

    private static void Length(List<ServiceError> errors, string field, string value, int max, bool required)
    {
        if (required && value.Length == 0)
        {
            errors.Add(new ServiceError(field, "AwardWorkflow.Required"));
        }
        else if (value.Length > max)
        {
            errors.Add(new ServiceError(field, "AwardWorkflow.TooLong", max));
        }
    }
}
