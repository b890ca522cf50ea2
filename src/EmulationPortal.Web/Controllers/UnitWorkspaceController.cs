using System.Globalization;
using EmulationPortal.Accounts;
using EmulationPortal.Common;
using EmulationPortal.Files;
using EmulationPortal.Participation;
using EmulationPortal.Web.Areas.Admin.Controllers;
using EmulationPortal.Web.Models;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Controllers;

/// <summary>
/// Thi đua của đơn vị (/don-vi): a unit reporter registers the unit for campaigns and submits its reports. Every action
/// works on the signed-in user's own unit (PortalUser.UnitId); ids in the address never reach another unit's data.
/// </summary>
[Authorize(Policy = Policies.CanReportForUnit)]
[AutoValidateAntiforgeryToken]
[Route("don-vi")]
public sealed class UnitWorkspaceController(
    RegistrationService registrations, ReportService reports, UserManager<PortalUser> users, IFileStore fileStore,
    IStringLocalizer<ParticipationResource> text, ILogger<UnitWorkspaceController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        if (await UnitAsync(cancellationToken) is not { } unit)
        {
            return View("NoUnit");
        }

        var (unitId, unitName) = unit;

        return View(new UnitWorkspaceViewModel(unitName, await registrations.OpenCampaignsAsync(unitId, cancellationToken)));
    }

    [HttpGet("phong-trao/{campaignId:int}")]
    public async Task<IActionResult> Campaign(int campaignId, CancellationToken cancellationToken)
    {
        if (await UnitAsync(cancellationToken) is not { } unit)
        {
            return View("NoUnit");
        }

        var (unitId, unitName) = unit;

        var campaign = await registrations.CampaignAsync(campaignId, unitId, cancellationToken);
        if (campaign is null)
        {
            return NotFound();
        }

        return campaign.IsExpected ? View(new UnitCampaignViewModel(unitName, campaign)) : Refused("Registration.NotExpected");
    }

    [HttpGet("phong-trao/{campaignId:int}/dang-ky")]
    public async Task<IActionResult> Register(int campaignId, CancellationToken cancellationToken)
    {
        if (await UnitAsync(cancellationToken) is not { } unit)
        {
            return View("NoUnit");
        }

        var (unitId, unitName) = unit;

        var campaign = await registrations.CampaignAsync(campaignId, unitId, cancellationToken);
        if (campaign is null)
        {
            return NotFound();
        }

        if (campaign.RegistrationClosedCode is { } closed)
        {
            return Refused(closed, campaign.RegistrationDeadline);
        }

        var r = campaign.Registration;
        return View(new UnitRegistrationViewModel(unitName, campaign, new UnitRegistrationForm
        {
            Version = r?.Version ?? 0, Commitments = r?.Commitments,
            Targets = r?.Targets.ToDictionary(t => t.Key, t => (string?)Number(t.Value)) ?? [],
        }));
    }

    [HttpPost("phong-trao/{campaignId:int}/dang-ky")]
    public async Task<IActionResult> Register(int campaignId, UnitRegistrationForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await UnitAsync(cancellationToken) is not { } unit)
        {
            return View("NoUnit");
        }

        var (unitId, unitName) = unit;

        var campaign = await registrations.CampaignAsync(campaignId, unitId, cancellationToken);
        if (campaign is null)
        {
            return NotFound();
        }

        if (campaign.RegistrationClosedCode is { } closed)
        {
            return Refused(closed, campaign.RegistrationDeadline);
        }

        if (ModelState.IsValid)
        {
            var result = await registrations.RegisterAsync(
                campaignId, unitId, users.GetUserId(User), form.Version, new Participation.RegistrationInput(form.Commitments, form.Targets), cancellationToken);
            if (result is null)
            {
                return NotFound();
            }

            if (result.Succeeded)
            {
                TempData["Notice"] = text[campaign.Registration is null ? "Workspace.Registered" : "Workspace.RegistrationSaved"].Value;
                return RedirectToAction(nameof(Campaign), new { campaignId });
            }

            Problem(result, v => form.Version = v);
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return View(new UnitRegistrationViewModel(unitName, campaign, form));
    }

    [HttpGet("bao-cao/{roundId:int}")]
    public async Task<IActionResult> Report(int roundId, CancellationToken cancellationToken)
    {
        if (await UnitAsync(cancellationToken) is not { } unit)
        {
            return View("NoUnit");
        }

        var (unitId, unitName) = unit;

        var round = await reports.FormAsync(roundId, unitId, cancellationToken);
        if (round is null)
        {
            return NotFound();
        }

        if (round.RefusalCode is "Report.NotExpected" or "Report.NotRegistered")
        {
            return Refused(round.RefusalCode);
        }

        var report = round.Report;
        return View(ReportModel(unitName, round, new UnitReportForm
        {
            Version = report?.Version ?? 0, Narrative = ParticipationRules.NarrativeText(report?.Narrative),
            Values = report?.Values.ToDictionary(v => v.Key, v => (string?)Number(v.Value)) ?? [],
        }));
    }

    [HttpPost("bao-cao/{roundId:int}")]
    [ContentUploadLimit]
    public async Task<IActionResult> Report(int roundId, UnitReportForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await UnitAsync(cancellationToken) is not { } unit)
        {
            return View("NoUnit");
        }

        var (unitId, unitName) = unit;

        var round = await reports.FormAsync(roundId, unitId, cancellationToken);
        if (round is null)
        {
            return NotFound();
        }

        if (round.RefusalCode is { } refusal)
        {
            return Refused(refusal);
        }

        if (ModelState.IsValid)
        {
            var files = form.Files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName))
                .Select(f => new IncomingFile(f.FileName, f.OpenReadStream())).ToList();
            var result = await reports.SubmitAsync(roundId, unitId, users.GetUserId(User), form.Version, new ReportInput(form.Narrative, form.Values, files), cancellationToken);
            if (result is null)
            {
                return NotFound();
            }

            if (result.Succeeded)
            {
                TempData["Notice"] = text[round.Report is null ? "Workspace.ReportSubmitted" : "Workspace.ReportSaved"].Value;
                return RedirectToAction(nameof(Report), new { roundId });
            }

            Problem(result, v => form.Version = v);
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return View(ReportModel(unitName, round, form));
    }

    /// <summary>A report by its id: only the unit's own; any other id is "not found".</summary>
    [HttpGet("bao-cao/xem/{reportId:int}")]
    public async Task<IActionResult> ViewReport(int reportId, CancellationToken cancellationToken)
    {
        if (await UnitAsync(cancellationToken) is not { } unit)
        {
            return View("NoUnit");
        }

        var (unitId, _) = unit;

        var roundId = await reports.RoundOfOwnReportAsync(reportId, unitId, cancellationToken);
        return roundId is null ? NotFound() : RedirectToAction(nameof(Report), new { roundId });
    }

    [HttpGet("bao-cao/xem/{reportId:int}/tep/{attachmentId:int}")]
    public async Task<IActionResult> Download(int reportId, int attachmentId, CancellationToken cancellationToken)
    {
        if (await UnitAsync(cancellationToken) is not { } unit)
        {
            return View("NoUnit");
        }

        var (unitId, _) = unit;

        var file = await reports.FindAttachmentAsync(reportId, attachmentId, unitId, cancellationToken);
        var stream = file is null ? null : fileStore.OpenRead(file.StorageKey);
        if (file is null || stream is null)
        {
            if (file is not null)
            {
                logger.LogWarning("Attached file {AttachmentId} of report {ReportId} is missing on disk", attachmentId, reportId);
            }

            return NotFound();
        }

        return FileResults.Download(Response, stream, file.ContentType, file.OriginalName);
    }

    private UnitReportViewModel ReportModel(string unitName, ReportFormData round, UnitReportForm form) =>
        new(unitName, round, form, reports.Uploads.MaxFileSizeMegabytes);

    /// <summary>The signed-in reporter's unit, or null when the account is linked to no (existing) unit.</summary>
    private async Task<(int Id, string Name)?> UnitAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user?.UnitId is not { } unitId)
        {
            return null;
        }

        var name = await registrations.UnitNameAsync(unitId, cancellationToken);
        return name is null ? null : (unitId, name);
    }

    private ViewResult Refused(string code, DateOnly? deadline = null)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        ViewData["Message"] = text[code, deadline is { } d ? VietnameseDate.Display(d) : string.Empty].Value;
        return View("Refused");
    }

    private void Problem(ServiceResult result, Action<int> useVersion)
    {
        if (result.Conflict is { } conflict)
        {
            ModelState.Remove("Version");
            if (conflict.CurrentVersion >= 0)
            {
                useVersion(conflict.CurrentVersion);
            }

            ModelState.AddModelError(string.Empty, text["Workspace.Conflict"]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return;
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field, text[error.Code, error.Args]);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
