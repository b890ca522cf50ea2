using EmulationPortal.Campaigns;
using EmulationPortal.Documents;
using EmulationPortal.News;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>Services of the admin area's content features.</summary>
internal static class AdminContentRegistration
{
    public static IServiceCollection AddAdminContent(this IServiceCollection services)
    {
        services.AddScoped<CampaignAdminService>();
        services.AddScoped<ArticleAdminService>();
        services.AddScoped<DocumentAdminService>();
        return services;
    }
}
