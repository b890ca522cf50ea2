using EmulationPortal.Accounts;
using EmulationPortal.Organisation;
using EmulationPortal.Web.Areas.Admin.Models;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>Đơn vị: the units as a tree. Administrators change them; editors and leaders read.</summary>
public sealed class UnitsController(UnitAdminService units, IStringLocalizer<AdminHonorsResource> text) : HonorsControllerBase(text)
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new UnitIndexViewModel(await units.TreeAsync(cancellationToken), IsAdministrator));

    [HttpGet]
    [Authorize(Policy = Policies.CanAdminister)]
    public async Task<IActionResult> Create(int? parentId, CancellationToken cancellationToken) =>
        View("Edit", new UnitEditViewModel(null, new UnitForm { ParentId = parentId, Kind = UnitKind.Division }, await units.TreeAsync(cancellationToken)));

    [HttpPost]
    [Authorize(Policy = Policies.CanAdminister)]
    public async Task<IActionResult> Create(UnitForm form, CancellationToken cancellationToken) => await SaveAsync(null, form, cancellationToken);

    [HttpGet]
    [Authorize(Policy = Policies.CanAdminister)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var form = await units.GetAsync(id, cancellationToken);
        return form is null ? NotFound() : View(new UnitEditViewModel(id, form, await units.TreeAsync(cancellationToken)));
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanAdminister)]
    public async Task<IActionResult> Edit(int id, UnitForm form, CancellationToken cancellationToken)
    {
        if (await units.GetAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        return await SaveAsync(id, form, cancellationToken);
    }

    [HttpGet]
    [Authorize(Policy = Policies.CanAdminister)]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var form = await units.GetAsync(id, cancellationToken);
        return form is null ? NotFound() : View("_HonorsDelete", new DeleteViewModel(id, T["Units.DeleteTitle"].Value, form.Name!, nameof(Delete)));
    }

    [HttpPost]
    [ActionName(nameof(Delete))]
    [Authorize(Policy = Policies.CanAdminister)]
    public async Task<IActionResult> DeleteConfirmed(int id, CancellationToken cancellationToken)
    {
        var form = await units.GetAsync(id, cancellationToken);
        var result = form is null ? null : await units.DeleteAsync(id, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            var error = result.Errors[0];
            return View("_HonorsDelete", new DeleteViewModel(id, T["Units.DeleteTitle"].Value, form!.Name!, nameof(Delete), null, T[error.Code, error.Args].Value));
        }

        Notice(AdminText["Common.Deleted"].Value);
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> SaveAsync(int? id, UnitForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", new UnitEditViewModel(id, form, await units.TreeAsync(cancellationToken)));
        }

        var result = await units.SaveAsync(id, form, cancellationToken);
        if (!result.Succeeded)
        {
            ShowFailure(result, form);
            return View("Edit", new UnitEditViewModel(id, form, await units.TreeAsync(cancellationToken)));
        }

        Notice(AdminText["Common.Saved"].Value);
        return RedirectToAction(nameof(Index));
    }
}
