namespace EmulationPortal.Web.Infrastructure;

/// <summary>Services of the admin area's content features.</summary>
internal static class AdminContentRegistration
{
    public static IServiceCollection AddAdminContent(this IServiceCollection services)
    {
        return services;
    }
}
