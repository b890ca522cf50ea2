using EmulationPortal.Proposals;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>Services of certificates and their verification.</summary>
internal static class CertificatesRegistration
{
    public static IServiceCollection AddCertificates(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
