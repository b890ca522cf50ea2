using EmulationPortal.Proposals;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>Services of decisions.</summary>
internal static class DecisionsRegistration
{
    public static IServiceCollection AddDecisions(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
