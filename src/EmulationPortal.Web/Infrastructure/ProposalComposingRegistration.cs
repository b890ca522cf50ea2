using EmulationPortal.Proposals;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>Services of units composing proposals and the rule checks.</summary>
internal static class ProposalComposingRegistration
{
    public static IServiceCollection AddProposalComposing(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddScoped<IProposalChecks, ProposalRuleChecker>();
        services.AddScoped<ICoverTextComposer, CoverTextComposer>();
        services.AddScoped<ProposalService>();
        services.AddScoped<AwardRuleAdminService>();
        services.AddScoped<EmulationPortal.Organisation.DisciplineAdminService>();
        return services;
    }
}
