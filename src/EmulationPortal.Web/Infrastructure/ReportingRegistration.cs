namespace EmulationPortal.Web.Infrastructure;

/// <summary>Services of the leaders' dashboard and its exports.</summary>
internal static class ReportingRegistration
{
    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        return services;
    }
}
