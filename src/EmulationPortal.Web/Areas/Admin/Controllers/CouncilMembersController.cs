using EmulationPortal.Accounts;
using EmulationPortal.Common;
using EmulationPortal.Council;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>
/// Thành viên Hội đồng Thi đua – Khen thưởng: staff members with a role (chair, vice-chair, secretary, member). Those who
/// handle proposals read; the council secretary and the Office head change.
/// </summary>
[Authorize(Policy = Policies.CanHandleProposals)]
public sealed class CouncilMembersController(CouncilService council, IStringLocalizer<CouncilResource> text) : AdminControllerBase
{
    private IStringLocalizer T => text;

    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await ModelAsync(new CouncilMemberForm(), cancellationToken));

    [HttpPost]
    [Authorize(Policy = Policies.CanRunCouncil)]
    public async Task<IActionResult> Add(CouncilMemberForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid || form.StaffMemberId is not { } staffId)
        {
            return await FailAsync(form, StatusCodes.Status400BadRequest, [T["Council.Member.StaffRequired"].Value], cancellationToken);
        }

        var result = await council.AddMemberAsync(new CouncilMemberInput(staffId, form.Role, form.SortOrder), cancellationToken);
        if (!result.Succeeded)
        {
            return await FailAsync(form, StatusCodes.Status400BadRequest, Messages(result), cancellationToken);
        }

        Notice(T["Council.Member.Added"].Value);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanRunCouncil)]
    public async Task<IActionResult> Update(int id, CouncilMemberChangeForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return await FailAsync(new CouncilMemberForm(), StatusCodes.Status400BadRequest, [AdminText["Common.FixErrors"].Value], cancellationToken);
        }

        var result = await council.UpdateMemberAsync(id, new CouncilMemberChange(form.Version, form.Role, form.SortOrder, form.IsActive), cancellationToken);
        switch (result.Outcome)
        {
            case CouncilOutcome.Done:
                Notice(AdminText["Common.Saved"].Value);
                return RedirectToAction(nameof(Index));
            case CouncilOutcome.NotFound:
                return NotFound();
            default:
                var status = result.Outcome == CouncilOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
                return await FailAsync(new CouncilMemberForm(), status, Messages(result), cancellationToken);
        }
    }

    private async Task<IActionResult> FailAsync(CouncilMemberForm form, int status, IReadOnlyList<string> errors, CancellationToken cancellationToken)
    {
        Response.StatusCode = status;
        ViewData["Errors"] = errors;
        return View(nameof(Index), await ModelAsync(form, cancellationToken));
    }

    private async Task<CouncilMembersViewModel> ModelAsync(CouncilMemberForm form, CancellationToken cancellationToken) =>
        new(await council.MembersAsync(cancellationToken), await council.StaffOptionsAsync(cancellationToken), form, CanChange());

    private bool CanChange() => User.IsInRole(Roles.CouncilSecretary) || User.IsInRole(Roles.OfficeHead);

    private List<string> Messages(CouncilResult result) => CouncilText.Messages(result, text, AdminText);
}

/// <summary>Turns a council result's error codes into Vietnamese (CouncilResource, then AdminResource).</summary>
internal static class CouncilText
{
    public static List<string> Messages(CouncilResult result, IStringLocalizer own, IStringLocalizer admin) =>
        result.Errors.Select(e => own[e.Code, e.Args] is { ResourceNotFound: false } found ? found.Value : admin[e.Code, e.Args].Value).ToList();
}

public sealed class CouncilMemberForm
{
    public int? StaffMemberId { get; set; }

    public CouncilRole Role { get; set; } = CouncilRole.Member;

    public int SortOrder { get; set; }
}

public sealed class CouncilMemberChangeForm
{
    public int Version { get; set; }

    public CouncilRole Role { get; set; }

    public int SortOrder { get; set; }

    public bool IsActive { get; set; }
}

public sealed record CouncilMembersViewModel(
    IReadOnlyList<CouncilMemberRow> Members, IReadOnlyList<StaffOption> Staff, CouncilMemberForm Form, bool CanChange);
