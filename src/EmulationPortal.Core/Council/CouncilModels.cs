using EmulationPortal.Common;
using EmulationPortal.Honors;

namespace EmulationPortal.Council;

/// <summary>How a council action ended: the web layer maps it to 200/302, 404, 400, 403 or 409.</summary>
public enum CouncilOutcome
{
    Done = 0,

    /// <summary>No such member, session or agenda item (404).</summary>
    NotFound = 1,

    /// <summary>What was sent cannot be accepted (400 with the errors). Nothing changed.</summary>
    Invalid = 2,

    /// <summary>The user may not do this (403): not a council member, or not present.</summary>
    Forbidden = 3,

    /// <summary>The session is closed, a ballot was already cast, or someone saved first (409). Nothing changed.</summary>
    Conflict = 4,
}

/// <summary>The result of a council action; <see cref="Errors"/> hold resource keys as in <see cref="ServiceResult"/>.</summary>
public sealed record CouncilResult(CouncilOutcome Outcome, int? Id, IReadOnlyList<ServiceError> Errors)
{
    public bool Succeeded => Outcome == CouncilOutcome.Done;

    public static CouncilResult Ok(int id) => new(CouncilOutcome.Done, id, []);

    public static CouncilResult NotFound() => new(CouncilOutcome.NotFound, null, []);

    public static CouncilResult Invalid(params ServiceError[] errors) => new(CouncilOutcome.Invalid, null, errors);

    public static CouncilResult Forbidden(string code) => new(CouncilOutcome.Forbidden, null, [new ServiceError(string.Empty, code)]);

    public static CouncilResult Conflict(string code) => new(CouncilOutcome.Conflict, null, [new ServiceError(string.Empty, code)]);
}

public sealed record CouncilMemberRow(
    int Id, int Version, int StaffMemberId, string FullName, string Position, string UnitName, CouncilRole Role, bool IsActive, int SortOrder);

public sealed record StaffOption(int Id, string FullName, string UnitName);

/// <summary>A new member: the staff member, the role and the place in the list.</summary>
public sealed record CouncilMemberInput(int StaffMemberId, CouncilRole Role, int SortOrder);

/// <summary>A change of a member: role, place in the list, active or not; <see cref="Version"/> as read.</summary>
public sealed record CouncilMemberChange(int Version, CouncilRole Role, int SortOrder, bool IsActive);

public sealed record CouncilSessionInput(string? Title, DateOnly? HeldOn, string? Place, VotingMode VotingMode);

public sealed record CouncilSessionRow(
    int Id, string Title, DateOnly HeldOn, string Place, VotingMode VotingMode, CouncilSessionStatus Status, int Members, int Present, int AgendaCount);

public sealed record AttendanceRow(int CouncilMemberId, string FullName, CouncilRole Role, bool IsPresent);

/// <summary>One agenda item as the admin page shows it. For an open online session the tallies are withheld (zeros).</summary>
public sealed record AgendaRow(
    int Id,
    int Version,
    int NomineeId,
    string NomineeName,
    RecipientKind RecipientKind,
    string UnitName,
    string AwardTypeName,
    int ProposalId,
    string ProposalTitle,
    string Achievement,
    int Agree,
    int Disagree,
    int Invalid,
    int BallotsCast,
    AgendaResult Result,
    bool PassesNow,
    int ThresholdNumerator,
    int ThresholdDenominator,
    ThresholdBase ThresholdBase);

public sealed record AgendaCandidate(int NomineeId, string NomineeName, string AwardTypeName, string ProposalTitle, string UnitName);

public sealed record CouncilSessionDetail(
    int Id,
    int Version,
    string Title,
    DateOnly HeldOn,
    string Place,
    VotingMode VotingMode,
    CouncilSessionStatus Status,
    int QuorumNumerator,
    int QuorumDenominator,
    int Members,
    int Present,
    int QuorumNeeded,
    bool HasQuorum,
    DateTime? ClosedAt,
    int? MinutesFileId,
    string? MinutesName,
    IReadOnlyList<AttendanceRow> Attendance,
    IReadOnlyList<AgendaRow> Agenda)
{
    public bool IsOpen => Status == CouncilSessionStatus.Open;
}

/// <summary>The minutes file of a session, for download.</summary>
public sealed record CouncilMinutesFile(string StorageKey, string ContentType, string OriginalName);

/// <summary>An item on the member's ballot: whether this member has voted, never how.</summary>
public sealed record BallotItem(int ItemId, string NomineeName, string UnitName, string AwardTypeName, string Achievement, bool HasVoted);

public sealed record BallotSession(int SessionId, string Title, DateOnly HeldOn, string Place, bool HasQuorum, IReadOnlyList<BallotItem> Items);

/// <summary>What the signed-in user may vote on; <see cref="IsMember"/> false when the user is no council member.</summary>
public sealed record BallotPage(bool IsMember, string? MemberName, IReadOnlyList<BallotSession> Sessions);
