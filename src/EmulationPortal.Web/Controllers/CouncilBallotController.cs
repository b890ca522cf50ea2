using System.Security.Claims;
using EmulationPortal.Council;
using EmulationPortal.Web.Infrastructure.Security;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Controllers;

/// <summary>
/// Bỏ phiếu kín (/hoi-dong/bo-phieu): a council member marked present in an open online session votes on each item
/// once. The page says that the member has voted, never how; anyone who is not a council member gets 403.
/// </summary>
[Authorize(Policy = AccessPolicies.SignedIn)]
[AutoValidateAntiforgeryToken]
[Route("hoi-dong/bo-phieu")]
public sealed class CouncilBallotController(CouncilService council, IStringLocalizer<CouncilResource> text) : Controller
{
    private IStringLocalizer T => text;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var page = await council.BallotAsync(UserId, cancellationToken);
        return page.IsMember ? View(page) : NotMember();
    }

    [HttpPost("{itemId:int}")]
    public async Task<IActionResult> Vote(int itemId, BallotForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        bool? agree = form.Choice switch
        {
            BallotForm.Agree => true,
            BallotForm.Disagree => false,
            _ => null,
        };
        if (agree is null)
        {
            return await ShowAsync(StatusCodes.Status400BadRequest, T["Council.Ballot.ChoiceRequired"].Value, cancellationToken);
        }

        var result = await council.CastBallotAsync(UserId, itemId, agree.Value, cancellationToken);
        switch (result.Outcome)
        {
            case CouncilOutcome.Done:
                // Never echo the choice.
                TempData["Notice"] = T["Council.Ballot.Recorded"].Value;
                return RedirectToAction(nameof(Index));
            case CouncilOutcome.NotFound:
                return NotFound();
            case CouncilOutcome.Forbidden when result.Errors.Any(e => e.Code == "Council.Ballot.NotMember"):
                return NotMember();
            default:
                var status = result.Outcome switch
                {
                    CouncilOutcome.Forbidden => StatusCodes.Status403Forbidden,
                    CouncilOutcome.Conflict => StatusCodes.Status409Conflict,
                    _ => StatusCodes.Status400BadRequest,
                };
                return await ShowAsync(status, string.Join(" ", result.Errors.Select(e => T[e.Code, e.Args].Value)), cancellationToken);
        }
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    private async Task<IActionResult> ShowAsync(int status, string error, CancellationToken cancellationToken)
    {
        var page = await council.BallotAsync(UserId, cancellationToken);
        if (!page.IsMember)
        {
            return NotMember();
        }

        Response.StatusCode = status;
        ViewData["Error"] = error;
        return View(nameof(Index), page);
    }

    private ViewResult NotMember()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("NotMember");
    }
}

public sealed class BallotForm
{
    public const string Agree = "dong-y";
    public const string Disagree = "khong-dong-y";

    /// <summary><see cref="Agree"/> or <see cref="Disagree"/>.</summary>
    public string? Choice { get; set; }
}
