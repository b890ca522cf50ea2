using EmulationPortal.Accounts;
using EmulationPortal.Proposals;
using EmulationPortal.Web.Areas.Admin.Models;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>
/// Cấu hình khen thưởng: per award type the steps of its proposals, the papers required before Submit and the
/// council's threshold; and the agency-wide settings (quorum, consultation days, the decision's place, signer, symbol).
/// </summary>
[Authorize(Policy = Policies.CanConfigureAwards)]
public sealed class AwardWorkflowController(AwardWorkflowSettingsService settings, IStringLocalizer<WorkflowResource> t, ILogger<AwardWorkflowController> logger)
    : AdminControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new AwardWorkflowIndexViewModel(await settings.ListAsync(cancellationToken), await settings.GetSettingsAsync(cancellationToken)));

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var form = await settings.GetAsync(id, cancellationToken);
        return form is null ? NotFound() : View(new AwardWorkflowEditViewModel(id, form.Name, AwardWorkflowInput.From(form)));
    }

    [HttpPost]
    public async Task<IActionResult> Edit(int id, AwardWorkflowInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var current = await settings.GetAsync(id, cancellationToken);
        if (current is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var result = await settings.SaveAsync(id, input.ToForm(current.Name), cancellationToken);
            if (result is null)
            {
                return NotFound();
            }

            if (result.Succeeded)
            {
                logger.LogInformation("Workflow settings of award type {AwardTypeId} saved", id);
                Notice(t["AwardWorkflow.Saved", current.Name]);
                return RedirectToAction(nameof(Index));
            }

            if (result.Conflict is { } conflict)
            {
                ShowConflict(conflict, t);
                Response.StatusCode = StatusCodes.Status409Conflict;
                var fresh = AwardWorkflowInput.From(current);
                return View(new AwardWorkflowEditViewModel(id, current.Name, fresh));
            }

            AddErrors(result, t);
        }
        else
        {
            AccountsFormHelpers.LocalizeBindingErrors(ModelState, t);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(new AwardWorkflowEditViewModel(id, current.Name, input));
    }

    [HttpPost]
    public async Task<IActionResult> Settings(ProposalSettingsForm input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (ModelState.IsValid)
        {
            var result = await settings.SaveSettingsAsync(input, cancellationToken);
            if (result.Succeeded)
            {
                logger.LogInformation("Proposal settings saved");
                Notice(t["AwardWorkflow.SettingsSaved"]);
                return RedirectToAction(nameof(Index));
            }

            if (result.Conflict is { } conflict)
            {
                ShowConflict(conflict, t);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View(nameof(Index), new AwardWorkflowIndexViewModel(await settings.ListAsync(cancellationToken), await settings.GetSettingsAsync(cancellationToken)));
            }

            AddErrors(result, t);
        }
        else
        {
            AccountsFormHelpers.LocalizeBindingErrors(ModelState, t);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), new AwardWorkflowIndexViewModel(await settings.ListAsync(cancellationToken), input));
    }
}
