using System.Security.Claims;
using EmulationPortal.Accounts;
using EmulationPortal.Common;
using EmulationPortal.Decisions;
using EmulationPortal.Files;
using EmulationPortal.Proposals;
using EmulationPortal.Reporting;
using EmulationPortal.Web.Areas.Admin.Models;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

public sealed record DecisionIndexViewModel(PagedList<DecisionListRow> List, DecisionStatus? Status, int CandidateCount, AdminPager Pager);

public sealed record DecisionCandidatesViewModel(IReadOnlyList<DecisionNomineeRow> Candidates, IReadOnlyList<int> Chosen);

public sealed record DecisionEditViewModel(DecisionDetails Decision, DecisionDraftForm Form, IReadOnlyList<DecisionNomineeRow> Candidates);

public sealed record DecisionDetailsViewModel(DecisionDetails Decision, bool CanIssue, DecisionIssueForm Issue, string? CancelReason);

public sealed record DecisionStatisticsViewModel(AwardStatistics Statistics);

/// <summary>What the issue form posts (the signed PDF comes as a separate file field).</summary>
public sealed class DecisionIssueForm
{
    public string? Number { get; set; }

    /// <summary>yyyy-MM-dd from a date input, or dd/MM/yyyy.</summary>
    public string? SignedOn { get; set; }

    public string? SignerName { get; set; }

    public string? SignerTitle { get; set; }

    public int Version { get; set; }
}

