namespace EmulationPortal.Web.Resources;

/// <summary>Anchor of the reminders' strings (RemindersResource.resx): the Office's page, the notice and the mails.</summary>
public sealed class RemindersResource
{
}
