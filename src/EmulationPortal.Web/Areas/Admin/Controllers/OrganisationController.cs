using EmulationPortal.Accounts;
using EmulationPortal.Organisation;
using EmulationPortal.Web.Areas.Admin.Models;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>Thông tin cơ quan: names, contact, block and logo shown in the page frame (Administrator changes).</summary>
public sealed class OrganisationController(OrganisationAdminService organisation, IStringLocalizer<AdminHonorsResource> text) : HonorsControllerBase(text)
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var (form, logoId) = await organisation.GetAsync(cancellationToken);
        return View(new OrganisationEditViewModel(form, logoId, await organisation.BlockOptionsAsync(cancellationToken), IsAdministrator));
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanAdminister)]
    public async Task<IActionResult> Index(OrganisationForm form, IFormFile? logo, CancellationToken cancellationToken)
    {
        var (_, logoId) = await organisation.GetAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new OrganisationEditViewModel(form, logoId, await organisation.BlockOptionsAsync(cancellationToken), true));
        }

        var result = await organisation.SaveAsync(form, Upload(logo), cancellationToken);
        if (!result.Succeeded)
        {
            ShowFailure(result, form);
            return View(new OrganisationEditViewModel(form, logoId, await organisation.BlockOptionsAsync(cancellationToken), true));
        }

        Notice(AdminText["Common.Saved"].Value);
        return RedirectToAction(nameof(Index));
    }
}
