namespace EmulationPortal.Web.Infrastructure;

/// <summary>Services of the admin area's honors features.</summary>
internal static class AdminHonorsRegistration
{
    public static IServiceCollection AddAdminHonors(this IServiceCollection services)
    {
        return services;
    }
}
