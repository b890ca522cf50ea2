using EmulationPortal.Accounts;
using EmulationPortal.Common;
using EmulationPortal.Files;
using EmulationPortal.Honors;
using EmulationPortal.Proposals;
using EmulationPortal.Web.Models;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Controllers;

/// <summary>
/// Đề nghị khen thưởng của đơn vị (/don-vi/de-nghi): a unit reporter composes the unit's proposals (header, tờ trình,
/// nominees, dossier), sees the rule checks' findings, and submits or withdraws. Every action works on the signed-in
/// user's own unit; another unit's proposal id is "not found".
/// </summary>
[Authorize(Policy = Policies.CanReportForUnit)]
[AutoValidateAntiforgeryToken]
[Route("don-vi/de-nghi")]
public sealed class UnitProposalsController(
    ProposalService proposals, ProposalWorkflowService workflow, IProposalChecks checks, UserManager<PortalUser> users, IFileStore fileStore, PortalClock clock,
    IStringLocalizer<ComposingResource> T, IStringLocalizer<WorkflowResource> workflowText, IStringLocalizer<AdminHonorsResource> honorsText,
    IStringLocalizer<AdminResource> adminText, IStringLocalizer<SharedResource> shared, ILogger<UnitProposalsController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        if (await UserAsync() is not { UnitId: { } unitId })
        {
            return View("~/Views/UnitWorkspace/NoUnit.cshtml");
        }

        var unitName = await UnitNameAsync(unitId, cancellationToken);
        return View(new UnitProposalListViewModel(unitName, await proposals.ListAsync(unitId, cancellationToken), await proposals.NoticesAsync(unitId, cancellationToken)));
    }

    [HttpPost("thong-bao/{noticeId:long}/da-doc")]
    public async Task<IActionResult> MarkRead(long noticeId, CancellationToken cancellationToken)
    {
        if (await UserAsync() is not { UnitId: { } unitId })
        {
            return NotFound();
        }

        return await proposals.MarkNoticeReadAsync(unitId, noticeId, cancellationToken) ? RedirectToAction(nameof(Index)) : NotFound();
    }

    [HttpGet("tao-moi")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        if (await UserAsync() is not { UnitId: { } unitId })
        {
            return View("~/Views/UnitWorkspace/NoUnit.cshtml");
        }

        var form = new ProposalForm { Kind = ProposalKind.YearEnd, Year = clock.Today.Year };
        return await CreateViewAsync(unitId, form, cancellationToken);
    }

    [HttpPost("tao-moi")]
    public async Task<IActionResult> Create(ProposalForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await UserAsync() is not { UnitId: { } unitId } user)
        {
            return View("~/Views/UnitWorkspace/NoUnit.cshtml");
        }

        if (ModelState.IsValid)
        {
            var result = await proposals.CreateAsync(unitId, user.Id, form, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Notice"] = T["Proposal.Created"].Value;
                return RedirectToAction(nameof(Show), new { id = result.Id });
            }

            AddErrors(result);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await CreateViewAsync(unitId, form, cancellationToken);
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken) =>
        await UserAsync() is { UnitId: { } unitId } user ? await PageAsync(user, unitId, id, null, null, cancellationToken) : NotFound();

    [HttpPost("{id:int}/thong-tin")]
    public Task<IActionResult> Update(int id, ProposalForm form, CancellationToken cancellationToken) =>
        WriteAsync(id, (unitId, _) => proposals.UpdateAsync(unitId, id, form, cancellationToken), "Proposal.Saved", form, null, cancellationToken);

    [HttpPost("{id:int}/to-trinh-mau")]
    public Task<IActionResult> ComposeCover(int id, int version, CancellationToken cancellationToken) =>
        WriteAsync(id, (unitId, _) => proposals.ComposeCoverAsync(unitId, id, version, cancellationToken), "Proposal.CoverComposed", null, null, cancellationToken);

    [HttpPost("{id:int}/de-cu")]
    public Task<IActionResult> AddNominee(int id, NomineeForm form, CancellationToken cancellationToken) =>
        WriteAsync(id, (unitId, _) => proposals.AddNomineeAsync(unitId, id, form, cancellationToken), "Proposal.NomineeAdded", null, form, cancellationToken);

    [HttpGet("{id:int}/de-cu/{nomineeId:int}")]
    public async Task<IActionResult> EditNominee(int id, int nomineeId, CancellationToken cancellationToken)
    {
        if (await UserAsync() is not { UnitId: { } unitId } || await proposals.GetAsync(unitId, id, cancellationToken) is not { } proposal)
        {
            return NotFound();
        }

        var n = proposal.Nominees.FirstOrDefault(x => x.Id == nomineeId);
        if (n is null)
        {
            return NotFound();
        }

        var form = new NomineeForm { Kind = n.Kind, StaffMemberId = n.StaffMemberId, UnitId = n.UnitId, AwardTypeId = n.AwardTypeId, Achievement = n.Achievement, Version = n.Version };
        return View(new UnitNomineeEditViewModel(proposal, nomineeId, form, await proposals.OptionsAsync(unitId, cancellationToken)));
    }

    [HttpPost("{id:int}/de-cu/{nomineeId:int}")]
    public async Task<IActionResult> EditNominee(int id, int nomineeId, NomineeForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await UserAsync() is not { UnitId: { } unitId } || await proposals.GetAsync(unitId, id, cancellationToken) is not { } proposal)
        {
            return NotFound();
        }

        var result = await proposals.UpdateNomineeAsync(unitId, id, nomineeId, form, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = T["Proposal.NomineeSaved"].Value;
            return RedirectToAction(nameof(Show), new { id });
        }

        if (IsMissing(result))
        {
            return NotFound();
        }

        Refuse(result);
        if (result.Conflict is { CurrentVersion: >= 0 } c)
        {
            form.Version = c.CurrentVersion;
        }

        return View(new UnitNomineeEditViewModel(proposal, nomineeId, form, await proposals.OptionsAsync(unitId, cancellationToken)));
    }

    [HttpPost("{id:int}/de-cu/{nomineeId:int}/xoa")]
    public Task<IActionResult> RemoveNominee(int id, int nomineeId, int version, CancellationToken cancellationToken) =>
        WriteAsync(id, (unitId, _) => proposals.RemoveNomineeAsync(unitId, id, nomineeId, version, cancellationToken), "Proposal.NomineeRemoved", null, null, cancellationToken);

    [HttpGet("{id:int}/nhap")]
    public async Task<IActionResult> Import(int id, CancellationToken cancellationToken)
    {
        if (await UserAsync() is not { UnitId: { } unitId } || await proposals.GetAsync(unitId, id, cancellationToken) is not { } proposal)
        {
            return NotFound();
        }

        return View(new UnitProposalImportViewModel(proposal, null, null, null));
    }

    [HttpPost("{id:int}/nhap/xem-truoc")]
    [RequestSizeLimit(30 * 1024 * 1024)]
    public async Task<IActionResult> Preview(int id, string? text, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await UserAsync() is not { UnitId: { } unitId } || await proposals.GetAsync(unitId, id, cancellationToken) is not { } proposal)
        {
            return NotFound();
        }

        var (read, message) = ReadRows(text, file);
        if (message is not null)
        {
            ModelState.AddModelError(file is null ? "text" : "file", message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Import), new UnitProposalImportViewModel(proposal, text, null, null));
        }

        var preview = await proposals.PreviewImportAsync(unitId, id, read.Rows, cancellationToken);
        return View(nameof(Import), new UnitProposalImportViewModel(proposal, text, preview, TabularInput.ToText(read.Rows)));
    }

    /// <summary>Adds the valid rows; the rows come back as one text value and are checked again.</summary>
    [HttpPost("{id:int}/nhap/xac-nhan")]
    public async Task<IActionResult> ConfirmImport(int id, string? rows, int version, CancellationToken cancellationToken)
    {
        if (await UserAsync() is not { UnitId: { } unitId } || await proposals.GetAsync(unitId, id, cancellationToken) is not { } proposal)
        {
            return NotFound();
        }

        var read = TabularInput.FromText(rows, ProposalService.ImportColumns);
        if (read.Error is not null)
        {
            ModelState.AddModelError("text", Message(read.Error, [TabularInput.MaxRows]));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Import), new UnitProposalImportViewModel(proposal, rows, null, null));
        }

        var (preview, result) = await proposals.ImportAsync(unitId, id, read.Rows, version, cancellationToken);
        if (!result.Succeeded)
        {
            Refuse(result);
            return View(nameof(Import), new UnitProposalImportViewModel(proposal with { Version = result.Conflict?.CurrentVersion ?? proposal.Version }, rows, preview, TabularInput.ToText(read.Rows)));
        }

        TempData["Notice"] = T["Proposal.Imported", result.Id ?? 0, preview!.Rows.Count - preview.ValidCount].Value;
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpPost("{id:int}/tai-lieu")]
    [RequestSizeLimit(30 * 1024 * 1024)]
    public Task<IActionResult> Upload(int id, ProposalDocumentKind kind, int? nomineeId, string? title, IFormFile? file, CancellationToken cancellationToken) =>
        WriteAsync(
            id,
            async (unitId, userId) =>
            {
                if (file is null)
                {
                    return await proposals.AddDocumentAsync(unitId, id, kind, nomineeId, title, null, userId, cancellationToken);
                }

                await using var stream = file.OpenReadStream();
                return await proposals.AddDocumentAsync(unitId, id, kind, nomineeId, title, new IncomingFile(file.FileName, stream), userId, cancellationToken);
            },
            "Proposal.DocumentAdded",
            null,
            null,
            cancellationToken);

    [HttpPost("{id:int}/tai-lieu/{documentId:int}/xoa")]
    public Task<IActionResult> DeleteDocument(int id, int documentId, CancellationToken cancellationToken) =>
        WriteAsync(id, (unitId, _) => proposals.DeleteDocumentAsync(unitId, id, documentId, cancellationToken), "Proposal.DocumentDeleted", null, null, cancellationToken);

    [HttpGet("{id:int}/tai-lieu/{documentId:int}")]
    public async Task<IActionResult> Download(int id, int documentId, CancellationToken cancellationToken)
    {
        if (await UserAsync() is not { UnitId: { } unitId })
        {
            return NotFound();
        }

        var file = await proposals.FindDocumentFileAsync(unitId, id, documentId, cancellationToken);
        var stream = file is null ? null : fileStore.OpenRead(file.StorageKey);
        if (file is null || stream is null)
        {
            if (file is not null)
            {
                logger.LogWarning("Dossier file {DocumentId} of proposal {ProposalId} is missing on disk", documentId, id);
            }

            return NotFound();
        }

        return FileResults.Download(Response, stream, file.ContentType, file.OriginalName);
    }

    /// <summary>Submit or Withdraw through the workflow service: refused moves show its messages (400 or 409) and change nothing.</summary>
    [HttpPost("{id:int}/chuyen")]
    public async Task<IActionResult> Move(int id, ProposalAction action, int version, string? reason, CancellationToken cancellationToken)
    {
        if (await UserAsync() is not { UnitId: { } unitId } user)
        {
            return NotFound();
        }

        if (action is not (ProposalAction.Submit or ProposalAction.Withdraw))
        {
            return BadRequest();
        }

        var roles = await users.GetRolesAsync(user);
        var actor = new WorkflowActor(user.Id, string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? string.Empty : user.DisplayName, roles.ToList(), unitId);
        var result = await workflow.MoveAsync(new MoveRequest(id, action, version, reason), actor, cancellationToken);
        switch (result.Outcome)
        {
            case MoveOutcome.Done:
                TempData["Notice"] = T[action == ProposalAction.Submit ? "Proposal.Submitted" : "Proposal.Withdrawn"].Value;
                return RedirectToAction(nameof(Show), new { id });
            case MoveOutcome.NotFound:
                return NotFound();
            default:
                var names = (await proposals.GetAsync(unitId, id, cancellationToken))?.Nominees.ToDictionary(n => n.Id, n => n.Name) ?? [];
                foreach (var error in result.Errors)
                {
                    // A missing achievement report names its nominee by id: show the name.
                    var args = error.Code == "Proposal.Submit.MissingReport" && error.Args is [int nomineeId] && names.TryGetValue(nomineeId, out var name)
                        ? [name]
                        : error.Args;
                    ModelState.AddModelError(string.Empty, Message(error.Code, args));
                }

                Response.StatusCode = result.Outcome switch
                {
                    MoveOutcome.Conflict => StatusCodes.Status409Conflict,
                    MoveOutcome.Forbidden => StatusCodes.Status403Forbidden,
                    _ => StatusCodes.Status400BadRequest,
                };
                return await PageAsync(user, unitId, id, null, null, cancellationToken);
        }
    }

    private async Task<IActionResult> WriteAsync(
        int id, Func<int, string, Task<ServiceResult>> write, string notice, ProposalForm? header, NomineeForm? nominee, CancellationToken cancellationToken)
    {
        if (await UserAsync() is not { UnitId: { } unitId } user)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var result = await write(unitId, user.Id);
            if (result.Succeeded)
            {
                TempData["Notice"] = T[notice].Value;
                return RedirectToAction(nameof(Show), new { id });
            }

            if (IsMissing(result))
            {
                return NotFound();
            }

            Refuse(result);
        }
        else
        {
            ModelState.AddModelError(string.Empty, T["Proposal.BadInput"].Value);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return await PageAsync(user, unitId, id, header, nominee, cancellationToken);
    }

    private async Task<IActionResult> PageAsync(PortalUser user, int unitId, int id, ProposalForm? header, NomineeForm? nominee, CancellationToken cancellationToken)
    {
        var proposal = await proposals.GetAsync(unitId, id, cancellationToken);
        if (proposal is null)
        {
            return NotFound();
        }

        var findings = await checks.CheckAsync(id, cancellationToken);
        var names = proposal.Nominees.ToDictionary(n => n.Id, n => n.Name);
        var shown = findings.Select(f => new FindingView(
            f.RuleName, f.NomineeId is { } nid && names.TryGetValue(nid, out var name) ? name : null, Message(f.Code, f.Args), f.Blocks)).ToList();
        var live = proposal.Nominees.Where(n => n.Kind == RecipientKind.Individual && n.Outcome is not (NomineeOutcome.Excluded or NomineeOutcome.Failed or NomineeOutcome.Cancelled)).ToList();
        (int, int, decimal)? women = live.Count == 0 ? null : (live.Count(n => n.IsFemale), live.Count, Math.Round(live.Count(n => n.IsFemale) * 100m / live.Count, 1, MidpointRounding.AwayFromZero));

        var loaded = await workflow.LoadAsync(id, cancellationToken);
        var roles = await users.GetRolesAsync(user);
        var actor = new WorkflowActor(user.Id, user.DisplayName, roles.ToList(), unitId);
        var actions = loaded is null
            ? []
            : ProposalWorkflowService.AvailableTo(loaded, actor).Select(t => t.Action).Where(a => a is ProposalAction.Submit or ProposalAction.Withdraw).Distinct().ToList();

        // A refused header keeps what was typed (with the current version when someone else saved first).
        header ??= new ProposalForm { Kind = proposal.Kind, Year = proposal.Year, CampaignId = proposal.CampaignId, Title = proposal.Title, CoverText = proposal.CoverText };
        header.Version = proposal.Version;
        nominee ??= new NomineeForm { Kind = RecipientKind.Individual };
        nominee.Version = proposal.Version;
        var options = await proposals.OptionsAsync(unitId, cancellationToken);
        return View("Show", new UnitProposalViewModel(proposal, options, header, nominee, shown, women, actions, proposals.Uploads.MaxFileSizeMegabytes));
    }

    private async Task<IActionResult> CreateViewAsync(int unitId, ProposalForm form, CancellationToken cancellationToken)
    {
        var options = await proposals.OptionsAsync(unitId, cancellationToken);
        return View("Create", new UnitProposalCreateViewModel(await UnitNameAsync(unitId, cancellationToken), form, options.Campaigns, clock.Today.Year));
    }

    private async Task<string> UnitNameAsync(int unitId, CancellationToken cancellationToken) =>
        await proposals.UnitNameAsync(unitId, cancellationToken) ?? string.Empty;

    private async Task<PortalUser?> UserAsync() => await users.GetUserAsync(User);

    // A nominee or paper id that is not of this proposal (another unit's, say) is "not found" like a foreign proposal id.
    private static bool IsMissing(ServiceResult result) =>
        result.Errors.Any(e => e.Code is "Proposal.NotFound" or "Proposal.NomineeNotFound" or "Proposal.DocumentNotFound");

    private void AddErrors(ServiceResult result)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field, Message(error.Code, error.Args));
        }
    }

    /// <summary>Shows a refused write: 409 when someone saved first, else 400 with each message.</summary>
    private void Refuse(ServiceResult result)
    {
        if (result.Conflict is not null)
        {
            ModelState.AddModelError(string.Empty, T["Proposal.Conflict"].Value);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return;
        }

        AddErrors(result);
        Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    /// <summary>
    /// A code in Vietnamese: the workflow's strings first (its moves and guards), then this part's (rules, composing), the
    /// import's, the uploads' and the shared ones.
    /// </summary>
    private string Message(string code, object[] args)
    {
        if (code == "Upload.TypeNotAllowed" && args.Length == 0)
        {
            args = ["PDF, DOCX"];
        }

        foreach (var text in new IStringLocalizer[] { workflowText, T, honorsText, adminText, shared })
        {
            var value = text[code, args];
            if (!value.ResourceNotFound)
            {
                return value.Value;
            }
        }

        return T["Proposal.BadInput"].Value;
    }

    private (TabularRead Read, string? Message) ReadRows(string? pasted, IFormFile? file)
    {
        if (file is null)
        {
            var read = TabularInput.FromText(pasted, ProposalService.ImportColumns);
            return (read, read.Error is null ? null : Message(read.Error, [TabularInput.MaxRows]));
        }

        using var stream = file.OpenReadStream();
        var (kind, error) = UploadRules.Check(file.FileName, stream, proposals.Uploads.MaxBytes, UploadRules.SpreadsheetKinds);
        if (kind is null)
        {
            var message = error switch
            {
                "Upload.TooLarge" => Message(error, [proposals.Uploads.MaxFileSizeMegabytes]),
                "Upload.TypeNotAllowed" => Message(error, ["XLSX"]),
                "Upload.ArchiveTooLarge" or "Upload.ArchiveTooManyEntries" => Message(error, []),
                _ => T["Proposal.NotSpreadsheet"].Value,
            };
            return (TabularRead.Failed(error ?? "Upload.ContentMismatch"), message);
        }

        var rows = TabularInput.FromXlsx(stream, ProposalService.ImportColumns);
        return (rows, rows.Error is null ? null : Message(rows.Error, [TabularInput.MaxRows]));
    }
}