/// <summary>
/// Quyết định khen thưởng: the nominees ready for a decision, drafts (the Office may draft), the .docx, issuing and
/// cancelling (leaders only), and the annual statistics of issued decisions.
/// </summary>
public sealed class DecisionsController(
    DecisionService decisions, AwardStatisticsService statistics, PortalClock clock, IAuthorizationService authorization,
    IStringLocalizer<DecisionsResource> text, IStringLocalizer<SharedResource> shared) : AdminControllerBase
{
    private IStringLocalizer<DecisionsResource> T => text;

    [HttpGet]
    [Authorize(Policy = Policies.CanDecide)]
    public async Task<IActionResult> Index(string? status, [FromQuery(Name = "trang")] int? page, CancellationToken cancellationToken)
    {
        DecisionStatus? filter = Enum.TryParse<DecisionStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null;
        var list = await decisions.ListAsync(filter, Paging.ClampPage(page), cancellationToken);
        var candidates = await decisions.CandidatesAsync(cancellationToken);
        var pager = AccountsFormHelpers.Pager(list, "/Admin/Decisions", ("status", filter?.ToString()));
        return View(new DecisionIndexViewModel(list, filter, candidates.Count, pager));
    }

    [HttpGet]
    [Authorize(Policy = Policies.CanDecide)]
    public async Task<IActionResult> Candidates(CancellationToken cancellationToken) =>
        View(new DecisionCandidatesViewModel(await decisions.CandidatesAsync(cancellationToken), []));

    [HttpPost]
    [Authorize(Policy = Policies.CanDecide)]
    public async Task<IActionResult> Create(List<int>? nomineeIds, CancellationToken cancellationToken)
    {
        var result = await decisions.CreateDraftAsync(nomineeIds ?? [], cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result);
            Response.StatusCode = StatusOf(result.Outcome);
            return View(nameof(Candidates), new DecisionCandidatesViewModel(await decisions.CandidatesAsync(cancellationToken), nomineeIds ?? []));
        }

        Notice(T["Decisions.DraftCreated"].Value);
        return RedirectToAction(nameof(Edit), new { id = result.Id });
    }

    [HttpGet]
    [Authorize(Policy = Policies.CanDecide)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var decision = await decisions.GetAsync(id, cancellationToken);
        if (decision is null)
        {
            return NotFound();
        }

        if (decision.Status != DecisionStatus.Draft)
        {
            return RedirectToAction(nameof(Details), new { id });
        }

        return View(new DecisionEditViewModel(decision, FormOf(decision), await decisions.CandidatesAsync(cancellationToken)));
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanDecide)]
    public async Task<IActionResult> Edit(int id, DecisionDraftForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = ModelState.IsValid
            ? await decisions.UpdateDraftAsync(id, form, cancellationToken)
            : DecisionResult.Of(DecisionOutcome.Invalid);
        if (result.Outcome == DecisionOutcome.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            var decision = await decisions.GetAsync(id, cancellationToken);
            if (decision is null)
            {
                return NotFound();
            }

            AddErrors(result);
            Response.StatusCode = StatusOf(result.Outcome);
            return decision.Status == DecisionStatus.Draft
                ? View(new DecisionEditViewModel(decision, form, await decisions.CandidatesAsync(cancellationToken)))
                : View(nameof(Details), DetailsModel(decision, null, null));
        }

        Notice(T["Decisions.Saved"].Value);
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanDecide)]
    public async Task<IActionResult> Delete(int id, int version, CancellationToken cancellationToken)
    {
        var result = await decisions.DeleteDraftAsync(id, version, cancellationToken);
        if (result.Outcome == DecisionOutcome.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            return await DetailsWithErrorsAsync(id, result, null, null, cancellationToken);
        }

        Notice(T["Decisions.Deleted"].Value);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet]
    [Authorize(Policy = Policies.CanDecide)]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var decision = await decisions.GetAsync(id, cancellationToken);
        return decision is null ? NotFound() : View(DetailsModel(decision, null, null));
    }

    /// <summary>The .docx of a draft (blanks for number and date) or of an issued decision.</summary>
    [HttpGet]
    [Authorize(Policy = Policies.CanDecide)]
    public async Task<IActionResult> Docx(int id, CancellationToken cancellationToken)
    {
        var data = await decisions.DocxDataAsync(id, cancellationToken);
        if (data is null)
        {
            return NotFound();
        }

        var name = data.Number is { Length: > 0 } number
            ? "quyet-dinh-" + new string(number.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()) + ".docx"
            : $"du-thao-quyet-dinh-{id}.docx";
        return File(DecisionDocxWriter.Write(data), DecisionDocxWriter.ContentType, name);
    }

    /// <summary>Issues a draft: leaders only (others see the form disabled; their post is refused with 403).</summary>
    [HttpPost]
    [Authorize(Policy = Policies.CanDecide)]
    [RequestSizeLimit(30 * 1024 * 1024)]
    public async Task<IActionResult> Issue(int id, DecisionIssueForm form, IFormFile? signedPdf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!User.IsInRole(Roles.Leader))
        {
            return Forbid();
        }

        var signedOn = TabularInput.ParseDate(form.SignedOn);
        var dateInvalid = !string.IsNullOrWhiteSpace(form.SignedOn) && signedOn is null;
        await using var content = signedPdf?.OpenReadStream();
        var input = new DecisionIssueInput(form.Number, signedOn, form.SignerName, form.SignerTitle, form.Version,
            signedPdf is null || content is null ? null : new IncomingFile(signedPdf.FileName, content));
        var result = dateInvalid
            ? DecisionResult.Of(DecisionOutcome.Invalid, new ServiceError("SignedOn", "Decisions.SignedOnInvalid"))
            : await decisions.IssueAsync(id, input, Actor(), cancellationToken);
        if (result.Outcome == DecisionOutcome.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            return await DetailsWithErrorsAsync(id, result, form, null, cancellationToken);
        }

        Notice(T["Decisions.Issued"].Value);
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>Cancels an issued decision (leaders only, with a reason): its commendations are withdrawn.</summary>
    [HttpPost]
    [Authorize(Policy = Policies.CanDecide)]
    public async Task<IActionResult> Cancel(int id, string? reason, int version, CancellationToken cancellationToken)
    {
        if (!User.IsInRole(Roles.Leader))
        {
            return Forbid();
        }

        var result = await decisions.CancelAsync(id, reason, version, Actor(), cancellationToken);
        if (result.Outcome == DecisionOutcome.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            return await DetailsWithErrorsAsync(id, result, null, reason, cancellationToken);
        }

        Notice(T["Decisions.Cancelled"].Value);
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>The annual tables (0603.N and 0602.N style) of the decisions issued for a year.</summary>
    [HttpGet]
    public async Task<IActionResult> Statistics([FromQuery(Name = "nam")] int? year, CancellationToken cancellationToken)
    {
        if (!await MayReadStatisticsAsync())
        {
            return Forbid();
        }

        var chosen = year is >= ContentRules.MinYear and <= ContentRules.MaxYear ? year.Value : clock.Today.Year;
        return View(new DecisionStatisticsViewModel(await statistics.BuildAsync(chosen, cancellationToken)));
    }

    /// <summary>One table as .xlsx: ?nam=2025&amp;mau=0603 (department/province levels) or 0602 (ministerial/national).</summary>
    [HttpGet]
    public async Task<IActionResult> StatisticsExport([FromQuery(Name = "nam")] int? year, [FromQuery(Name = "mau")] string? form, CancellationToken cancellationToken)
    {
        if (!await MayReadStatisticsAsync())
        {
            return Forbid();
        }

        var chosen = year is >= ContentRules.MinYear and <= ContentRules.MaxYear ? year.Value : clock.Today.Year;
        var which = form == "0602" ? StatisticsForm.MinisterialNational : StatisticsForm.DepartmentProvince;
        var built = await statistics.BuildAsync(chosen, cancellationToken);
        var table = built.Tables.Single(t => t.Form == which);
        using var stream = TableExport.ToXlsx(ExportOf(table, chosen));
        var code = which == StatisticsForm.MinisterialNational ? "0602" : "0603";
        return File(stream.ToArray(), TableExport.XlsxContentType, $"thong-ke-khen-thuong-{code}-{chosen}.xlsx");
    }

    /// <summary>The name of a statistics row as the pages and the export show it.</summary>
    public static string RowLabel(StatisticsRow row, IStringLocalizer T, IStringLocalizer shared)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(T);
        ArgumentNullException.ThrowIfNull(shared);
        return row.Kind switch
        {
            StatisticsRowKind.Unit => row.UnitName ?? string.Empty,
            StatisticsRowKind.Kind => shared[ResourceKeys.For(row.ProposalKind!.Value)].Value,
            StatisticsRowKind.Collectives => T["Decisions.Stats.Collectives"].Value,
            StatisticsRowKind.Individuals => T["Decisions.Stats.Individuals"].Value,
            StatisticsRowKind.Women => T["Decisions.Stats.Women"].Value,
            _ => T["Decisions.Stats.Total"].Value,
        };
    }

    private ExportTable ExportOf(StatisticsTable table, int year)
    {
        var headers = new List<string> { T["Decisions.Stats.RowHeading"].Value };
        foreach (var column in table.Columns)
        {
            headers.Add($"{column.Name} – {T["Decisions.Stats.Collective"].Value}");
            headers.Add($"{column.Name} – {T["Decisions.Stats.Individual"].Value}");
        }

        headers.Add(T["Decisions.Stats.SumCollective"].Value);
        headers.Add(T["Decisions.Stats.SumIndividual"].Value);
        var rows = new List<IReadOnlyList<object?>>();
        void Block(string heading, IEnumerable<StatisticsRow> block)
        {
            rows.Add([heading]);
            foreach (var row in block)
            {
                var cells = new List<object?> { RowLabel(row, text, shared) };
                foreach (var cell in row.Cells)
                {
                    cells.Add(cell.Collective);
                    cells.Add(cell.Individual);
                }

                cells.Add(row.Sum.Collective);
                cells.Add(row.Sum.Individual);
                rows.Add(cells);
            }
        }

        Block(T["Decisions.Stats.ByUnit"].Value, table.ByUnit);
        Block(T["Decisions.Stats.ByCategory"].Value, table.ByCategory);
        Block(T["Decisions.Stats.ByKind"].Value, table.ByKind);
        Block(T["Decisions.Stats.TotalHeading"].Value, [table.Total]);
        var title = table.Form == StatisticsForm.MinisterialNational ? T["Decisions.Stats.Form0602", year].Value : T["Decisions.Stats.Form0603", year].Value;
        return new ExportTable(title, headers, rows);
    }

    private async Task<bool> MayReadStatisticsAsync() =>
        (await authorization.AuthorizeAsync(User, Policies.CanReview)).Succeeded
        || (await authorization.AuthorizeAsync(User, Policies.CanDecide)).Succeeded;

    private async Task<IActionResult> DetailsWithErrorsAsync(int id, DecisionResult result, DecisionIssueForm? issue, string? reason, CancellationToken cancellationToken)
    {
        var decision = await decisions.GetAsync(id, cancellationToken);
        if (decision is null)
        {
            return NotFound();
        }

        AddErrors(result);
        Response.StatusCode = StatusOf(result.Outcome);
        return View(nameof(Details), DetailsModel(decision, issue, reason));
    }

    private DecisionDetailsViewModel DetailsModel(DecisionDetails decision, DecisionIssueForm? issue, string? reason)
    {
        issue ??= new DecisionIssueForm
        {
            Number = decision.Number ?? "/" + decision.DefaultSymbol,
            SignedOn = (decision.SignedOn ?? clock.Today).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            SignerName = decision.SignerName,
            SignerTitle = decision.SignerTitle,
        };
        issue.Version = decision.Version;
        return new DecisionDetailsViewModel(decision, User.IsInRole(Roles.Leader), issue, reason);
    }

    private static DecisionDraftForm FormOf(DecisionDetails d) => new()
    {
        Year = d.Year, Place = d.Place, IssuerParent = d.IssuerParent, Issuer = d.Issuer, DecidedBy = d.DecidedBy, Abstract = d.Abstract,
        LegalBases = d.LegalBases, Articles = d.Articles, SignerTitle = d.SignerTitle, SignerName = d.SignerName, Recipients = d.Recipients,
        NomineeIds = d.Nominees.Select(n => n.NomineeId).ToList(), Version = d.Version,
    };

    private WorkflowActor Actor() =>
        new(
            User.FindFirstValue(ClaimTypes.NameIdentifier),
            User.FindFirstValue(PortalClaims.DisplayName) ?? User.Identity?.Name ?? string.Empty,
            Roles.All.Where(User.IsInRole).ToList(),
            null);

    private static int StatusOf(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Forbidden => StatusCodes.Status403Forbidden,
        DecisionOutcome.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    private void AddErrors(DecisionResult result)
    {
        foreach (var error in result.Errors)
        {
            var message = T[error.Code, error.Args];
            ModelState.AddModelError(error.Field, message.ResourceNotFound ? AdminText[error.Code, error.Args].Value : message.Value);
        }

        if (result.Errors.Count == 0)
        {
            ModelState.AddModelError(string.Empty, T["Decisions.InvalidForm"].Value);
        }
    }
}
