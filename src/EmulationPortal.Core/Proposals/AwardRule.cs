using EmulationPortal.Common;
using EmulationPortal.Honors;

namespace EmulationPortal.Proposals;

/// <summary>What a rule checks; the parameters it reads are named on each member.</summary>
public enum AwardRuleKind
{
    /// <summary>The same nominee, year and award type is not proposed or awarded twice.</summary>
    DuplicateInYear = 0,

    /// <summary>A nominee already awarded (any award type) for the same campaign is not rewarded again for it.</summary>
    DuplicateForCampaign = 1,

    /// <summary>Requires <see cref="AwardRule.RequiredAwardTypeId"/> in the same year.</summary>
    PrerequisiteSameYear = 2,

    /// <summary>Requires <see cref="AwardRule.RequiredAwardTypeId"/> in each of <see cref="AwardRule.Years"/> consecutive years ending with the proposal's year ("03 lần liên tục").</summary>
    PrerequisiteConsecutiveYears = 3,

    /// <summary>A staff member under discipline on the proposal's date cannot be proposed.</summary>
    Discipline = 4,

    /// <summary>Nominees of <see cref="AwardRule.AwardTypeId"/> at most <see cref="AwardRule.CapPercent"/> % of those of <see cref="AwardRule.RequiredAwardTypeId"/>.</summary>
    Cap = 5,

    /// <summary>Shows the share of women among the nominees (never blocks).</summary>
    WomenShare = 6,
}

public enum RuleSeverity
{
    Off = 0,

    /// <summary>Shown while composing and at appraisal; the proposal may still go on.</summary>
    Warning = 1,

    /// <summary>Submit (and Complete appraisal) is refused until it is fixed.</summary>
    Block = 2,
}

/// <summary>Where a cap counts: within the proposing unit, or across the whole agency.</summary>
public enum CapScope
{
    Unit = 0,
    Agency = 1,
}

/// <summary>
/// A configurable rule checked while composing and at appraisal. Seeded from the law and domain.md; the Office head
/// changes severity and parameters, never code.
/// </summary>
public class AwardRule : IVersioned
{
    public int Id { get; set; }

    public int Version { get; set; }

    public AwardRuleKind Kind { get; set; }

    /// <summary>The award type the rule is about; null: every award type.</summary>
    public int? AwardTypeId { get; set; }

    public AwardType? AwardType { get; set; }

    /// <summary>The prerequisite award type, or the cap's base.</summary>
    public int? RequiredAwardTypeId { get; set; }

    public AwardType? RequiredAwardType { get; set; }

    /// <summary>Consecutive years for <see cref="AwardRuleKind.PrerequisiteConsecutiveYears"/>, the proposal's year included (met there by a nomination in the same proposal).</summary>
    public int? Years { get; set; }

    /// <summary>The cap as a percentage of the base (15 for "≤ 15 %").</summary>
    public decimal? CapPercent { get; set; }

    public CapScope CapScope { get; set; }

    public RuleSeverity Severity { get; set; } = RuleSeverity.Warning;

    /// <summary>A name for lists and warnings: "CSTĐCS cần LĐTT cùng năm".</summary>
    public string Name { get; set; } = string.Empty;
}
