using EmulationPortal.Common;
using EmulationPortal.Council;
using EmulationPortal.Proposals;

namespace EmulationPortal.Web.Areas.Admin.Models;

/// <summary>The Office's inbox: status tabs with counts, filters, one page of proposals.</summary>
public sealed record ProposalsIndexViewModel(
    PagedList<ProposalInboxRow> Items,
    IReadOnlyDictionary<ProposalStatus, int> Counts,
    ProposalStatus? Status,
    int? Year,
    int? UnitId,
    ProposalKind? Kind,
    IReadOnlyList<int> Years,
    IReadOnlyList<(int Id, string Name)> Units,
    bool InvalidFilter,
    AdminPager Pager);

/// <summary>A rule finding as shown: the rule's name, the message in Vietnamese, whether it blocks, the nominee's name.</summary>
public sealed record ShownFinding(string RuleName, string Message, bool Blocks, string? NomineeName);

/// <summary>One proposal's page: details, rule findings, the errors of a refused move (400) and which form they belong to.</summary>
public sealed record ProposalDetailViewModel(
    ProposalDetails Proposal,
    IReadOnlyList<ShownFinding> Findings,
    bool CanAppraise,
    ProposalAction? PostedAction = null,
    string? PostedReason = null,
    int? PostedNomineeId = null);

/// <summary>A move posted from a proposal's page.</summary>
public sealed class MoveInput
{
    public ProposalAction Action { get; set; }

    public int Version { get; set; }

    public string? Reason { get; set; }
}

/// <summary>Excluding or restoring a nominee at appraisal.</summary>
public sealed class NomineeOutcomeInput
{
    public int Version { get; set; }

    public string? Reason { get; set; }
}

/// <summary>The 409 page: why nothing changed and the way back.</summary>
public sealed record ProposalConflictViewModel(int ProposalId, string Message);

/// <summary>The award types' workflow settings and the agency-wide settings.</summary>
public sealed record AwardWorkflowIndexViewModel(IReadOnlyList<AwardWorkflowRow> AwardTypes, ProposalSettingsForm Settings);

/// <summary>One award type's workflow settings as posted: the steps and papers as checkbox lists.</summary>
public sealed class AwardWorkflowInput
{
    public List<ProposalSteps> Steps { get; set; } = [];

    public List<RequiredDocuments> Documents { get; set; } = [];

    public int ThresholdNumerator { get; set; } = 1;

    public int ThresholdDenominator { get; set; } = 2;

    public ThresholdBase ThresholdBase { get; set; }

    public int Version { get; set; }

    public AwardWorkflowForm ToForm(string name) => new()
    {
        Name = name,
        Steps = Steps.Aggregate(ProposalSteps.None, (all, s) => all | s),
        RequiredDocuments = Documents.Aggregate(RequiredDocuments.None, (all, d) => all | d),
        ThresholdNumerator = ThresholdNumerator,
        ThresholdDenominator = ThresholdDenominator,
        ThresholdBase = ThresholdBase,
        Version = Version,
    };

    public static AwardWorkflowInput From(AwardWorkflowForm form) => new()
    {
        Steps = Enum.GetValues<ProposalSteps>().Where(s => s != ProposalSteps.None && form.Steps.HasFlag(s)).ToList(),
        Documents = Enum.GetValues<RequiredDocuments>().Where(d => d != RequiredDocuments.None && form.RequiredDocuments.HasFlag(d)).ToList(),
        ThresholdNumerator = form.ThresholdNumerator,
        ThresholdDenominator = form.ThresholdDenominator,
        ThresholdBase = form.ThresholdBase,
        Version = form.Version,
    };
}

public sealed record AwardWorkflowEditViewModel(int Id, string Name, AwardWorkflowInput Input);
