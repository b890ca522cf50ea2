using EmulationPortal.Campaigns;
using EmulationPortal.Common;
using EmulationPortal.Honors;
using EmulationPortal.Organisation;

namespace EmulationPortal.Proposals;

/// <summary>The kind of commendation a proposal asks for.</summary>
public enum ProposalKind
{
    /// <summary>Khen thưởng thường xuyên / công trạng: the year-end review.</summary>
    YearEnd = 0,

    /// <summary>Khen thưởng theo đợt (chuyên đề): at the end of a thematic campaign.</summary>
    Thematic = 1,

    /// <summary>Khen thưởng đột xuất: an outstanding deed, at any time.</summary>
    AdHoc = 2,
}

/// <summary>Where a proposal is in its journey; see <see cref="ProposalStateMachine"/> for the moves.</summary>
public enum ProposalStatus
{
    Draft = 0,
    Submitted = 1,
    Received = 2,
    UnderAppraisal = 3,
    Appraised = 4,
    CouncilReview = 5,
    AwaitingDecision = 6,
    Awarded = 7,
    Published = 8,

    /// <summary>Returned to the unit with a reason; the unit edits and submits again.</summary>
    Returned = 9,

    /// <summary>Withdrawn by the unit before intake; final.</summary>
    Withdrawn = 10,

    /// <summary>The decision that awarded it was cancelled; its commendations were withdrawn. Final.</summary>
    DecisionCancelled = 11,
}

/// <summary>Hồ sơ đề nghị khen thưởng: a unit's proposal of its people and collectives, with the dossier.</summary>
public class Proposal : IVersioned
{
    public int Id { get; set; }

    public int Version { get; set; }

    /// <summary>The proposing unit; a unit reporter acts for their own unit only.</summary>
    public int UnitId { get; set; }

    public Unit? Unit { get; set; }

    public ProposalKind Kind { get; set; }

    /// <summary>The year whose achievements are proposed.</summary>
    public int Year { get; set; }

    public int? CampaignId { get; set; }

    public Campaign? Campaign { get; set; }

    /// <summary>Short title: "Đề nghị khen thưởng tổng kết năm 2025 của Phòng …".</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary>Tờ trình: the cover submission's text, generated from a template and editable while a draft.</summary>
    public string CoverText { get; set; } = string.Empty;

    public ProposalStatus Status { get; set; }

    /// <summary>The user who created the draft.</summary>
    public string? CreatedById { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The last time the unit submitted it (the first submission is in the history).</summary>
    public DateTime? SubmittedAt { get; set; }

    /// <summary>When the status last changed.</summary>
    public DateTime UpdatedAt { get; set; }

    public ICollection<Nominee> Nominees { get; set; } = [];

    public ICollection<ProposalDocument> Documents { get; set; } = [];

    public ICollection<ProposalTransition> Transitions { get; set; } = [];
}

/// <summary>What became of one nominee.</summary>
public enum NomineeOutcome
{
    /// <summary>In the proposal, not yet decided.</summary>
    Pending = 0,

    /// <summary>Left out at appraisal (with a reason); the rest of the proposal goes on.</summary>
    Excluded = 1,

    /// <summary>The council agreed (or no council applies and it reached the decision stage).</summary>
    Passed = 2,

    /// <summary>The council did not reach the threshold.</summary>
    Failed = 3,

    /// <summary>Granted by an issued decision; <see cref="Nominee.CommendationId"/> points at the commendation.</summary>
    Awarded = 4,

    /// <summary>The decision was cancelled and the commendation withdrawn.</summary>
    Cancelled = 5,
}

/// <summary>A person or a collective proposed for one award type, with the achievement cited.</summary>
public class Nominee : IVersioned
{
    public int Id { get; set; }

    public int Version { get; set; }

    public int ProposalId { get; set; }

    public Proposal? Proposal { get; set; }

    /// <summary>Individual (a staff member) or Collective (a unit); never Both.</summary>
    public RecipientKind RecipientKind { get; set; }

    public int? StaffMemberId { get; set; }

    public StaffMember? StaffMember { get; set; }

    public int? UnitId { get; set; }

