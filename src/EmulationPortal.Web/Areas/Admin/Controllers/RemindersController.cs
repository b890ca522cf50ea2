using System.Security.Claims;
using EmulationPortal.Accounts;
using EmulationPortal.Common;
using EmulationPortal.Participation;
using EmulationPortal.Web.Areas.Admin.Models;
using EmulationPortal.Web.Models;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>Theo dõi, đôn đốc: rounds due soon or overdue, reminders in one click (Editor, Administrator), history (Leader reads).</summary>
public sealed class RemindersController(ReminderService reminders, PortalClock clock, IStringLocalizer<RemindersResource> t) : AdminControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Index([FromQuery(Name = "trang")] string? page, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var rounds = await reminders.DueRoundsAsync(today, reminders.DaysBefore, cancellationToken);
        var history = await reminders.HistoryAsync(new QueryValues().Page(page), cancellationToken: cancellationToken);
        var pager = AccountsFormHelpers.Pager(history, "/Admin/Reminders");
        var canSend = User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Editor);
        return View(new RemindersIndexViewModel(rounds, today, reminders.DaysBefore, history, pager, canSend));
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> Send(SendReminderInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var result = await reminders.SendManualAsync(input.RoundId, input.UnitId, User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        Notice(result.Reminders == 0 ? t["Reminders.NothingToSend"] : t["Reminders.Sent", result.Reminders, result.Mails]);
        return RedirectToAction(nameof(Index));
    }
}
