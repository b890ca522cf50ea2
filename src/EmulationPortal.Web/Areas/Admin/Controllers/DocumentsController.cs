using EmulationPortal.Accounts;
using EmulationPortal.Common;
using EmulationPortal.Documents;
using EmulationPortal.Web.Areas.Admin.Models;
using EmulationPortal.Web.Models;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>Văn bản in the admin area: metadata, attachments (add, replace, remove), delete.</summary>
public sealed class DocumentsController(DocumentAdminService documents, IStringLocalizer<AdminContentResource> text)
    : ContentControllerBase(text)
{
    private const string WarningsKey = "DocumentWarnings";

    [HttpGet]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "loai")] string? type, [FromQuery(Name = "nam")] string? year, [FromQuery(Name = "trang")] string? page,
        CancellationToken cancellationToken)
    {
        var q = new QueryValues();
        var filter = new DocumentAdminFilter(q.Id(type), q.Year(year), q.Page(page));
        var list = await documents.ListAsync(filter, cancellationToken);
        return View(new DocumentAdminIndexViewModel(
            list, filter.TypeId, filter.Year, await documents.TypeOptionsAsync(cancellationToken), await documents.YearOptionsAsync(cancellationToken),
            q.HasInvalid,
            Pager(list, "/Admin/Documents", ("loai", filter.TypeId?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("nam", filter.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
    }

    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        await PageAsync(null, cancellationToken);
        return View("Edit", new DocumentForm());
    }

    [HttpPost]
    [ContentUploadLimit]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> Create(DocumentForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return await InvalidAsync(null, form, cancellationToken);
        }

        var result = await documents.CreateAsync(ToInput(form), cancellationToken);
        if (!result.Succeeded)
        {
            Refuse(result);
            await PageAsync(null, cancellationToken);
            return View("Edit", form);
        }

        return Saved(result, T["Document.Created"]);
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var document = await documents.GetAsync(id, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        // A save that found the same number/issuer/year elsewhere lands here with the warning (post/redirect/get).
        if (TempData[WarningsKey] is string[] { Length: > 0 } warnings)
        {
            ViewData["Warnings"] = warnings.ToList();
        }

        await PageAsync(document, cancellationToken);
        return View(new DocumentForm
        {
            Version = document.Version, DocumentTypeId = document.DocumentTypeId, Number = document.Number, IssuedOn = document.IssuedOn,
            Issuer = document.Issuer, Signer = document.Signer, Abstract = document.Abstract, Recipients = document.Recipients,
            CampaignIds = [.. document.CampaignIds],
        });
    }

    [HttpPost]
    [ContentUploadLimit]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> Edit(int id, DocumentForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var stored = await documents.GetAsync(id, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return await InvalidAsync(stored, form, cancellationToken);
        }

        var result = await documents.UpdateAsync(id, form.Version, ToInput(form), cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (ShowSaveFailure(result, v => form.Version = v))
        {
            await PageAsync(stored, cancellationToken);
            return View(form);
        }

        return Saved(result, AdminText["Common.Saved"]);
    }

    /// <summary>Puts a new file in the place of an attachment.</summary>
    [HttpPost]
    [ContentUploadLimit]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> ReplaceAttachment(int id, int attachmentId, IFormFile? file, CancellationToken cancellationToken)
    {
        var stored = await documents.GetAsync(id, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }

        var result = await documents.ReplaceAttachmentAsync(id, attachmentId, Incoming(file), cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            var messages = result.Errors.Select(e => Localized(e)).ToList();
            ModelState.AddModelError($"Replace{attachmentId}", string.Join(" ", messages));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await PageAsync(stored, cancellationToken);
            return View(nameof(Edit), FormOf(stored));
        }

        Notice(T["Document.AttachmentReplaced"]);
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpGet]
    public async Task<IActionResult> RemoveAttachment(int id, int attachmentId, CancellationToken cancellationToken)
    {
        var attachment = await documents.FindAttachmentAsync(id, attachmentId, cancellationToken);
        return attachment is null
            ? NotFound()
            : View("_ConfirmContent", new ConfirmViewModel(
                T["Document.RemoveAttachmentHeading"], T["Document.RemoveAttachmentQuestion"], attachment.OriginalName,
                Url.Action(nameof(RemoveAttachment), new { id, attachmentId })!, Url.Action(nameof(Edit), new { id })!, T["Document.RemoveAttachment"]));
    }

    [HttpPost]
    [ActionName(nameof(RemoveAttachment))]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> RemoveAttachmentConfirmed(int id, int attachmentId, CancellationToken cancellationToken)
    {
        if (!await documents.RemoveAttachmentAsync(id, attachmentId, cancellationToken))
        {
            return NotFound();
        }

        Notice(T["Document.AttachmentRemoved"]);
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpGet]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var document = await documents.GetAsync(id, cancellationToken);
        return document is null
            ? NotFound()
            : View("_ConfirmContent", new ConfirmViewModel(
                T["Document.DeleteHeading"], T["Document.DeleteQuestion"], document.Number + " – " + document.Abstract,
                Url.Action(nameof(Delete), new { id })!, Url.Action(nameof(Edit), new { id })!, AdminText["Common.Delete"]));
    }

    [HttpPost]
    [ActionName(nameof(Delete))]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> DeleteConfirmed(int id, CancellationToken cancellationToken)
    {
        if (!await documents.DeleteAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Notice(AdminText["Common.Deleted"]);
        return RedirectToAction(nameof(Index));
    }

    private RedirectToActionResult Saved(ServiceResult result, string notice)
    {
        Notice(notice);
        if (result.Warnings.Count > 0)
        {
            TempData[WarningsKey] = result.Warnings.Select(Localized).ToArray();
        }

        return RedirectToAction(nameof(Edit), new { id = result.Id });
    }

    private string Localized(ServiceError error)
    {
        var own = T[error.Code, error.Args];
        return own.ResourceNotFound ? AdminText[error.Code, error.Args] : own;
    }

    private async Task<IActionResult> InvalidAsync(DocumentEditData? stored, DocumentForm form, CancellationToken cancellationToken)
    {
        UseFriendlyBindingErrors();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await PageAsync(stored, cancellationToken);
        return View("Edit", form);
    }

    private static DocumentForm FormOf(DocumentEditData d) => new()
    {
        Version = d.Version, DocumentTypeId = d.DocumentTypeId, Number = d.Number, IssuedOn = d.IssuedOn, Issuer = d.Issuer, Signer = d.Signer,
        Abstract = d.Abstract, Recipients = d.Recipients, CampaignIds = [.. d.CampaignIds],
    };

    private async Task PageAsync(DocumentEditData? stored, CancellationToken cancellationToken) =>
        ViewData["Page"] = new DocumentFormPage(
            stored?.Id, stored?.Attachments ?? [], await documents.TypeOptionsAsync(cancellationToken), await documents.CampaignOptionsAsync(cancellationToken),
            documents.Uploads.MaxFileSizeMegabytes);

    private static DocumentInput ToInput(DocumentForm f) => new(
        f.DocumentTypeId, f.Number, f.IssuedOn, f.Issuer, f.Signer, f.Abstract, f.Recipients, f.CampaignIds,
        f.Files.Select(file => Incoming(file)!).ToList());
}
