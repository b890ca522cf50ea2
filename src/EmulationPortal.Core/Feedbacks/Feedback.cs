using EmulationPortal.Campaigns;
using EmulationPortal.Common;

namespace EmulationPortal.Feedbacks;

/// <summary>What a report (phản ánh) is about.</summary>
public enum FeedbackCategory
{
    /// <summary>How a campaign is organised.</summary>
    Campaign = 0,

    /// <summary>How commendations are proposed or granted.</summary>
    Award = 1,

    Other = 2,
}

public enum FeedbackStatus
{
    New = 0,
    Handling = 1,
    Answered = 2,
    Closed = 3,
}

/// <summary>
/// Phản ánh: a staff member's report of a problem in how campaigns and awards are run ("phê phán những hiện tượng
/// tiêu cực"). When anonymous, nothing identifying is stored: no user id, no contact, no address.
/// </summary>
public class Feedback : IVersioned
{
    public int Id { get; set; }

    public FeedbackCategory Category { get; set; }

    public int? CampaignId { get; set; }

    public Campaign? Campaign { get; set; }

    /// <summary>The nominee of a public consultation it comments on, when sent from that list.</summary>
    public int? NomineeId { get; set; }

    public Proposals.Nominee? Nominee { get; set; }

    /// <summary>What it concerns, in the submitter's words (an award, a decision number, a unit).</summary>
    public string Subject { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public bool IsAnonymous { get; set; }

    public string? ContactName { get; set; }

    /// <summary>E-mail or phone, only when not anonymous.</summary>
    public string? ContactInfo { get; set; }

    /// <summary>The signed-in submitter, only when not anonymous.</summary>
    public string? SubmittedByUserId { get; set; }

    public FeedbackStatus Status { get; set; }

    /// <summary>The Office's internal note; never shown to the submitter.</summary>
    public string InternalNote { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public int Version { get; set; }
}
