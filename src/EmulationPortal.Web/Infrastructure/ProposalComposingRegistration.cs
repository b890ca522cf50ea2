using EmulationPortal.Proposals;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>Services of units composing proposals and the rule checks.</summary>
internal static class ProposalComposingRegistration
{
    public static IServiceCollection AddProposalComposing(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
