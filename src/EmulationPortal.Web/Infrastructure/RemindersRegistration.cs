using EmulationPortal.Mail;
using EmulationPortal.Participation;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>Services of reminders: the mail pipeline and the daily job.</summary>
internal static class RemindersRegistration
{
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        var mail = configuration.GetSection(MailOptions.SectionName).Get<MailOptions>() ?? new MailOptions();
        services.AddSingleton(mail);
        if (!string.IsNullOrWhiteSpace(mail.Smtp.Host))
        {
            services.AddSingleton<IMailSender, SmtpMailSender>();
        }
        else
        {
            var folder = string.IsNullOrWhiteSpace(mail.PickupFolder)
                ? Path.Combine(dataFolder, "mail-pickup")
                : Path.GetFullPath(Path.Combine(dataFolder, mail.PickupFolder));
            services.AddSingleton<IMailSender>(sp => new PickupFolderMailSender(folder, mail, sp.GetRequiredService<TimeProvider>()));
        }

        services.AddSingleton(configuration.GetSection(ReminderOptions.SectionName).Get<ReminderOptions>() ?? new ReminderOptions());
        services.AddSingleton<IReminderMailComposer, ReminderMailComposer>();
        services.AddScoped<ReminderService>();
        services.AddSingleton<ReminderJob>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderJob>());
        return services;
    }
}
