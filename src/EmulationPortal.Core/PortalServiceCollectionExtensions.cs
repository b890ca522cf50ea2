using EmulationPortal.Campaigns;
using EmulationPortal.Common;
using EmulationPortal.Documents;
using EmulationPortal.Files;
using EmulationPortal.Home;
using EmulationPortal.Honors;
using EmulationPortal.News;
using EmulationPortal.Organisation;
using EmulationPortal.Seeding;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;

namespace EmulationPortal;

public static class PortalServiceCollectionExtensions
{
    /// <summary>Registers the feature services. The caller registers the <c>PortalDbContext</c> with its provider.</summary>
    public static IServiceCollection AddPortalCore(this IServiceCollection services, string filesRoot, string? timeZoneId)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new PortalClock(sp.GetRequiredService<TimeProvider>(), PortalClock.FindZone(timeZoneId)));
        services.AddSingleton<HtmlCleaner>();
        services.TryAddSingleton<IFileStore>(new LocalFileStore(filesRoot));
        services.AddScoped<FileService>();
        services.AddScoped<FileTextBackfill>();
        services.AddScoped<OrganisationService>();
        services.AddScoped<CampaignService>();
        services.AddScoped<NewsService>();
        services.AddScoped<DocumentService>();
        services.AddScoped<HonorService>();
        services.AddScoped<HomeService>();
        services.AddSingleton<PublicDataCache>();
        services.AddSingleton<Reporting.ReportingDataCache>();
        services.AddScoped<IdentitySeeder>();
        services.AddScoped<DemoContentSeeder>();
        services.AddScoped<DemoProposalsSeeder>();
        return services;
    }
}
