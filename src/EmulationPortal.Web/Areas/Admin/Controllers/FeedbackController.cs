using EmulationPortal.Accounts;
using EmulationPortal.Feedbacks;
using EmulationPortal.Web.Areas.Admin.Models;
using EmulationPortal.Web.Models;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>Triage of reports (phản ánh): Editors and Administrators change the status and note; Leaders read.</summary>
public sealed class FeedbackController(FeedbackService feedback, IStringLocalizer<AdminAccountsResource> t, ILogger<FeedbackController> logger)
    : AdminControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Index([FromQuery(Name = "trang-thai")] string? status, [FromQuery(Name = "trang")] string? page, CancellationToken cancellationToken)
    {
        var q = new QueryValues();
        FeedbackStatus? statusValue = null;
        if (!string.IsNullOrEmpty(status) && Enum.TryParse<FeedbackStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _))
        {
            statusValue = parsed;
        }

        var list = await feedback.ListAsync(statusValue, q.Page(page), cancellationToken);
        var pager = AccountsFormHelpers.Pager(list, "/Admin/Feedback", ("trang-thai", statusValue?.ToString()));
        return View(new FeedbackIndexViewModel(list, statusValue, await feedback.CountsAsync(cancellationToken), pager));
    }

    [HttpGet]
    public async Task<IActionResult> Detail(int id, CancellationToken cancellationToken)
    {
        var item = await feedback.GetAsync(id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        return View(new FeedbackDetailViewModel(item, new FeedbackTriageInput { Status = item.Status, InternalNote = item.InternalNote, Version = item.Version }, CanChange));
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> Detail(int id, FeedbackTriageInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var item = await feedback.GetAsync(id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var result = await feedback.TriageAsync(id, new FeedbackTriage(input.Status, input.InternalNote, input.Version), cancellationToken);
            if (result.Succeeded)
            {
                logger.LogInformation("Feedback {FeedbackId} moved to {Status}", id, input.Status);
                Notice(t["Feedback.Admin.Saved"]);
                return RedirectToAction(nameof(Detail), new { id });
            }

            if (result.Conflict is { } conflict)
            {
                ShowConflict(conflict);
                Response.StatusCode = StatusCodes.Status409Conflict;

                // The form now carries the stored version: saving again overwrites knowingly.
                var fresh = await feedback.GetAsync(id, cancellationToken);
                if (fresh is null)
                {
                    return NotFound();
                }

                input.Version = fresh.Version;
                return View(new FeedbackDetailViewModel(fresh, input, CanChange));
            }

            AddErrors(result, t);
        }
        else
        {
            AccountsFormHelpers.LocalizeBindingErrors(ModelState, t);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(new FeedbackDetailViewModel(item, input, CanChange));
    }

    private bool CanChange => User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Editor);
}
