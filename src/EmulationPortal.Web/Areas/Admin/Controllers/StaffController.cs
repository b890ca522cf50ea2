using EmulationPortal.Accounts;
using EmulationPortal.Common;
using EmulationPortal.Files;
using EmulationPortal.Organisation;
using EmulationPortal.Web.Areas.Admin.Models;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>Cán bộ: staff members, listed by given name; CRUD and .xlsx import with a preview (Administrator).</summary>
public sealed class StaffController(StaffAdminService staff, UploadOptions uploads, IStringLocalizer<AdminHonorsResource> text) : HonorsControllerBase(text)
{
    [HttpGet]
    public async Task<IActionResult> Index(int? unitId, string? q, [FromQuery(Name = "trang")] int? page, CancellationToken cancellationToken)
    {
        var list = await staff.ListAsync(unitId, q, Paging.ClampPage(page), cancellationToken);
        var pager = Pager(list, nameof(Index), ("unitId", unitId), ("q", q));
        return View(new StaffIndexViewModel(list, await staff.UnitOptionsAsync(cancellationToken), unitId, q, IsAdministrator, pager));
    }

    [HttpGet]
    [Authorize(Policy = Policies.CanAdminister)]
    public async Task<IActionResult> Create(int? unitId, CancellationToken cancellationToken) =>
        View("Edit", new StaffEditViewModel(null, new StaffForm { UnitId = unitId }, await staff.UnitOptionsAsync(cancellationToken)));

    [HttpPost]
    [Authorize(Policy = Policies.CanAdminister)]
    public async Task<IActionResult> Create(StaffForm form, CancellationToken cancellationToken) => await SaveAsync(null, form, cancellationToken);

    [HttpGet]
    [Authorize(Policy = Policies.CanAdminister)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var form = await staff.GetAsync(id, cancellationToken);
        return form is null ? NotFound() : View(new StaffEditViewModel(id, form, await staff.UnitOptionsAsync(cancellationToken)));
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanAdminister)]
    public async Task<IActionResult> Edit(int id, StaffForm form, CancellationToken cancellationToken)
    {
        if (await staff.GetAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        return await SaveAsync(id, form, cancellationToken);
    }

    [HttpGet]
    [Authorize(Policy = Policies.CanAdminister)]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var form = await staff.GetAsync(id, cancellationToken);
        return form is null ? NotFound() : View("_HonorsDelete", new DeleteViewModel(id, T["Staff.DeleteTitle"].Value, form.FullName!, nameof(Delete)));
    }

    [HttpPost]
    [ActionName(nameof(Delete))]
    [Authorize(Policy = Policies.CanAdminister)]
    public async Task<IActionResult> DeleteConfirmed(int id, CancellationToken cancellationToken)
    {
        var form = await staff.GetAsync(id, cancellationToken);
        var result = form is null ? null : await staff.DeleteAsync(id, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            var error = result.Errors[0];
            return View("_HonorsDelete", new DeleteViewModel(id, T["Staff.DeleteTitle"].Value, form!.FullName!, nameof(Delete), null, T[error.Code, error.Args].Value));
        }

        Notice(AdminText["Common.Deleted"].Value);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet]
    [Authorize(Policy = Policies.CanAdminister)]
    public IActionResult Import() => View("_HonorsImport", new ImportViewModel("staff", null, null, null, null));

    [HttpPost]
    [Authorize(Policy = Policies.CanAdminister)]
    [RequestSizeLimit(30 * 1024 * 1024)]
    public async Task<IActionResult> Preview(string? text, IFormFile? file, CancellationToken cancellationToken)
    {
        var (read, message) = ReadRows(text, file, StaffAdminService.ImportColumns, uploads.MaxBytes);
        if (message is not null)
        {
            ModelState.AddModelError(file is null ? "text" : "file", message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("_HonorsImport", new ImportViewModel("staff", text, null, null, null));
        }

        var preview = await staff.PreviewAsync(read.Rows, cancellationToken);
        return View("_HonorsImport", new ImportViewModel("staff", text, null, preview, TabularInput.ToText(read.Rows)));
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanAdminister)]
    public async Task<IActionResult> ConfirmImport(string? rows, CancellationToken cancellationToken)
    {
        var read = TabularInput.FromText(rows, StaffAdminService.ImportColumns);
        if (read.Error is not null)
        {
            ModelState.AddModelError("text", T[read.Error, TabularInput.MaxRows].Value);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("_HonorsImport", new ImportViewModel("staff", rows, null, null, null));
        }

        var (preview, result) = await staff.ImportAsync(read.Rows, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result, T);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("_HonorsImport", new ImportViewModel("staff", rows, null, preview, TabularInput.ToText(read.Rows)));
        }

        Notice(T["Import.StaffSaved", result.Id ?? 0, preview.Rows.Count - preview.ValidCount].Value);
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> SaveAsync(int? id, StaffForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", new StaffEditViewModel(id, form, await staff.UnitOptionsAsync(cancellationToken)));
        }

        var result = await staff.SaveAsync(id, form, cancellationToken);
        if (!result.Succeeded)
        {
            ShowFailure(result, form);
            return View("Edit", new StaffEditViewModel(id, form, await staff.UnitOptionsAsync(cancellationToken)));
        }

        Notice(AdminText["Common.Saved"].Value);
        return RedirectToAction(nameof(Index));
    }
}
