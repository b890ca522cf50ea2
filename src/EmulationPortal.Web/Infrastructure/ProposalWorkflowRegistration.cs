using EmulationPortal.Proposals;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>Services of the Office's handling of proposals: the workflow, its notices and mail, the Office's pages and the award types' settings.</summary>
internal static class ProposalWorkflowRegistration
{
    public static IServiceCollection AddProposalWorkflow(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddScoped<ProposalWorkflowService>();
        services.AddScoped<ProposalOfficeService>();
        services.AddScoped<AwardWorkflowSettingsService>();

        // Mails link to the unit's page of the proposal when the portal's public address is known.
        var baseUrl = configuration[$"{PublicUrlOptions.SectionName}:BaseUrl"];
        services.AddSingleton(new ProposalNotifierOptions
        {
            BaseUrl = PublicUrlOptions.TryParseBaseUrl(baseUrl, out var parsed) ? parsed : null,
        });
        services.AddSingleton<IProposalMessageComposer, ProposalMessageComposer>();
        services.AddScoped<IProposalNotifier, ProposalNotifier>();
        return services;
    }
}
