namespace EmulationPortal.Web.Infrastructure;

/// <summary>Services of reminders: the mail pipeline and the daily job.</summary>
internal static class RemindersRegistration
{
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        _ = (configuration, dataFolder);
        return services;
    }
}
