using EmulationPortal.Reporting;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>Services of the leaders' dashboard and its exports.</summary>
internal static class ReportingRegistration
{
    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        services.AddScoped<ReportingService>();
        return services;
    }
}
