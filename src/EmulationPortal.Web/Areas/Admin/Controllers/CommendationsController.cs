using EmulationPortal.Accounts;
using EmulationPortal.Common;
using EmulationPortal.Files;
using EmulationPortal.Honors;
using EmulationPortal.Web.Areas.Admin.Models;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>Khen thưởng: commend a person or a unit, or many from a pasted list or an .xlsx (preview, then confirm).</summary>
public sealed class CommendationsController(
    CommendationAdminService commendations, UploadOptions uploads, PortalClock clock, IStringLocalizer<AdminHonorsResource> text,
    IStringLocalizer<DecisionsResource> decisionsText) : HonorsControllerBase(text)
{
    [HttpGet]
    public async Task<IActionResult> Index(int? year, int? awardTypeId, int? unitId, string? kind, [FromQuery(Name = "trang")] int? page, CancellationToken cancellationToken)
    {
        RecipientKind? recipient = kind switch { "person" => RecipientKind.Individual, "unit" => RecipientKind.Collective, _ => null };
        var list = await commendations.ListAsync(new CommendationAdminFilter(year, awardTypeId, unitId, recipient, Paging.ClampPage(page)), cancellationToken);
        var options = await commendations.OptionsAsync(cancellationToken);
        RestoreWarnings();
        var pager = Pager(list, nameof(Index), ("year", year), ("awardTypeId", awardTypeId), ("unitId", unitId), ("kind", recipient is null ? null : kind));
        return View(new CommendationIndexViewModel(list, options, year, awardTypeId, unitId, recipient is null ? null : kind, CanPublish, pager));
    }

    [HttpGet]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        var form = new CommendationForm { Year = clock.Today.Year, DecidedBy = T["Commendations.DefaultDecidedBy"].Value };
        return View("Edit", new CommendationEditViewModel(null, form, await commendations.OptionsAsync(cancellationToken), null));
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> Create(CommendationForm form, IFormFile? photo, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", new CommendationEditViewModel(null, form, await commendations.OptionsAsync(cancellationToken), null));
        }

        var result = await commendations.CreateAsync(form, Upload(photo), cancellationToken);
        if (!result.Succeeded)
        {
            ShowFailure(result);
            return View("Edit", new CommendationEditViewModel(null, form, await commendations.OptionsAsync(cancellationToken), null));
        }

        Notice(T["Commendations.Saved"].Value);
        KeepWarnings(result);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var details = await commendations.GetAsync(id, cancellationToken);
        if (details is null)
        {
            return NotFound();
        }

        RestoreWarnings();
        return View(new CommendationEditViewModel(id, details.Form, await commendations.OptionsAsync(cancellationToken), details.PhotoId));
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> Edit(int id, CommendationForm form, IFormFile? photo, CancellationToken cancellationToken)
    {
        var details = await commendations.GetAsync(id, cancellationToken);
        if (details is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new CommendationEditViewModel(id, form, await commendations.OptionsAsync(cancellationToken), details.PhotoId));
        }

        var result = await commendations.UpdateAsync(id, form, Upload(photo), cancellationToken);
        if (!result.Succeeded)
        {
            ShowFailure(result, form);

            return View(new CommendationEditViewModel(id, form, await commendations.OptionsAsync(cancellationToken), details.PhotoId));
        }

        Notice(T["Commendations.Saved"].Value);
        KeepWarnings(result);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var details = await commendations.GetAsync(id, cancellationToken);
        var refusal = details is null ? null : await commendations.DeleteRefusalAsync(id, cancellationToken);
        return details is null
            ? NotFound()
            : View("_HonorsDelete", new DeleteViewModel(
                id, T["Commendations.DeleteTitle"].Value, $"{details.AwardName} – {details.RecipientName} ({details.Form.Year})", nameof(Delete),
                Error: refusal is null ? null : decisionsText[refusal.Code, refusal.Args].Value));
    }

    [HttpPost]
    [ActionName(nameof(Delete))]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> DeleteConfirmed(int id, CancellationToken cancellationToken)
    {
        if (await commendations.DeleteRefusalAsync(id, cancellationToken) is { } refusal
            && await commendations.GetAsync(id, cancellationToken) is { } granted)
        {
            // Granted by a decision of the proposal workflow: withdrawn only by cancelling that decision.
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("_HonorsDelete", new DeleteViewModel(
                id, T["Commendations.DeleteTitle"].Value, $"{granted.AwardName} – {granted.RecipientName} ({granted.Form.Year})", nameof(Delete),
                Error: decisionsText[refusal.Code, refusal.Args].Value));
        }

        if (!await commendations.DeleteAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Notice(AdminText["Common.Deleted"].Value);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet]
    [Authorize(Policy = Policies.CanPublish)]
    public IActionResult Import() =>
        View("_HonorsImport", new ImportViewModel("commendations", null, T["Commendations.DefaultDecidedBy"].Value, null, null));

    [HttpPost]
    [Authorize(Policy = Policies.CanPublish)]
    [RequestSizeLimit(30 * 1024 * 1024)]
    public async Task<IActionResult> Preview(string? text, string? decidedBy, IFormFile? file, CancellationToken cancellationToken)
    {
        var (read, message) = ReadRows(text, file, CommendationAdminService.ImportColumns, uploads.MaxBytes);
        if (message is not null)
        {
            ModelState.AddModelError(file is null ? "text" : "file", message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("_HonorsImport", new ImportViewModel("commendations", text, decidedBy, null, null));
        }

        var preview = await commendations.PreviewAsync(read.Rows, cancellationToken);
        return View("_HonorsImport", new ImportViewModel("commendations", text, decidedBy, preview, TabularInput.ToText(read.Rows)));
    }

    /// <summary>Saves the valid rows. The rows come back as one text value and are read and checked again: nothing posted is trusted.</summary>
    [HttpPost]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> ConfirmImport(string? rows, string? decidedBy, CancellationToken cancellationToken)
    {
        var read = TabularInput.FromText(rows, CommendationAdminService.ImportColumns);
        if (read.Error is not null)
        {
            ModelState.AddModelError("text", T[read.Error, TabularInput.MaxRows].Value);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("_HonorsImport", new ImportViewModel("commendations", rows, decidedBy, null, null));
        }

        var (preview, result) = await commendations.ImportAsync(read.Rows, decidedBy, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result, T);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("_HonorsImport", new ImportViewModel("commendations", rows, decidedBy, preview, TabularInput.ToText(read.Rows)));
        }

        Notice(T["Import.Saved", result.Id ?? 0, preview.Rows.Count - preview.ValidCount].Value);
        return RedirectToAction(nameof(Index));
    }
}
