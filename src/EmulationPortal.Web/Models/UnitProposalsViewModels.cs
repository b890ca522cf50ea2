using EmulationPortal.Common;
using EmulationPortal.Honors;
using EmulationPortal.Proposals;

namespace EmulationPortal.Web.Models;

public sealed record UnitProposalListViewModel(string UnitName, IReadOnlyList<ProposalRow> Proposals, IReadOnlyList<NoticeRow> Notices);

public sealed record UnitProposalCreateViewModel(string UnitName, ProposalForm Form, IReadOnlyList<FilterOption> Campaigns, int DefaultYear);

/// <summary>One finding as shown: the rule's name, the nominee it concerns (if any), the message, whether it blocks.</summary>
public sealed record FindingView(string RuleName, string? NomineeName, string Message, bool Blocks);

/// <summary>The proposal page: header, cover text, nominees, documents, findings, history, and the moves the user may take.</summary>
public sealed record UnitProposalViewModel(
    UnitProposalDetails Proposal,
    ProposalOptions Options,
    ProposalForm HeaderForm,
    NomineeForm NomineeForm,
    IReadOnlyList<FindingView> Findings,
    (int Women, int Individuals, decimal Percent)? WomenShare,
    IReadOnlyList<ProposalAction> Actions,
    int MaxUploadMegabytes);

public sealed record UnitNomineeEditViewModel(UnitProposalDetails Proposal, int NomineeId, NomineeForm Form, ProposalOptions Options);

public sealed record UnitProposalImportViewModel(UnitProposalDetails Proposal, string? Text, ImportPreview? Preview, string? Rows);
