using EmulationPortal.Accounts;
using EmulationPortal.Certificates;
using EmulationPortal.Common;
using EmulationPortal.Honors;
using EmulationPortal.Web.Areas.Admin.Models;
using EmulationPortal.Web.Infrastructure;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>
/// Where certificates print, in millimetres: the default layout and each award type's own (to fit the pre-printed
/// blanks offices buy), with a sample PDF to try it on paper.
/// </summary>
[Authorize(Policy = Policies.CanConfigureAwards)]
public sealed class CertificateLayoutsController(CertificateService certificates, CertificateDocuments documents, PortalClock clock, IStringLocalizer<CertificatesResource> t)
    : AdminControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await certificates.LayoutRowsAsync(cancellationToken));

    [HttpGet]
    public async Task<IActionResult> Edit(int? awardTypeId, CancellationToken cancellationToken)
    {
        var (found, name) = await AwardTypeAsync(awardTypeId, cancellationToken);
        if (!found)
        {
            return NotFound();
        }

        var stored = await certificates.StoredLayoutAsync(awardTypeId, cancellationToken);
        var shown = stored ?? await certificates.LayoutForAsync(awardTypeId, cancellationToken);
        var form = CertificateLayoutForm.From(shown);
        form.Version = stored?.Version ?? 0;
        return View(new CertificateLayoutEditViewModel(awardTypeId, name, stored is not null, form));
    }

    [HttpPost]
    public async Task<IActionResult> Edit(int? awardTypeId, CertificateLayoutForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (found, name) = await AwardTypeAsync(awardTypeId, cancellationToken);
        if (!found)
        {
            return NotFound();
        }

        var hasOwn = await certificates.StoredLayoutAsync(awardTypeId, cancellationToken) is not null;
        var (input, invalid) = form.ToInput();
        if (input is null)
        {
            foreach (var field in invalid)
            {
                ModelState.AddModelError(field, t["Certificates.Layout.Error.Number"]);
            }

            return Invalid(awardTypeId, name, hasOwn, form);
        }

        var result = await certificates.SaveLayoutAsync(awardTypeId, input, cancellationToken);
        if (result.Conflict is { } conflict)
        {
            ShowConflict(conflict, t);
            form.Version = conflict.CurrentVersion;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(new CertificateLayoutEditViewModel(awardTypeId, name, hasOwn, form));
        }

        if (!result.Succeeded)
        {
            AddErrors(result, t);
            return Invalid(awardTypeId, name, hasOwn, form);
        }

        Notice(t["Certificates.Layout.Saved"]);
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Drops an award type's own layout: the default applies again.</summary>
    [HttpPost]
    public async Task<IActionResult> Reset(int awardTypeId, CancellationToken cancellationToken)
    {
        await certificates.ResetLayoutAsync(awardTypeId, cancellationToken);
        Notice(t["Certificates.Layout.ResetDone"]);
        return RedirectToAction(nameof(Index));
    }

    /// <summary>A sample certificate (with a long name) printed with the saved layout, to hold against a blank.</summary>
    [HttpGet]
    public async Task<IActionResult> Preview(int? awardTypeId, CancellationToken cancellationToken)
    {
        var (found, name) = await AwardTypeAsync(awardTypeId, cancellationToken);
        if (!found)
        {
            return NotFound();
        }

        var layout = await certificates.LayoutForAsync(awardTypeId, cancellationToken);
        var sample = new CertificatePrint(
            0, t["Certificates.Sample.Name"], t["Certificates.Sample.Unit"], RecipientKind.Individual, name ?? t["Certificates.Sample.AwardType"].Value,
            t["Certificates.Sample.Achievement"], t["Certificates.Sample.DecisionNumber"], clock.Today, t["Certificates.Sample.DecidedBy"], 1, clock.Today.Year,
            "mau", awardTypeId ?? 0);
        var pdf = await documents.PdfAsync(Request, [sample], _ => layout, cancellationToken);
        return File(pdf, CertificateDocuments.ContentType, "giay-chung-nhan-mau.pdf");
    }

    private ViewResult Invalid(int? awardTypeId, string? name, bool hasOwn, CertificateLayoutForm form)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Edit), new CertificateLayoutEditViewModel(awardTypeId, name, hasOwn, form));
    }

    private async Task<(bool Found, string? Name)> AwardTypeAsync(int? awardTypeId, CancellationToken cancellationToken)
    {
        if (awardTypeId is not { } id)
        {
            return (true, null);
        }

        var name = await certificates.AwardTypeNameAsync(id, cancellationToken);
        return (name is not null, name);
    }
}
