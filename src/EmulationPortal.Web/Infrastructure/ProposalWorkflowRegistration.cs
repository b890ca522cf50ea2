using EmulationPortal.Proposals;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>Services of the Office's handling of proposals.</summary>
internal static class ProposalWorkflowRegistration
{
    public static IServiceCollection AddProposalWorkflow(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddScoped<ProposalWorkflowService>();

        // Replaced by the real notifier (workflow part) and rule checks (composing part).
        services.AddScoped<IProposalNotifier, PendingProposalNotifier>();
        return services;
    }
}
