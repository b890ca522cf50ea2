using EmulationPortal.Accounts;
using EmulationPortal.Certificates;
using EmulationPortal.Web.Areas.Admin.Models;
using EmulationPortal.Web.Infrastructure;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>
/// Giấy chứng nhận: per issued decision, issue the certificates of its commendations (register numbers and codes),
/// download one certificate or the whole decision's batch as PDF. Leaders (and administrators) only.
/// </summary>
[Authorize(Policy = Policies.CanDecide)]
public sealed class CertificatesController(CertificateService certificates, CertificateDocuments documents, IStringLocalizer<CertificatesResource> t) : AdminControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await certificates.DecisionsAsync(cancellationToken));

    [HttpGet]
    public async Task<IActionResult> Decision(int id, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(id, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost]
    public async Task<IActionResult> Issue(int id, CancellationToken cancellationToken)
    {
        var result = await certificates.IssueForDecisionAsync(id, cancellationToken);
        if (result.Succeeded)
        {
            Notice(t["Certificates.Issued", result.Id ?? 0]);
            return RedirectToAction(nameof(Decision), new { id });
        }

        var model = await ModelAsync(id, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        AddErrors(result, t);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View(nameof(Decision), model);
    }

    /// <summary>A certificate for a commendation honored directly in the admin area (or one of a decision), then its PDF.</summary>
    [HttpPost]
    public async Task<IActionResult> IssueForCommendation(int commendationId, CancellationToken cancellationToken)
    {
        var certificateId = await certificates.IssueForCommendationAsync(commendationId, cancellationToken);
        return certificateId is { } id ? RedirectToAction(nameof(Pdf), new { id }) : NotFound();
    }

    [HttpGet]
    public async Task<IActionResult> Pdf(int id, CancellationToken cancellationToken)
    {
        var print = await certificates.PrintAsync(id, cancellationToken);
        if (print is null)
        {
            return NotFound();
        }

        var pdf = await documents.PdfAsync(Request, [print], cancellationToken);
        return File(pdf, CertificateDocuments.ContentType, $"giay-chung-nhan-{print.SequenceNumber}-{print.Year}.pdf");
    }

    [HttpGet]
    public async Task<IActionResult> Batch(int id, CancellationToken cancellationToken)
    {
        var prints = await certificates.PrintsOfDecisionAsync(id, cancellationToken);
        if (prints.Count == 0)
        {
            return NotFound();
        }

        var pdf = await documents.PdfAsync(Request, prints, cancellationToken);
        return File(pdf, CertificateDocuments.ContentType, $"giay-chung-nhan-quyet-dinh-{id}.pdf");
    }

    private async Task<CertificateDecisionViewModel?> ModelAsync(int id, CancellationToken cancellationToken)
    {
        var decision = await certificates.DecisionAsync(id, cancellationToken);
        return decision is null ? null : new CertificateDecisionViewModel(decision, await certificates.CertificatesOfDecisionAsync(id, cancellationToken));
    }
}
