using EmulationPortal.Participation;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>Services of registration, report rounds and reports.</summary>
internal static class ParticipationRegistration
{
    public static IServiceCollection AddParticipation(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddScoped<ParticipationAdminService>();
        services.AddScoped<RegistrationService>();
        services.AddScoped<PersonalRegistrationService>();
        services.AddScoped<ReportService>();
        return services;
    }
}
