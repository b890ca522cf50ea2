using EmulationPortal.Fields;
using EmulationPortal.Files;
using EmulationPortal.Honors;
using EmulationPortal.Organisation;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>Services of the admin area's honors features.</summary>
internal static class AdminHonorsRegistration
{
    public static IServiceCollection AddAdminHonors(this IServiceCollection services)
    {
        services.AddScoped<ImageUploadService>();
        services.AddScoped<CommendationAdminService>();
        services.AddScoped<CatalogueAdminService>();
        services.AddScoped<UnitAdminService>();
        services.AddScoped<StaffAdminService>();
        services.AddScoped<OrganisationAdminService>();
        return services;
    }
}
