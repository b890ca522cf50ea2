using EmulationPortal.Accounts;
using EmulationPortal.Common;
using EmulationPortal.Proposals;
using EmulationPortal.Web.Areas.Admin.Models;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>Lấy ý kiến: the Office publishes nominees on /lay-y-kien for the configured working days, or ends it early.</summary>
[Authorize(Policy = Policies.CanHandleProposals)]
public sealed class ConsultationsController(ConsultationService consultations, PortalClock clock, IStringLocalizer<CertificatesResource> t) : AdminControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await ModelAsync(new OpenConsultationForm { StartsOn = clock.Today }, cancellationToken));

    [HttpPost]
    public async Task<IActionResult> Open(OpenConsultationForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (ModelState.IsValid)
        {
            var result = await consultations.OpenAsync(new OpenConsultationInput(form.Title, form.StartsOn, form.NomineeIds), cancellationToken);
            if (result.Succeeded)
            {
                Notice(t["Consultations.Opened"]);
                return RedirectToAction(nameof(Index));
            }

            AddErrors(result, t);
        }
        else
        {
            foreach (var (key, entry) in ModelState.Where(e => e.Value is { ValidationState: Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid }).ToList())
            {
                entry!.Errors.Clear();
                ModelState.AddModelError(key, t["Consultations.Error.InvalidValue"]);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), await ModelAsync(form, cancellationToken));
    }

    [HttpPost]
    public async Task<IActionResult> Close(CloseConsultationForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await consultations.CloseAsync(form.Id, form.Version, cancellationToken);
        if (result.Succeeded)
        {
            Notice(t["Consultations.Closed"]);
            return RedirectToAction(nameof(Index));
        }

        if (result.Conflict is not null)
        {
            ModelState.AddModelError(string.Empty, t["Consultations.Error.Stale"]);
        }

        AddErrors(result, t);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View(nameof(Index), await ModelAsync(new OpenConsultationForm { StartsOn = clock.Today }, cancellationToken));
    }

    private async Task<ConsultationsIndexViewModel> ModelAsync(OpenConsultationForm form, CancellationToken cancellationToken) =>
        new(await consultations.AllAsync(cancellationToken), await consultations.CandidatesAsync(cancellationToken), form, clock.Today,
            await consultations.WorkingDaysAsync(cancellationToken));
}
