using EmulationPortal.Accounts;
using EmulationPortal.Audit;
using EmulationPortal.Feedbacks;
using EmulationPortal.Home;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>Services of the admin area's accounts features.</summary>
internal static class AdminAccountsRegistration
{
    public static IServiceCollection AddAdminAccounts(this IServiceCollection services)
    {
        services.AddScoped<UserAdminService>();
        services.AddScoped<FeedbackService>();
        services.AddScoped<AuditService>();
        services.AddScoped<AuditQueryService>();
        services.AddScoped<DashboardService>();
        return services;
    }
}
