using System.Security.Claims;
using EmulationPortal.Accounts;
using EmulationPortal.Council;
using EmulationPortal.Files;
using EmulationPortal.Proposals;
using EmulationPortal.Web.Controllers;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>
/// Phiên họp Hội đồng: sessions with attendance and quorum, the agenda, the results (paper tallies, or the count of
/// online ballots cast — never a member's choice), closing, minutes and a printable result table. Those who handle
/// proposals read; the council secretary and the Office head run the session.
/// </summary>
[Authorize(Policy = Policies.CanHandleProposals)]
public sealed class CouncilSessionsController(
    CouncilService council, IFileStore fileStore, IStringLocalizer<CouncilResource> text, ILogger<CouncilSessionsController> logger) : AdminControllerBase
{
    private IStringLocalizer T => text;

    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new CouncilSessionsViewModel(await council.SessionsAsync(cancellationToken), CanRun()));

    [HttpGet]
    [Authorize(Policy = Policies.CanRunCouncil)]
    public IActionResult Create() => View(new CouncilSessionForm { HeldOn = null, VotingMode = VotingMode.Paper });

    [HttpPost]
    [Authorize(Policy = Policies.CanRunCouncil)]
    public async Task<IActionResult> Create(CouncilSessionForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            ViewData["Errors"] = new List<string> { T["Council.Session.FormInvalid"].Value };
            return View(form);
        }

        var result = await council.CreateSessionAsync(new CouncilSessionInput(form.Title, form.HeldOn, form.Place, form.VotingMode), cancellationToken);
        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            ViewData["Errors"] = Messages(result);
            return View(form);
        }

        Notice(T["Council.Session.Created"].Value);
        return RedirectToAction(nameof(Detail), new { id = result.Id });
    }

    [HttpGet]
    public async Task<IActionResult> Detail(int id, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(id, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpGet]
    public async Task<IActionResult> Print(int id, CancellationToken cancellationToken)
    {
        var session = await council.SessionAsync(id, cancellationToken);
        return session is null ? NotFound() : View(session);
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanRunCouncil)]
    public async Task<IActionResult> Attendance(int id, AttendanceForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return await RefusedAsync(id, CouncilResult.Invalid(new Common.ServiceError(string.Empty, "Council.FormInvalid")), cancellationToken);
        }

        return await DoneOrRefusedAsync(id, await council.SetAttendanceAsync(id, form.Version, form.Present ?? [], cancellationToken), "Council.Attendance.Saved", cancellationToken);
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanRunCouncil)]
    public async Task<IActionResult> AddToAgenda(int id, AgendaForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return await RefusedAsync(id, CouncilResult.Invalid(new Common.ServiceError(string.Empty, "Council.FormInvalid")), cancellationToken);
        }

        return await DoneOrRefusedAsync(id, await council.AddToAgendaAsync(id, form.NomineeIds ?? [], cancellationToken), "Council.Agenda.Added", cancellationToken);
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanRunCouncil)]
    public async Task<IActionResult> RemoveFromAgenda(int id, int itemId, CancellationToken cancellationToken) =>
        await DoneOrRefusedAsync(id, await council.RemoveFromAgendaAsync(id, itemId, cancellationToken), "Council.Agenda.Removed", cancellationToken);

    [HttpPost]
    [Authorize(Policy = Policies.CanRunCouncil)]
    public async Task<IActionResult> Tallies(int id, TallyForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid || form.Agree is null || form.Disagree is null || form.Invalid is null)
        {
            return await RefusedAsync(id, CouncilResult.Invalid(new Common.ServiceError(string.Empty, "Council.Tally.Numbers")), cancellationToken);
        }

        var result = await council.RecordTalliesAsync(id, form.ItemId, form.Version, form.Agree.Value, form.Disagree.Value, form.Invalid.Value, cancellationToken);
        return await DoneOrRefusedAsync(id, result, "Council.Tally.Saved", cancellationToken);
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanRunCouncil)]
    public async Task<IActionResult> Close(int id, VersionForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var actor = new WorkflowActor(
            User.FindFirstValue(ClaimTypes.NameIdentifier),
            User.FindFirstValue(PortalClaims.DisplayName) ?? User.Identity?.Name ?? string.Empty,
            Roles.All.Where(User.IsInRole).ToList(),
            null);
        return await DoneOrRefusedAsync(id, await council.CloseAsync(id, form.Version, actor, cancellationToken), "Council.Close.Done", cancellationToken);
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanRunCouncil)]
    public async Task<IActionResult> Minutes(int id, IFormFile? minutes, CancellationToken cancellationToken)
    {
        await using var stream = minutes?.OpenReadStream();
        var upload = minutes is null || stream is null ? null : new IncomingFile(minutes.FileName, stream);
        return await DoneOrRefusedAsync(id, await council.UploadMinutesAsync(id, upload, cancellationToken), "Council.Minutes.Saved", cancellationToken);
    }

    [HttpGet]
    public async Task<IActionResult> MinutesFile(int id, CancellationToken cancellationToken)
    {
        var file = await council.MinutesAsync(id, cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        var stream = fileStore.OpenRead(file.StorageKey);
        if (stream is null)
        {
            logger.LogWarning("Minutes of council session {SessionId} are missing on disk ({StorageKey})", id, file.StorageKey);
            return NotFound();
        }

        return FileResults.Download(Response, stream, file.ContentType, file.OriginalName);
    }

    private async Task<IActionResult> DoneOrRefusedAsync(int id, CouncilResult result, string notice, CancellationToken cancellationToken)
    {
        if (result.Outcome == CouncilOutcome.Done)
        {
            Notice(T[notice].Value);
            return RedirectToAction(nameof(Detail), new { id });
        }

        return await RefusedAsync(id, result, cancellationToken);
    }

    /// <summary>Shows the session again with the refusal in Vietnamese and the status that says why (400, 404, 409).</summary>
    private async Task<IActionResult> RefusedAsync(int id, CouncilResult result, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(id, cancellationToken);
        if (model is null || result.Outcome == CouncilOutcome.NotFound)
        {
            return NotFound();
        }

        Response.StatusCode = result.Outcome switch
        {
            CouncilOutcome.Conflict => StatusCodes.Status409Conflict,
            CouncilOutcome.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        };
        ViewData["Errors"] = Messages(result);
        return View(nameof(Detail), model);
    }

    private async Task<CouncilSessionViewModel?> ModelAsync(int id, CancellationToken cancellationToken)
    {
        var session = await council.SessionAsync(id, cancellationToken);
        if (session is null)
        {
            return null;
        }

        var candidates = CanRun() && session.IsOpen ? await council.CandidatesAsync(cancellationToken) : [];
        return new CouncilSessionViewModel(session, candidates, CanRun());
    }

    private bool CanRun() => User.IsInRole(Roles.CouncilSecretary) || User.IsInRole(Roles.OfficeHead);

    private List<string> Messages(CouncilResult result) => CouncilText.Messages(result, T, AdminText);
}

public sealed class CouncilSessionForm
{
    public string? Title { get; set; }

    public DateOnly? HeldOn { get; set; }

    public string? Place { get; set; }

    public VotingMode VotingMode { get; set; }
}

public sealed class VersionForm
{
    public int Version { get; set; }
}

public sealed class AttendanceForm
{
    public int Version { get; set; }

    public List<int>? Present { get; set; }
}

public sealed class AgendaForm
{
    public List<int>? NomineeIds { get; set; }
}

public sealed class TallyForm
{
    public int ItemId { get; set; }

    public int Version { get; set; }

    public int? Agree { get; set; }

    public int? Disagree { get; set; }

    public int? Invalid { get; set; }
}

public sealed record CouncilSessionsViewModel(IReadOnlyList<CouncilSessionRow> Sessions, bool CanRun);

public sealed record CouncilSessionViewModel(CouncilSessionDetail Session, IReadOnlyList<AgendaCandidate> Candidates, bool CanRun);
