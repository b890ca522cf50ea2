using EmulationPortal.Common;
using EmulationPortal.Files;
using EmulationPortal.Organisation;
using EmulationPortal.Proposals;

namespace EmulationPortal.Council;

/// <summary>A member's role in the council (Hội đồng Thi đua – Khen thưởng).</summary>
public enum CouncilRole
{
    Chair = 0,
    ViceChair = 1,
    Secretary = 2,
    Member = 3,
}

/// <summary>A standing member of the council: a staff member with a role.</summary>
public class CouncilMember : IVersioned
{
    public int Id { get; set; }

    public int Version { get; set; }

    public int StaffMemberId { get; set; }

    public StaffMember? StaffMember { get; set; }

    public CouncilRole Role { get; set; }

    public bool IsActive { get; set; } = true;

    public int SortOrder { get; set; }
}

public enum CouncilSessionStatus
{
    /// <summary>Agenda and attendance are being prepared; results can be entered.</summary>
    Open = 0,

    /// <summary>Closed by the secretary: results and attendance are locked.</summary>
    Closed = 1,
}

public enum VotingMode
{
    /// <summary>Phiếu giấy: tallies counted on paper and entered by the secretary.</summary>
    Paper = 0,

    /// <summary>Bỏ phiếu kín trực tuyến: the portal records that a member voted, never how.</summary>
    OnlineSecret = 1,
}

/// <summary>Whose number a threshold is a share of.</summary>
public enum ThresholdBase
{
    MembersPresent = 0,
    AllMembers = 1,
}

/// <summary>Phiên họp Hội đồng: one meeting of the council, with its attendance, agenda and results.</summary>
public class CouncilSession : IVersioned
{
    public int Id { get; set; }

    public int Version { get; set; }

    public string Title { get; set; } = string.Empty;

    public DateOnly HeldOn { get; set; }

    public string Place { get; set; } = string.Empty;

    public VotingMode VotingMode { get; set; }

    public CouncilSessionStatus Status { get; set; }

    /// <summary>The quorum fraction, copied from the settings when the session is created.</summary>
    public int QuorumNumerator { get; set; }

    public int QuorumDenominator { get; set; }

    /// <summary>Biên bản họp: the signed minutes.</summary>
    public int? MinutesFileId { get; set; }

    public StoredFile? MinutesFile { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    public string? ClosedById { get; set; }

    public ICollection<CouncilAttendance> Attendance { get; set; } = [];

    public ICollection<CouncilAgendaItem> Agenda { get; set; } = [];
}

/// <summary>Whether a member attended a session; the role is copied so the minutes read the same later.</summary>
public class CouncilAttendance
{
    public int SessionId { get; set; }

    public CouncilSession? Session { get; set; }

    public int CouncilMemberId { get; set; }

    public CouncilMember? CouncilMember { get; set; }

    public CouncilRole Role { get; set; }

    public bool IsPresent { get; set; }
}

public enum AgendaResult
{
    Pending = 0,
    Passed = 1,
    Failed = 2,
}

/// <summary>One nominee on a session's agenda and its result.</summary>
public class CouncilAgendaItem : IVersioned
{
    public int Id { get; set; }

    public int Version { get; set; }

    public int SessionId { get; set; }

    public CouncilSession? Session { get; set; }

    public int NomineeId { get; set; }

    public Nominee? Nominee { get; set; }

    public int SortOrder { get; set; }

    public int Agree { get; set; }

    public int Disagree { get; set; }

    public int Invalid { get; set; }

    public AgendaResult Result { get; set; }
}

/// <summary>That a member cast an online secret ballot on an agenda item: never which way, and no time (it could be matched to the tallies).</summary>
public class CouncilBallotRecord
{
    public int AgendaItemId { get; set; }

    public CouncilAgendaItem? AgendaItem { get; set; }

    public int CouncilMemberId { get; set; }

    public CouncilMember? CouncilMember { get; set; }
}
