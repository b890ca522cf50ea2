using EmulationPortal.Accounts;
using EmulationPortal.Common;
using EmulationPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Proposals;

/// <summary>Tells the unit about moves of its proposals (portal notice and e-mail), after they are saved.</summary>
public interface IProposalNotifier
{
    Task NotifyAsync(IReadOnlyList<ProposalTransition> transitions, CancellationToken cancellationToken = default);
}

/// <summary>
/// The one service that moves proposals of every kind. A user's move (<see cref="MoveAsync"/>) is checked against
/// <see cref="ProposalStateMachine"/>, the user's roles and unit, the version the user saw, and the guards that need
/// data; anything refused changes nothing. Other services (council, decisions) move proposals inside their own save
/// with <see cref="Record"/>.
/// </summary>
public sealed class ProposalWorkflowService(PortalDbContext db, IProposalChecks checks, IProposalNotifier notifier, PortalClock clock)
{
    /// <summary>Moves taken only by issuing or cancelling a decision, never from a proposal's page.</summary>
    private static readonly ProposalAction[] DecisionOnly = [ProposalAction.Award, ProposalAction.CancelDecision];

    /// <summary>
    /// The optional steps of a proposal: those of the award types of its nominees still in it. When every nominee was
    /// excluded, those of all its nominees, so the proposal stays on its path and the guards can say what is wrong
    /// (otherwise Complete appraisal would be "not allowed now" instead of "no nominees left").
    /// </summary>
    public static ProposalSteps StepsOf(Proposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var steps = ProposalSteps.None;
        var active = proposal.Nominees.Where(n => n.Outcome != NomineeOutcome.Excluded).ToList();
        foreach (var nominee in active.Count > 0 ? active : proposal.Nominees)
        {
            steps |= nominee.AwardType?.Steps ?? ProposalSteps.None;
        }

        return steps;
    }

