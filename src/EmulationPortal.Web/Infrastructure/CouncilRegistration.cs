using EmulationPortal.Council;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>Services of council sessions and ballots.</summary>
internal static class CouncilRegistration
{
    public static IServiceCollection AddCouncil(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddScoped<CouncilService>();
        return services;
    }
}
