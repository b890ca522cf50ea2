using System.Security.Claims;
using EmulationPortal.Accounts;
using EmulationPortal.Common;
using EmulationPortal.Files;
using EmulationPortal.Proposals;
using EmulationPortal.Web.Areas.Admin.Models;
using EmulationPortal.Web.Models;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>
/// Hồ sơ đề nghị: the Office's inbox of units' proposals, one proposal's page with its dossier, rule findings and
/// history, and the moves the user's roles allow (receive, appraise, return with a reason, send on, publish).
/// </summary>
[Authorize(Policy = Policies.CanHandleProposals)]
[Route("Admin/Proposals")]
public sealed class ProposalsController(
    ProposalOfficeService office,
    ProposalWorkflowService workflow,
    IProposalChecks checks,
    IFileStore files,
    IStringLocalizer<WorkflowResource> t,
    IStringLocalizer<ComposingResource> composing,
    IStringLocalizer<SharedResource> shared,
    ILogger<ProposalsController> logger) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "trang-thai")] string? status,
        [FromQuery(Name = "nam")] string? year,
        [FromQuery(Name = "don-vi")] string? unit,
        [FromQuery(Name = "loai")] string? kind,
        [FromQuery(Name = "trang")] string? page,
        CancellationToken cancellationToken)
    {
        var q = new QueryValues();
        var statusValue = ParseEnum<ProposalStatus>(status, out var badStatus);
        if (statusValue == ProposalStatus.Draft)
        {
            statusValue = null;
            badStatus = true;
        }

        var kindValue = ParseEnum<ProposalKind>(kind, out var badKind);
        var yearValue = q.Year(year);
        var unitValue = q.Id(unit);
        var pageValue = q.Page(page);
        var list = await office.InboxAsync(new ProposalInboxFilter(statusValue, yearValue, unitValue, kindValue, pageValue), cancellationToken);
        var counts = await office.CountsAsync(yearValue, unitValue, kindValue, cancellationToken);
        var (years, units) = await office.FilterChoicesAsync(cancellationToken);
        var pager = AccountsFormHelpers.Pager(
            list,
            "/Admin/Proposals",
            ("trang-thai", statusValue?.ToString()),
            ("nam", AccountsFormHelpers.Invariant(yearValue)),
            ("don-vi", AccountsFormHelpers.Invariant(unitValue)),
            ("loai", kindValue?.ToString()));
        return View(new ProposalsIndexViewModel(
            list, counts, statusValue, yearValue, unitValue, kindValue, years, units, q.HasInvalid || badStatus || badKind, pager));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Detail(int id, CancellationToken cancellationToken)
    {
        var model = await DetailModelAsync(id, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("{id:int}/move")]
    public async Task<IActionResult> Move(int id, MoveInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!ModelState.IsValid)
        {
            AccountsFormHelpers.LocalizeBindingErrors(ModelState, t);
            return await InvalidAsync(id, null, input.Reason, null, cancellationToken);
        }

        var result = await workflow.MoveAsync(new MoveRequest(id, input.Action, input.Version, input.Reason), Actor(), cancellationToken);
        switch (result.Outcome)
        {
            case MoveOutcome.Done:
                logger.LogInformation("Proposal {ProposalId}: {Action} to {Status}", id, input.Action, result.Status);
                Notice(t["Proposals.Moved", shared[ResourceKeys.For(input.Action)].Value, shared[ResourceKeys.For(result.Status!.Value)].Value]);
                return RedirectToAction(nameof(Detail), new { id });
            case MoveOutcome.NotFound:
                return NotFound();
            case MoveOutcome.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            case MoveOutcome.Conflict:
                return ConflictPage(id, result);
            default:
                AddErrors(result.Errors);
                return await InvalidAsync(id, input.Action, input.Reason, null, cancellationToken);
        }
    }

    [HttpPost("{id:int}/nominees/{nomineeId:int}/exclude")]
    public Task<IActionResult> Exclude(int id, int nomineeId, NomineeOutcomeInput input, CancellationToken cancellationToken) =>
        NomineeAsync(id, nomineeId, input, exclude: true, cancellationToken);

    [HttpPost("{id:int}/nominees/{nomineeId:int}/restore")]
    public Task<IActionResult> Restore(int id, int nomineeId, NomineeOutcomeInput input, CancellationToken cancellationToken) =>
        NomineeAsync(id, nomineeId, input, exclude: false, cancellationToken);

    [HttpGet("{id:int}/documents/{documentId:int}")]
    public async Task<IActionResult> Document(int id, int documentId, CancellationToken cancellationToken)
    {
        var file = await office.DocumentAsync(id, documentId, cancellationToken);
        var stream = file is null ? null : files.OpenRead(file.StorageKey);
        if (file is null || stream is null)
        {
            return NotFound();
        }

        return EmulationPortal.Web.Controllers.FileResults.Download(Response, stream, string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType, file.FileName);
    }

    private async Task<IActionResult> NomineeAsync(int id, int nomineeId, NomineeOutcomeInput input, bool exclude, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!ModelState.IsValid)
        {
            AccountsFormHelpers.LocalizeBindingErrors(ModelState, t);
            return await InvalidAsync(id, null, input.Reason, nomineeId, cancellationToken);
        }

        var actor = Actor();
        var result = exclude
            ? await office.ExcludeNomineeAsync(id, nomineeId, input.Version, input.Reason, actor, cancellationToken)
            : await office.RestoreNomineeAsync(id, nomineeId, input.Version, actor, cancellationToken);
        switch (result.Outcome)
        {
            case MoveOutcome.Done:
                logger.LogInformation("Proposal {ProposalId}: nominee {NomineeId} {Change}", id, nomineeId, exclude ? "excluded" : "restored");
                Notice(t[exclude ? "Proposals.Nominee.Excluded" : "Proposals.Nominee.Restored"]);
                return RedirectToAction(nameof(Detail), new { id });
            case MoveOutcome.NotFound:
                return NotFound();
            case MoveOutcome.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            case MoveOutcome.Conflict:
                return ConflictPage(id, result);
            default:
                AddErrors(result.Errors);
                return await InvalidAsync(id, null, input.Reason, nomineeId, cancellationToken);
        }
    }

    private ViewResult ConflictPage(int id, MoveResult result)
    {
        var message = result.Errors.Count > 0 ? Localize(result.Errors[0]) : t["Proposal.Move.Stale"].Value;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("Conflict", new ProposalConflictViewModel(id, message));
    }

    private async Task<IActionResult> InvalidAsync(int id, ProposalAction? action, string? reason, int? nomineeId, CancellationToken cancellationToken)
    {
        var model = await DetailModelAsync(id, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Detail), model with { PostedAction = action, PostedReason = reason, PostedNomineeId = nomineeId });
    }

    private async Task<ProposalDetailViewModel?> DetailModelAsync(int id, CancellationToken cancellationToken)
    {
        var actor = Actor();
        var proposal = await office.GetAsync(id, actor, cancellationToken);
        if (proposal is null)
        {
            return null;
        }

        var names = proposal.Nominees.ToDictionary(n => n.Id, n => n.Name);
        var findings = (await checks.CheckAsync(id, cancellationToken))
            .Where(f => f.Severity != RuleSeverity.Off)
            .Select(f => new ShownFinding(
                f.RuleName,
                Localize(new ServiceError(string.Empty, f.Code, f.Args)),
                f.Blocks,
                f.NomineeId is { } nid ? names.GetValueOrDefault(nid) : null))
            .ToList();
        var canAppraise = actor.IsInRole(Roles.Specialist) && proposal.Status == ProposalStatus.UnderAppraisal;
        return new ProposalDetailViewModel(proposal, findings, canAppraise);
    }

    private void AddErrors(IReadOnlyList<ServiceError> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, Localize(error));
        }
    }

    /// <summary>The workflow's messages, then the rule checks' (composing part), then the admin area's.</summary>
    private string Localize(ServiceError error)
    {
        foreach (var localizer in new IStringLocalizer[] { t, composing })
        {
            var text = localizer[error.Code, error.Args];
            if (!text.ResourceNotFound)
            {
                return text.Value;
            }
        }

        var admin = AdminText[error.Code, error.Args];
        return admin.ResourceNotFound ? t["Proposals.UnknownError"].Value : admin.Value;
    }

    private WorkflowActor Actor()
    {
        var name = User.FindFirstValue(PortalClaims.DisplayName);
        return new WorkflowActor(
            User.FindFirstValue(ClaimTypes.NameIdentifier),
            string.IsNullOrEmpty(name) ? User.Identity?.Name ?? string.Empty : name,
            Roles.All.Where(User.IsInRole).ToList(),
            UnitId: null);
    }

    private static TEnum? ParseEnum<TEnum>(string? value, out bool invalid)
        where TEnum : struct, Enum
    {
        invalid = false;
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!int.TryParse(value, out _) && Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }

        invalid = true;
        return null;
    }
}
