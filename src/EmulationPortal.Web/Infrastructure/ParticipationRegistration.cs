namespace EmulationPortal.Web.Infrastructure;

/// <summary>Services of registration, report rounds and reports.</summary>
internal static class ParticipationRegistration
{
    public static IServiceCollection AddParticipation(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
