using System.Security.Claims;
using EmulationPortal.Accounts;
using EmulationPortal.Participation;
using Microsoft.AspNetCore.Mvc;

namespace EmulationPortal.Web.ViewComponents;

/// <summary>
/// On the home page of a signed-in unit reporter: the Office's reminders of the last 30 days for reports the unit
/// still owes. Renders nothing for anyone else.
/// </summary>
public sealed class ReminderNoticeViewComponent(ReminderService reminders) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!User.IsInRole(Roles.UnitReporter) || UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return Content(string.Empty);
        }

        var notices = await reminders.NoticesForUserAsync(userId, HttpContext.RequestAborted);
        return notices.Count == 0 ? Content(string.Empty) : View(notices);
    }
}
