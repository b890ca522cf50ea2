namespace EmulationPortal.Proposals;

/// <summary>Tells nobody: for tests where the notices and mail of proposal moves are not the point.</summary>
public sealed class PendingProposalNotifier : IProposalNotifier
{
    public Task NotifyAsync(IReadOnlyList<ProposalTransition> transitions, CancellationToken cancellationToken = default) => Task.CompletedTask;
}

/// <summary>Finds nothing: for tests where the rule checks are not the point.</summary>
public sealed class PendingProposalChecks : IProposalChecks
{
    public Task<IReadOnlyList<RuleFinding>> CheckAsync(int proposalId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<RuleFinding>>([]);
}
