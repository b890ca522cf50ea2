using EmulationPortal.Campaigns;
using EmulationPortal.Common;
using EmulationPortal.Files;
using EmulationPortal.Organisation;

namespace EmulationPortal.Participation;

/// <summary>How a campaign asks units to take part: who is expected to register, by when, and whether staff may register personally.</summary>
public class ParticipationSettings : IVersioned
{
    /// <summary>The campaign's id (one settings row per campaign).</summary>
    public int CampaignId { get; set; }

    public int Version { get; set; }

    public Campaign? Campaign { get; set; }

    /// <summary>Whether units are expected to register (đăng ký thi đua) for this campaign.</summary>
    public bool RegistrationExpected { get; set; }

    /// <summary>Registration closes after this date (inclusive); null: open while the campaign runs.</summary>
    public DateOnly? RegistrationDeadline { get; set; }

    public bool AllowsPersonalRegistration { get; set; }

    /// <summary>The units expected to register and report; empty means every active unit.</summary>
    public ICollection<Unit> ExpectedUnits { get; set; } = [];
}

/// <summary>A number the campaign asks for, as a target at registration and as a figure in each report ("Số hoạt động", "Số người tham gia").</summary>
public class CampaignIndicator : IVersioned
{
    public int Id { get; set; }

    public int Version { get; set; }

    public int CampaignId { get; set; }

    public Campaign? Campaign { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>Unit of measure shown after the number ("hoạt động", "người").</summary>
    public string MeasureUnit { get; set; } = string.Empty;

    public int SortOrder { get; set; }
}

/// <summary>Đăng ký thi đua: a unit's (or a person's) registration for a campaign, with commitments and targets.</summary>
public class Registration : IVersioned
{
    public int Id { get; set; }

    public int Version { get; set; }

    public int CampaignId { get; set; }

    public Campaign? Campaign { get; set; }

    /// <summary>The registering unit; null for a personal registration.</summary>
    public int? UnitId { get; set; }

    public Unit? Unit { get; set; }

    /// <summary>The registering person; null for a unit registration.</summary>
    public int? StaffMemberId { get; set; }

    public StaffMember? StaffMember { get; set; }

    /// <summary>Nội dung đăng ký: the commitments, plain text.</summary>
    public string Commitments { get; set; } = string.Empty;

    public DateTime RegisteredAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? RegisteredByUserId { get; set; }

    public ICollection<RegistrationTarget> Targets { get; set; } = [];
}

/// <summary>A registered numeric target for one indicator.</summary>
public class RegistrationTarget
{
    public int RegistrationId { get; set; }

    public int IndicatorId { get; set; }

    public CampaignIndicator? Indicator { get; set; }

    public decimal Value { get; set; }
}

/// <summary>Báo cáo tiến độ (progress), sơ kết (interim) or tổng kết (final).</summary>
public enum ReportKind
{
    Progress = 0,
    Interim = 1,
    Final = 2,
}

/// <summary>A reporting round of a campaign with its due date; the Office locks it when reports are final.</summary>
public class ReportRound : IVersioned
{
    public int Id { get; set; }

    public int Version { get; set; }

    public int CampaignId { get; set; }

    public Campaign? Campaign { get; set; }

    public string Name { get; set; } = string.Empty;

    public ReportKind Kind { get; set; }

    public DateOnly DueOn { get; set; }

    public bool IsLocked { get; set; }

    public int SortOrder { get; set; }
}

/// <summary>A unit's report for one round: narrative, figures and attachments.</summary>
public class ProgressReport : IVersioned
{
    public int Id { get; set; }

    public int Version { get; set; }

    public int RoundId { get; set; }

    public ReportRound? Round { get; set; }

    public int UnitId { get; set; }

    public Unit? Unit { get; set; }

    /// <summary>Sanitized HTML.</summary>
    public string Narrative { get; set; } = string.Empty;

    /// <summary>First submission (UTC).</summary>
    public DateTime SubmittedAt { get; set; }

    /// <summary>The local calendar date of the first submission; lateness and on-time rates are computed from it.</summary>
    public DateOnly SubmittedOn { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? SubmittedByUserId { get; set; }

    public ICollection<ProgressReportValue> Values { get; set; } = [];

    public ICollection<ProgressReportAttachment> Attachments { get; set; } = [];

    /// <summary>Days after the due date the report was first submitted; 0 when on time.</summary>
    public static int DaysLate(DateOnly dueOn, DateOnly submittedOn) => Math.Max(0, submittedOn.DayNumber - dueOn.DayNumber);
}

/// <summary>A figure of a report for one indicator.</summary>
public class ProgressReportValue
{
    public int ReportId { get; set; }

    public int IndicatorId { get; set; }

    public CampaignIndicator? Indicator { get; set; }

    public decimal Value { get; set; }
}

/// <summary>A file attached to a report.</summary>
public class ProgressReportAttachment
{
    public int Id { get; set; }

    public int ReportId { get; set; }

    public int StoredFileId { get; set; }

    public StoredFile? StoredFile { get; set; }

    public int SortOrder { get; set; }
}

public enum ReminderKind
{
    /// <summary>Sent by the Office in one click.</summary>
    Manual = 0,

    /// <summary>Sent by the daily job N days before the due date.</summary>
    Automatic = 1,
}

/// <summary>
/// A reminder (đôn đốc) to a unit about a round. <see cref="DedupKey"/> is unique: the daily job writes
/// "auto:{round}:{unit}", so an automatic reminder is never sent twice, even by two app instances.
/// </summary>
public class Reminder
{
    public long Id { get; set; }

    public int RoundId { get; set; }

    public ReportRound? Round { get; set; }

    public int UnitId { get; set; }

    public Unit? Unit { get; set; }

    public ReminderKind Kind { get; set; }

    public string DedupKey { get; set; } = string.Empty;

    public DateTime SentAt { get; set; }

    public string? SentByUserId { get; set; }

    /// <summary>How many e-mails were sent (or written to the pickup folder).</summary>
    public int MailCount { get; set; }

    public static string AutomaticKey(int roundId, int unitId) => $"auto:{roundId}:{unitId}";
}
