using EmulationPortal.Common;
using EmulationPortal.Feedbacks;

namespace EmulationPortal.Web.Models;

/// <summary>The public report form (phản ánh). Validation is the service's (messages from AdminAccountsResource).</summary>
public sealed class FeedbackInput
{
    public FeedbackCategory Category { get; set; }

    public int? CampaignId { get; set; }

    public string? Subject { get; set; }

    public string? Text { get; set; }

    public bool IsAnonymous { get; set; }

    public string? ContactName { get; set; }

    public string? ContactInfo { get; set; }

    /// <summary>The consultation nominee the report is about, when sent from the link beside the name on /lay-y-kien.</summary>
    public int? NomineeId { get; set; }
}

public sealed record FeedbackFormViewModel(FeedbackInput Input, IReadOnlyList<FilterOption> Campaigns, EmulationPortal.Proposals.ConsultationNominee? Nominee = null);
