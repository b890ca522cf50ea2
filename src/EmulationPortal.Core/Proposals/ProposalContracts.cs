using EmulationPortal.Common;

namespace EmulationPortal.Proposals;

/// <summary>Who is acting: the signed-in user's id, display name, roles and (for a unit reporter) unit.</summary>
public sealed record WorkflowActor(string? UserId, string DisplayName, IReadOnlyList<string> Roles, int? UnitId)
{
    public bool IsInRole(string role) => Roles.Contains(role);
}

/// <summary>A move asked for by a user: the proposal, the action, the version the user saw, and the reason.</summary>
public sealed record MoveRequest(int ProposalId, ProposalAction Action, int Version, string? Reason);

public enum MoveOutcome
{
    Done = 0,

    /// <summary>No such proposal, or a unit reporter asking about another unit's (404: never another unit's data).</summary>
    NotFound = 1,

    /// <summary>The move is not one the user's roles may take (403).</summary>
    Forbidden = 2,

    /// <summary>Not a valid move from the current status, or someone moved it since the user looked (409). Nothing changed.</summary>
    Conflict = 3,

    /// <summary>A guard failed: missing reason, missing documents, a blocking rule (400 with the errors). Nothing changed.</summary>
    Invalid = 4,
}

/// <summary>The result of a move; <see cref="Errors"/> hold resource keys as in <see cref="ServiceResult"/>.</summary>
public sealed record MoveResult(MoveOutcome Outcome, ProposalStatus? Status, IReadOnlyList<ServiceError> Errors)
{
    public static MoveResult Of(MoveOutcome outcome, params ServiceError[] errors) => new(outcome, null, errors);
}

/// <summary>
/// One finding of the rule checks: the rule that found it (<see cref="RuleId"/>, <see cref="RuleName"/>), the
/// nominee it concerns (null for the whole proposal, e.g. a cap or the share of women), its severity, and a resource
/// key with arguments for the Vietnamese message.
/// </summary>
public sealed record RuleFinding(
    int? RuleId, string RuleName, AwardRuleKind Kind, RuleSeverity Severity, int? NomineeId, string Code, params object[] Args)
{
    public bool Blocks => Severity == RuleSeverity.Block;
}

/// <summary>The rule checks of a proposal, run while composing, at Submit and at appraisal.</summary>
public interface IProposalChecks
{
    Task<IReadOnlyList<RuleFinding>> CheckAsync(int proposalId, CancellationToken cancellationToken = default);
}
