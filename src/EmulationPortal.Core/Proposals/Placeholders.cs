namespace EmulationPortal.Proposals;

/// <summary>Stand-in until the notices and mail of proposal moves are built: tells nobody.</summary>
public sealed class PendingProposalNotifier : IProposalNotifier
{
    public Task NotifyAsync(IReadOnlyList<ProposalTransition> transitions, CancellationToken cancellationToken = default) => Task.CompletedTask;
}

/// <summary>Stand-in until the rule checks are built: finds nothing.</summary>
public sealed class PendingProposalChecks : IProposalChecks
{
    public Task<IReadOnlyList<RuleFinding>> CheckAsync(int proposalId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<RuleFinding>>([]);
}
