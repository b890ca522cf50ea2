using EmulationPortal.Accounts;

namespace EmulationPortal.Proposals;

/// <summary>The moves of a proposal; each is one row of <see cref="ProposalStateMachine.Transitions"/>.</summary>
public enum ProposalAction
{
    Submit = 0,
    Withdraw = 1,
    Receive = 2,
    ReturnToUnit = 3,
    StartAppraisal = 4,
    CompleteAppraisal = 5,
    ReturnToIntake = 6,
    SendToCouncil = 7,
    ForwardForDecision = 8,
    ReturnToAppraisal = 9,
    Award = 10,
    Publish = 11,
    CancelDecision = 12,
}

/// <summary>The optional steps an award type goes through (flags; stored as an integer on <c>AwardType</c>).</summary>
[Flags]
public enum ProposalSteps
{
    None = 0,

    /// <summary>Thẩm định by a specialist.</summary>
    Appraisal = 1,

    /// <summary>Bình xét by the council (Hội đồng Thi đua – Khen thưởng).</summary>
    Council = 2,

    /// <summary>Lấy ý kiến: the nominee list is published for comments before the decision.</summary>
    Consultation = 4,
}

/// <summary>
/// One allowed move: from any of <see cref="From"/> to <see cref="To"/>, by one of <see cref="Roles"/>, only when the
/// proposal's steps include <see cref="WhenSteps"/> and exclude <see cref="UnlessSteps"/>.
/// </summary>
public sealed record ProposalTransitionRule(
    ProposalAction Action,
    IReadOnlyList<ProposalStatus> From,
    ProposalStatus To,
    IReadOnlyList<string> Roles,
    bool RequiresReason = false,
    ProposalSteps WhenSteps = ProposalSteps.None,
    ProposalSteps UnlessSteps = ProposalSteps.None)
{
    public bool AppliesTo(ProposalStatus from, ProposalSteps steps) =>
        From.Contains(from) && (steps & WhenSteps) == WhenSteps && (steps & UnlessSteps) == ProposalSteps.None;

    public bool AllowsAnyOf(IEnumerable<string> roles) => roles.Any(Roles.Contains);
}

/// <summary>
/// The one state machine of every kind of proposal. Pure: it says which move is valid; the workflow service checks
/// the guards that need data (documents, rule checks, council results), applies the move and records it.
/// </summary>
public static class ProposalStateMachine
{
    private static readonly string[] Unit = [Accounts.Roles.UnitReporter];
    private static readonly string[] Clerk = [Accounts.Roles.Editor];
    private static readonly string[] Specialist = [Accounts.Roles.Specialist];
    private static readonly string[] OfficeHead = [Accounts.Roles.OfficeHead];
    private static readonly string[] Secretary = [Accounts.Roles.CouncilSecretary];
    private static readonly string[] Leader = [Accounts.Roles.Leader];

    /// <summary>Every allowed move. Anything not listed is refused (409) and changes nothing.</summary>
    public static IReadOnlyList<ProposalTransitionRule> Transitions { get; } =
    [
        new(ProposalAction.Submit, [ProposalStatus.Draft, ProposalStatus.Returned], ProposalStatus.Submitted, Unit),
        new(ProposalAction.Withdraw, [ProposalStatus.Draft, ProposalStatus.Returned, ProposalStatus.Submitted], ProposalStatus.Withdrawn, Unit),
        new(ProposalAction.Receive, [ProposalStatus.Submitted], ProposalStatus.Received, Clerk),
        new(
            ProposalAction.ReturnToUnit,
            [ProposalStatus.Submitted, ProposalStatus.Received, ProposalStatus.UnderAppraisal, ProposalStatus.Appraised],
            ProposalStatus.Returned,
            [.. Clerk, .. Specialist, .. OfficeHead],
            RequiresReason: true),
        new(ProposalAction.StartAppraisal, [ProposalStatus.Received], ProposalStatus.UnderAppraisal, Specialist, WhenSteps: ProposalSteps.Appraisal),
        new(ProposalAction.CompleteAppraisal, [ProposalStatus.UnderAppraisal], ProposalStatus.Appraised, Specialist, WhenSteps: ProposalSteps.Appraisal),

        // Without an appraisal step the clerk's check at intake is the appraisal.
        new(ProposalAction.CompleteAppraisal, [ProposalStatus.Received], ProposalStatus.Appraised, Clerk, UnlessSteps: ProposalSteps.Appraisal),
        new(
            ProposalAction.ReturnToIntake,
            [ProposalStatus.UnderAppraisal, ProposalStatus.Appraised],
            ProposalStatus.Received,
            [.. Specialist, .. OfficeHead],
            RequiresReason: true),
        new(ProposalAction.SendToCouncil, [ProposalStatus.Appraised], ProposalStatus.CouncilReview, OfficeHead, WhenSteps: ProposalSteps.Council),
        new(ProposalAction.ForwardForDecision, [ProposalStatus.Appraised], ProposalStatus.AwaitingDecision, OfficeHead, UnlessSteps: ProposalSteps.Council),

        // After the council's session is closed (the service checks every nominee has a locked result).
        new(ProposalAction.ForwardForDecision, [ProposalStatus.CouncilReview], ProposalStatus.AwaitingDecision, Secretary, WhenSteps: ProposalSteps.Council),
        new(
            ProposalAction.ReturnToAppraisal,
            [ProposalStatus.CouncilReview, ProposalStatus.AwaitingDecision],
            ProposalStatus.UnderAppraisal,
            [.. OfficeHead, .. Secretary, .. Leader],
            RequiresReason: true,
            WhenSteps: ProposalSteps.Appraisal),
        new(
            ProposalAction.ReturnToAppraisal,
            [ProposalStatus.CouncilReview, ProposalStatus.AwaitingDecision],
            ProposalStatus.Received,
            [.. OfficeHead, .. Secretary, .. Leader],
            RequiresReason: true,
            UnlessSteps: ProposalSteps.Appraisal),

        // Taken by issuing a decision that lists the proposal's passed nominees.
        new(ProposalAction.Award, [ProposalStatus.AwaitingDecision], ProposalStatus.Awarded, Leader),
        new(ProposalAction.Publish, [ProposalStatus.Awarded], ProposalStatus.Published, Clerk),

        // Taken by cancelling the issued decision.
        new(ProposalAction.CancelDecision, [ProposalStatus.Awarded, ProposalStatus.Published], ProposalStatus.DecisionCancelled, Leader, RequiresReason: true),
    ];

    /// <summary>The move <paramref name="action"/> from <paramref name="from"/>, or null when there is none.</summary>
    public static ProposalTransitionRule? Find(ProposalAction action, ProposalStatus from, ProposalSteps steps) =>
        Transitions.FirstOrDefault(t => t.Action == action && t.AppliesTo(from, steps));

    /// <summary>The moves a user with <paramref name="roles"/> may take now.</summary>
    public static IReadOnlyList<ProposalTransitionRule> Available(ProposalStatus from, ProposalSteps steps, IEnumerable<string> roles)
    {
        var held = roles.ToList();
        return Transitions.Where(t => t.AppliesTo(from, steps) && t.AllowsAnyOf(held)).ToList();
    }

    /// <summary>Statuses a unit can still edit (nominees, documents, the cover text).</summary>
    public static bool IsEditableByUnit(ProposalStatus status) => status is ProposalStatus.Draft or ProposalStatus.Returned;

    /// <summary>Statuses that end the journey.</summary>
    public static bool IsFinal(ProposalStatus status) =>
        status is ProposalStatus.Published or ProposalStatus.Withdrawn or ProposalStatus.DecisionCancelled;
}
