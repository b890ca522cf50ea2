using EmulationPortal.Accounts;
using EmulationPortal.Common;
using EmulationPortal.Fields;
using EmulationPortal.Web.Areas.Admin.Models;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>Danh mục: fields, document types, award types, emulation blocks. Administrators change them; others read.</summary>
public sealed class CataloguesController(CatalogueAdminService catalogues, IStringLocalizer<AdminHonorsResource> text) : HonorsControllerBase(text)
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        RestoreWarnings();
        return View(new CatalogueIndexViewModel(await catalogues.ListAsync(cancellationToken), IsAdministrator));
    }

    [HttpGet]
    [Authorize(Policy = Policies.CanAdminister)]
    public async Task<IActionResult> Field(int? id, CancellationToken cancellationToken)
    {
        var form = id is { } i ? await catalogues.GetFieldAsync(i, cancellationToken) : new FieldForm();
        return form is null ? NotFound() : View(new CatalogueFormViewModel<FieldForm>(id, form));
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanAdminister)]
    public async Task<IActionResult> Field(int? id, FieldForm form, CancellationToken cancellationToken) =>
        await SaveAsync(id, form, catalogues.GetFieldAsync, catalogues.SaveFieldAsync, cancellationToken);

    [HttpGet]
    [Authorize(Policy = Policies.CanAdminister)]
    public async Task<IActionResult> DocumentType(int? id, CancellationToken cancellationToken)
    {
        var form = id is { } i ? await catalogues.GetDocumentTypeAsync(i, cancellationToken) : new DocumentTypeForm();
        return form is null ? NotFound() : View(new CatalogueFormViewModel<DocumentTypeForm>(id, form));
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanAdminister)]
    public async Task<IActionResult> DocumentType(int? id, DocumentTypeForm form, CancellationToken cancellationToken) =>
        await SaveAsync(id, form, catalogues.GetDocumentTypeAsync, catalogues.SaveDocumentTypeAsync, cancellationToken);

    [HttpGet]
    [Authorize(Policy = Policies.CanAdminister)]
    public async Task<IActionResult> AwardType(int? id, CancellationToken cancellationToken)
    {
        var form = id is { } i ? await catalogues.GetAwardTypeAsync(i, cancellationToken) : new AwardTypeForm();
        return form is null ? NotFound() : View(new CatalogueFormViewModel<AwardTypeForm>(id, form));
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanAdminister)]
    public async Task<IActionResult> AwardType(int? id, AwardTypeForm form, CancellationToken cancellationToken) =>
        await SaveAsync(id, form, catalogues.GetAwardTypeAsync, catalogues.SaveAwardTypeAsync, cancellationToken);

    [HttpGet]
    [Authorize(Policy = Policies.CanAdminister)]
    public async Task<IActionResult> Block(int? id, CancellationToken cancellationToken)
    {
        var form = id is { } i ? await catalogues.GetBlockAsync(i, cancellationToken) : new EmulationBlockForm();
        return form is null ? NotFound() : View(new CatalogueFormViewModel<EmulationBlockForm>(id, form));
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanAdminister)]
    public async Task<IActionResult> Block(int? id, EmulationBlockForm form, CancellationToken cancellationToken) =>
        await SaveAsync(id, form, catalogues.GetBlockAsync, catalogues.SaveBlockAsync, cancellationToken);

    [HttpGet]
    [Authorize(Policy = Policies.CanAdminister)]
    public async Task<IActionResult> Delete(string catalogue, int id, CancellationToken cancellationToken)
    {
        var name = await NameAsync(catalogue, id, cancellationToken);
        return name is null ? NotFound() : View("_HonorsDelete", new DeleteViewModel(id, T["Catalogues.DeleteTitle"].Value, name, nameof(Delete), catalogue));
    }

    [HttpPost]
    [ActionName(nameof(Delete))]
    [Authorize(Policy = Policies.CanAdminister)]
    public async Task<IActionResult> DeleteConfirmed(string catalogue, int id, CancellationToken cancellationToken)
    {
        var name = await NameAsync(catalogue, id, cancellationToken);
        var result = name is null ? null : await catalogues.DeleteAsync(catalogue, id, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            var error = result.Errors[0];
            return View("_HonorsDelete", new DeleteViewModel(id, T["Catalogues.DeleteTitle"].Value, name!, nameof(Delete), catalogue, T[error.Code, error.Args].Value));
        }

        Notice(AdminText["Common.Deleted"].Value);
        return RedirectToAction(nameof(Index));
    }

    private async Task<string?> NameAsync(string catalogue, int id, CancellationToken cancellationToken) => catalogue switch
    {
        CatalogueNames.Field => (await catalogues.GetFieldAsync(id, cancellationToken))?.Name,
        CatalogueNames.DocumentType => (await catalogues.GetDocumentTypeAsync(id, cancellationToken))?.Name,
        CatalogueNames.AwardType => (await catalogues.GetAwardTypeAsync(id, cancellationToken))?.Name,
        CatalogueNames.Block => (await catalogues.GetBlockAsync(id, cancellationToken))?.Name,
        _ => null,
    };

    private async Task<IActionResult> SaveAsync<TForm>(
        int? id, TForm form, Func<int, CancellationToken, Task<TForm?>> load, Func<int?, TForm, CancellationToken, Task<ServiceResult>> save,
        CancellationToken cancellationToken)
        where TForm : class, IVersionedForm
    {
        if (id is { } existing && await load(existing, cancellationToken) is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new CatalogueFormViewModel<TForm>(id, form));
        }

        var result = await save(id, form, cancellationToken);
        if (!result.Succeeded)
        {
            ShowFailure(result);
            if (result.Conflict is { CurrentVersion: >= 0 } conflict)
            {
                form.Version = conflict.CurrentVersion;
            }

            return View(new CatalogueFormViewModel<TForm>(id, form));
        }

        Notice(AdminText["Common.Saved"].Value);
        return RedirectToAction(nameof(Index));
    }
}