    /// <summary>Loads a proposal with what the guards read, or null.</summary>
    public Task<Proposal?> LoadAsync(int proposalId, CancellationToken cancellationToken = default) =>
        db.Proposals
            .Include(p => p.Nominees).ThenInclude(n => n.AwardType)
            .Include(p => p.Documents)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == proposalId, cancellationToken);

    /// <summary>The moves <paramref name="actor"/> may take on <paramref name="proposal"/> now (for the buttons).</summary>
    public static IReadOnlyList<ProposalTransitionRule> AvailableTo(Proposal proposal, WorkflowActor actor)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(actor);
        return ProposalStateMachine.Available(proposal.Status, StepsOf(proposal), actor.Roles)
            .Where(t => !DecisionOnly.Contains(t.Action))
            .Where(t => !t.Roles.Contains(Roles.UnitReporter) || actor.UnitId == proposal.UnitId)
            .ToList();
    }

    public async Task<MoveResult> MoveAsync(MoveRequest request, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        var proposal = await LoadAsync(request.ProposalId, cancellationToken);
        if (proposal is null || (IsUnitOnly(actor) && proposal.UnitId != actor.UnitId))
        {
            return MoveResult.Of(MoveOutcome.NotFound);
        }

        if (proposal.Version != request.Version)
        {
            return MoveResult.Of(MoveOutcome.Conflict, new ServiceError(string.Empty, "Proposal.Move.Stale"));
        }

        var rule = ProposalStateMachine.Find(request.Action, proposal.Status, StepsOf(proposal));
        if (rule is null || DecisionOnly.Contains(request.Action))
        {
            return MoveResult.Of(MoveOutcome.Conflict, new ServiceError(string.Empty, "Proposal.Move.NotAllowedNow"));
        }

        if (!rule.AllowsAnyOf(actor.Roles) || (rule.Roles.Contains(Roles.UnitReporter) && actor.UnitId != proposal.UnitId))
        {
            return MoveResult.Of(MoveOutcome.Forbidden, new ServiceError(string.Empty, "Proposal.Move.WrongRole"));
        }

        var reason = request.Reason?.Trim();
        if (rule.RequiresReason && string.IsNullOrEmpty(reason))
        {
            return MoveResult.Of(MoveOutcome.Invalid, new ServiceError("Reason", "Proposal.Move.ReasonRequired"));
        }

        if (reason is { Length: > 2000 })
        {
            return MoveResult.Of(MoveOutcome.Invalid, new ServiceError("Reason", "Proposal.Move.ReasonTooLong", 2000));
        }

        var errors = await GuardAsync(proposal, request.Action, cancellationToken);
        if (errors.Count > 0)
        {
            return new MoveResult(MoveOutcome.Invalid, null, errors);
        }

        db.ExpectVersion(proposal, request.Version);
        var transition = Apply(proposal, rule, actor, reason);
        if (await db.SaveOrConflictAsync(cancellationToken) is not null)
        {
            return MoveResult.Of(MoveOutcome.Conflict, new ServiceError(string.Empty, "Proposal.Move.Stale"));
        }

        await notifier.NotifyAsync([transition], cancellationToken);
        return new MoveResult(MoveOutcome.Done, proposal.Status, []);
    }

    /// <summary>
    /// Applies a move to a tracked proposal without saving, for services that move proposals as part of their own
    /// work (closing a council session, issuing or cancelling a decision). Returns the transition to pass to
    /// <see cref="NotifyAsync"/> after the save, or null when the move is not valid from the current status.
    /// </summary>
    public ProposalTransition? Record(Proposal proposal, ProposalAction action, WorkflowActor actor, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(actor);
        var rule = ProposalStateMachine.Find(action, proposal.Status, StepsOf(proposal));
        return rule is null || (rule.RequiresReason && string.IsNullOrWhiteSpace(reason)) ? null : Apply(proposal, rule, actor, reason?.Trim());
    }

    /// <summary>Notifies the units of moves recorded with <see cref="Record"/>, once they are saved.</summary>
    public Task NotifyAsync(IReadOnlyList<ProposalTransition> transitions, CancellationToken cancellationToken = default) =>
        notifier.NotifyAsync(transitions, cancellationToken);

    /// <summary>The guards that need data; empty when the move may go on.</summary>
    public async Task<IReadOnlyList<ServiceError>> GuardAsync(Proposal proposal, ProposalAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var errors = new List<ServiceError>();
        var active = proposal.Nominees.Where(n => n.Outcome != NomineeOutcome.Excluded).ToList();
        switch (action)
        {
            case ProposalAction.Submit:
                if (active.Count == 0)
                {
                    errors.Add(new ServiceError(string.Empty, "Proposal.Submit.NoNominees"));
                }

                errors.AddRange(MissingDocuments(proposal, active));
                errors.AddRange(await BlockingFindingsAsync(proposal.Id, cancellationToken));
                break;
            case ProposalAction.CompleteAppraisal:
                if (active.Count == 0)
                {
                    errors.Add(new ServiceError(string.Empty, "Proposal.Appraisal.NoNominees"));
                }

                errors.AddRange(await BlockingFindingsAsync(proposal.Id, cancellationToken));
                break;
            case ProposalAction.ForwardForDecision when proposal.Status == ProposalStatus.CouncilReview:
                if (active.Any(n => n.Outcome is not (NomineeOutcome.Passed or NomineeOutcome.Failed)))
                {
                    errors.Add(new ServiceError(string.Empty, "Proposal.Council.ResultsMissing"));
                }

                break;
        }

        return errors;
    }

    /// <summary>The papers the award types of the nominees require and the dossier lacks.</summary>
    public static IReadOnlyList<ServiceError> MissingDocuments(Proposal proposal, IReadOnlyList<Nominee> nominees)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(nominees);
        var errors = new List<ServiceError>();
        var required = nominees.Aggregate(RequiredDocuments.None, (all, n) => all | (n.AwardType?.RequiredDocuments ?? RequiredDocuments.None));
        bool Has(ProposalDocumentKind kind) => proposal.Documents.Any(d => d.Kind == kind);

        // The generated and edited tờ trình counts as the cover submission; an uploaded signed one does too.
        if (required.HasFlag(RequiredDocuments.CoverSubmission) && string.IsNullOrWhiteSpace(proposal.CoverText) && !Has(ProposalDocumentKind.CoverSubmission))
        {
            errors.Add(new ServiceError("Documents", "Proposal.Submit.MissingCover"));
        }

        if (required.HasFlag(RequiredDocuments.ReviewMinutes) && !Has(ProposalDocumentKind.ReviewMinutes))
        {
            errors.Add(new ServiceError("Documents", "Proposal.Submit.MissingMinutes"));
        }

        if (required.HasFlag(RequiredDocuments.Evidence) && !Has(ProposalDocumentKind.Evidence))
        {
            errors.Add(new ServiceError("Documents", "Proposal.Submit.MissingEvidence"));
        }

        foreach (var nominee in nominees.Where(n => n.AwardType?.RequiredDocuments.HasFlag(RequiredDocuments.AchievementReport) == true))
        {
            if (!proposal.Documents.Any(d => d.Kind == ProposalDocumentKind.AchievementReport && d.NomineeId == nominee.Id))
            {
                errors.Add(new ServiceError("Documents", "Proposal.Submit.MissingReport", nominee.Id));
            }
        }

        return errors;
    }

    private async Task<IEnumerable<ServiceError>> BlockingFindingsAsync(int proposalId, CancellationToken cancellationToken)
    {
        var findings = await checks.CheckAsync(proposalId, cancellationToken);
        return findings.Where(f => f.Blocks).Select(f => new ServiceError(string.Empty, f.Code, f.Args));
    }

    private static bool IsUnitOnly(WorkflowActor actor) =>
        actor.IsInRole(Roles.UnitReporter) && !actor.Roles.Any(r => r is Roles.Editor or Roles.Specialist or Roles.OfficeHead or Roles.CouncilSecretary or Roles.Leader);

    private ProposalTransition Apply(Proposal proposal, ProposalTransitionRule rule, WorkflowActor actor, string? reason)
    {
        var now = clock.UtcNow;
        var transition = new ProposalTransition
        {
            Proposal = proposal,
            ProposalId = proposal.Id,
            Action = rule.Action,
            From = proposal.Status,
            To = rule.To,
            Reason = string.IsNullOrEmpty(reason) ? null : reason,
            UserId = actor.UserId,
            UserName = actor.DisplayName,
            At = now,
        };
        proposal.Status = rule.To;
        proposal.UpdatedAt = now;
        if (rule.Action == ProposalAction.Submit)
        {
            proposal.SubmittedAt = now;
        }

        db.ProposalTransitions.Add(transition);
        return transition;
    }
}
