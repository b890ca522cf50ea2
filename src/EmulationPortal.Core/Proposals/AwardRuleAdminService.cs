using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Fields;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Proposals;

public sealed class AwardRuleForm : IVersionedForm
{
    public string? Name { get; set; }

    public AwardRuleKind Kind { get; set; }

    public int? AwardTypeId { get; set; }

    public int? RequiredAwardTypeId { get; set; }

    public int? Years { get; set; }

    public decimal? CapPercent { get; set; }

    public CapScope CapScope { get; set; }

    public RuleSeverity Severity { get; set; } = RuleSeverity.Warning;

    public int Version { get; set; }
}

public sealed record AwardRuleRow(
    int Id, string Name, AwardRuleKind Kind, string? AwardName, string? RequiredAwardName, int? Years, decimal? CapPercent, CapScope CapScope, RuleSeverity Severity);

/// <summary>The configurable rule checks (/Admin/AwardRules): each kind needs its own parameters, checked here.</summary>
public sealed class AwardRuleAdminService(PortalDbContext db)
{
    public async Task<IReadOnlyList<AwardRuleRow>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.AwardRules.AsNoTracking().OrderBy(r => r.Kind).ThenBy(r => r.Name)
            .Select(r => new AwardRuleRow(r.Id, r.Name, r.Kind, r.AwardType != null ? r.AwardType.Name : null,
                r.RequiredAwardType != null ? r.RequiredAwardType.Name : null, r.Years, r.CapPercent, r.CapScope, r.Severity))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<FilterOption>> AwardOptionsAsync(CancellationToken cancellationToken = default) =>
        await db.AwardTypes.AsNoTracking().OrderBy(a => a.Category).ThenBy(a => a.SortOrder).ThenBy(a => a.Name)
            .Select(a => new FilterOption(a.Id.ToString(), a.Name)).ToListAsync(cancellationToken);

    public async Task<AwardRuleForm?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        await db.AwardRules.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new AwardRuleForm
            {
                Name = r.Name, Kind = r.Kind, AwardTypeId = r.AwardTypeId, RequiredAwardTypeId = r.RequiredAwardTypeId, Years = r.Years,
                CapPercent = r.CapPercent, CapScope = r.CapScope, Severity = r.Severity, Version = r.Version,
            })
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<ServiceResult> SaveAsync(int? id, AwardRuleForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<ServiceError>();
        var name = TabularInput.Clean(form.Name);
        if (name.Length == 0)
        {
            errors.Add(new ServiceError(nameof(form.Name), "Rules.NameRequired"));
        }
        else if (name.Length > 200)
        {
            errors.Add(new ServiceError(nameof(form.Name), "Proposal.TooLong", 200));
        }

        if (!Enum.IsDefined(form.Kind) || !Enum.IsDefined(form.Severity) || !Enum.IsDefined(form.CapScope))
        {
            errors.Add(new ServiceError(nameof(form.Kind), "Rules.ChoiceRequired"));
        }

        async Task<bool> Exists(int? awardId) => awardId is { } a && await db.AwardTypes.AnyAsync(t => t.Id == a, cancellationToken);
        if (form.AwardTypeId is not null && !await Exists(form.AwardTypeId))
        {
            errors.Add(new ServiceError(nameof(form.AwardTypeId), "Rules.UnknownAward"));
        }

        var needsAward = form.Kind is AwardRuleKind.PrerequisiteSameYear or AwardRuleKind.PrerequisiteConsecutiveYears or AwardRuleKind.Cap;
        if (needsAward && form.AwardTypeId is null)
        {
            errors.Add(new ServiceError(nameof(form.AwardTypeId), "Rules.AwardRequired"));
        }

        if (needsAward && !await Exists(form.RequiredAwardTypeId))
        {
            errors.Add(new ServiceError(nameof(form.RequiredAwardTypeId), "Rules.RequiredAwardRequired"));
        }
        else if (needsAward && form.RequiredAwardTypeId == form.AwardTypeId)
        {
            errors.Add(new ServiceError(nameof(form.RequiredAwardTypeId), "Rules.SameAward"));
        }

        if (form.Kind == AwardRuleKind.PrerequisiteConsecutiveYears && form.Years is not (>= 1 and <= 20))
        {
            errors.Add(new ServiceError(nameof(form.Years), "Rules.YearsRange", 1, 20));
        }

        if (form.Kind == AwardRuleKind.Cap && form.CapPercent is not (> 0 and <= 100))
        {
            errors.Add(new ServiceError(nameof(form.CapPercent), "Rules.PercentRange"));
        }

        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        AwardRule? rule;
        if (id is { } existing)
        {
            rule = await db.AwardRules.FirstOrDefaultAsync(r => r.Id == existing, cancellationToken);
            if (rule is null)
            {
                return ServiceResult.Fail(new ServiceError(string.Empty, "Rules.NotFound"));
            }

            db.ExpectVersion(rule, form.Version);
        }
        else
        {
            rule = new AwardRule();
            db.AwardRules.Add(rule);
        }

        rule.Name = name;
        rule.Kind = form.Kind;
        rule.Severity = form.Severity;
        rule.AwardTypeId = form.AwardTypeId;
        rule.RequiredAwardTypeId = needsAward ? form.RequiredAwardTypeId : null;
        rule.Years = form.Kind == AwardRuleKind.PrerequisiteConsecutiveYears ? form.Years : null;
        rule.CapPercent = form.Kind == AwardRuleKind.Cap ? form.CapPercent : null;
        rule.CapScope = form.Kind == AwardRuleKind.Cap ? form.CapScope : CapScope.Unit;
        var conflict = await db.SaveOrConflictAsync(cancellationToken);
        return conflict is null ? ServiceResult.Ok(rule.Id) : ServiceResult.NotSaved(conflict);
    }

    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var rule = await db.AwardRules.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null)
        {
            return false;
        }

        db.AwardRules.Remove(rule);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
