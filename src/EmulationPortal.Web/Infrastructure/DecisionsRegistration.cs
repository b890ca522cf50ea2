using EmulationPortal.Decisions;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>Services of decisions: drafting, the .docx, issuing, cancelling, and the annual statistics.</summary>
internal static class DecisionsRegistration
{
    public static IServiceCollection AddDecisions(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddScoped<DecisionService>();
        services.AddScoped<AwardStatisticsService>();
        return services;
    }
}