    public Unit? Unit { get; set; }

    public int AwardTypeId { get; set; }

    public AwardType? AwardType { get; set; }

    /// <summary>Thành tích: the achievement cited, as it will read in the decision's annex.</summary>
    public string Achievement { get; set; } = string.Empty;

    public int SortOrder { get; set; }

    public NomineeOutcome Outcome { get; set; }

    /// <summary>Why it was excluded at appraisal.</summary>
    public string? OutcomeReason { get; set; }

    /// <summary>The decision that lists it (draft or issued).</summary>
    public int? DecisionId { get; set; }

    public Decisions.AwardDecision? Decision { get; set; }

    /// <summary>The commendation created when the decision was issued.</summary>
    public int? CommendationId { get; set; }

    public Commendation? Commendation { get; set; }

    /// <summary>The public consultation it was listed in, for award types that require one.</summary>
    public int? ConsultationId { get; set; }

    public Consultation? Consultation { get; set; }
}

/// <summary>The papers of a dossier.</summary>
public enum ProposalDocumentKind
{
    /// <summary>Tờ trình: the cover submission.</summary>
    CoverSubmission = 0,

    /// <summary>Báo cáo thành tích: one per nominee.</summary>
    AchievementReport = 1,

    /// <summary>Biên bản họp bình xét: the unit's review minutes.</summary>
    ReviewMinutes = 2,

    /// <summary>Evidence: an initiative's recognition, a certificate of a result.</summary>
    Evidence = 3,
}

/// <summary>The documents an award type requires before Submit (flags; stored as an integer).</summary>
[Flags]
public enum RequiredDocuments
{
    None = 0,
    CoverSubmission = 1,
    AchievementReport = 2,
    ReviewMinutes = 4,
    Evidence = 8,
}

/// <summary>One uploaded paper of the dossier; an achievement report names its nominee.</summary>
public class ProposalDocument
{
    public int Id { get; set; }

    public int ProposalId { get; set; }

    public Proposal? Proposal { get; set; }

    public ProposalDocumentKind Kind { get; set; }

    public int? NomineeId { get; set; }

    public Nominee? Nominee { get; set; }

    public int StoredFileId { get; set; }

    public Files.StoredFile? StoredFile { get; set; }

    public string Title { get; set; } = string.Empty;

    public DateTime UploadedAt { get; set; }

    public string? UploadedById { get; set; }
}

/// <summary>One move of a proposal, kept for ever: who, when, from, to and why.</summary>
public class ProposalTransition
{
    public long Id { get; set; }

    public int ProposalId { get; set; }

    public Proposal? Proposal { get; set; }

    public ProposalAction Action { get; set; }

    public ProposalStatus From { get; set; }

    public ProposalStatus To { get; set; }

    /// <summary>Required for returns and cancellations; optional otherwise.</summary>
    public string? Reason { get; set; }

    public string? UserId { get; set; }

    /// <summary>The display name at the time, so the history reads the same after a rename.</summary>
    public string UserName { get; set; } = string.Empty;

    public DateTime At { get; set; }
}

/// <summary>A notice to a unit shown in its workspace (and also mailed): "Hồ sơ … đã bị trả lại: …".</summary>
public class UnitNotice
{
    public long Id { get; set; }

    public int UnitId { get; set; }

    public Unit? Unit { get; set; }

    public int? ProposalId { get; set; }

    public Proposal? Proposal { get; set; }

    /// <summary>The Vietnamese text, composed when the notice is written.</summary>
    public string Text { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    public DateTime? ReadAt { get; set; }
}

/// <summary>Lấy ý kiến: a nominee list published on the portal for a number of working days.</summary>
public class Consultation : IVersioned
{
    public int Id { get; set; }

    public int Version { get; set; }

    public string Title { get; set; } = string.Empty;

    public DateOnly StartsOn { get; set; }

    /// <summary>The last day (inclusive), counted in working days from <see cref="StartsOn"/>.</summary>
    public DateOnly EndsOn { get; set; }

    public DateTime CreatedAt { get; set; }

    public ICollection<Nominee> Nominees { get; set; } = [];
}
