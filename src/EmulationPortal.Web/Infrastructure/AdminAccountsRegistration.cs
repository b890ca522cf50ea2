namespace EmulationPortal.Web.Infrastructure;

/// <summary>Services of the admin area's accounts features.</summary>
internal static class AdminAccountsRegistration
{
    public static IServiceCollection AddAdminAccounts(this IServiceCollection services)
    {
        return services;
    }
}
