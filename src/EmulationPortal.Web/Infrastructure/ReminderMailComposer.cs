using EmulationPortal.Common;
using EmulationPortal.Participation;
using EmulationPortal.Web.Resources;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>Reminder mails in Vietnamese from RemindersResource.resx.</summary>
internal sealed class ReminderMailComposer(IStringLocalizer<RemindersResource> t) : IReminderMailComposer
{
    public (string Subject, string Body) Compose(ReminderMailData data)
    {
        ArgumentNullException.ThrowIfNull(data);

        var due = VietnameseDate.Display(data.DueOn);
        var days = data.DueOn.DayNumber - data.Today.DayNumber;
        var when = days switch
        {
            < 0 => t["Mail.Overdue", -days].Value,
            0 => t["Mail.DueToday"].Value,
            _ => t["Mail.DueIn", days].Value,
        };
        var subject = t["Mail.Subject", data.RoundName, data.CampaignTitle].Value;
        var body = t["Mail.Body", data.UnitName, data.RoundName, data.CampaignTitle, due, when].Value;
        return (subject, body);
    }
}
