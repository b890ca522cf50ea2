using EmulationPortal.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using System.Globalization;
using EmulationPortal.Accounts;
using EmulationPortal.Campaigns;
using EmulationPortal.Common;
using EmulationPortal.Participation;
using EmulationPortal.Web.Infrastructure.Security;
using EmulationPortal.Web.Models;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Controllers;

[OutputCache(PolicyName = OutputCacheRegistration.PublicPage)]
[Route("phong-trao")]
public sealed class CampaignsController(
    CampaignService campaigns, PersonalRegistrationService personal, UserManager<PortalUser> users,
    IStringLocalizer<ParticipationResource> text) : Controller
{
    [HttpGet("")]
    [AllowAnonymous]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "tinh-trang")] string? state,
        [FromQuery(Name = "loai")] string? kind,
        [FromQuery(Name = "linh-vuc")] string? field,
        [FromQuery(Name = "trang")] string? page,
        CancellationToken cancellationToken)
    {
        var q = new QueryValues();
        var filter = new CampaignFilter(q.State(state), q.Kind(kind), q.Text(field), q.Page(page));
        var list = await campaigns.ListAsync(filter, cancellationToken);
        var fields = await campaigns.FieldsAsync(cancellationToken);
        var kept = Keep(("tinh-trang", filter.State is null ? null : state), ("loai", filter.Kind is null ? null : kind), ("linh-vuc", filter.Field));
        return View(new CampaignIndexViewModel(
            list, filter.State is null ? null : state, filter.Kind is null ? null : kind, filter.Field, fields, q.HasInvalid,
            new PagerModel(list.Page, list.TotalPages, list.TotalCount, nameof(Index), "Campaigns", kept)));
    }

    [HttpGet("{slug}")]
    [AllowAnonymous]
    public async Task<IActionResult> Detail(string slug, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.GetBySlugAsync(slug, cancellationToken);
        return campaign is null ? NotFound() : View(campaign);
    }

    /// <summary>
    /// Đăng ký thi đua cá nhân from the campaign page: the signed-in staff member registers, or edits their registration,
    /// then returns to the campaign page (Post/Redirect/Get). Validation errors show the form again on its own page.
    /// </summary>
    [HttpPost("{slug}/dang-ky-ca-nhan")]
    [Authorize(Policy = AccessPolicies.SignedIn)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> RegisterPersonally(string slug, PersonalRegistrationForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await users.GetUserAsync(User);
        var panel = await personal.PanelAsync(slug, user?.StaffMemberId, cancellationToken);
        if (panel is null)
        {
            return NotFound();
        }

        if (form.CampaignId != panel.CampaignId)
        {
            return PersonalRefused(panel, "Registration.WrongCampaign", StatusCodes.Status400BadRequest);
        }

        if (panel.StaffMemberId is not { } staffMemberId)
        {
            return PersonalRefused(panel, "Registration.NoStaffMember", StatusCodes.Status403Forbidden);
        }

        if (panel.ClosedCode is { } closed)
        {
            return PersonalRefused(panel, closed, StatusCodes.Status403Forbidden);
        }

        if (ModelState.IsValid)
        {
            var result = await personal.RegisterAsync(
                slug, staffMemberId, users.GetUserId(User), form.Version, new RegistrationInput(form.Commitments, form.Targets), cancellationToken);
            if (result is null)
            {
                return NotFound();
            }

            if (result.Succeeded)
            {
                TempData["Notice"] = text[panel.Registration is null ? "Personal.Registered" : "Personal.Saved"].Value;
                return RedirectToAction(nameof(Detail), new { slug });
            }

            if (result.Conflict is { } conflict)
            {
                ModelState.Remove(nameof(form.Version));
                form.Version = conflict.CurrentVersion >= 0 ? conflict.CurrentVersion : form.Version;
                ModelState.AddModelError(string.Empty, text["Personal.Conflict"]);
                Response.StatusCode = StatusCodes.Status409Conflict;
            }
            else
            {
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError(error.Field, text[error.Code, error.Args]);
                }

                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return View("PersonalRegistration", new PersonalRegistrationViewModel(panel, true, form, true));
    }

    /// <summary>The typed target as the form shows it again ("12.5").</summary>
    internal static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private ViewResult PersonalRefused(PersonalRegistrationPanel panel, string code, int status)
    {
        Response.StatusCode = status;
        ViewData["Message"] = text[code, panel.RegistrationDeadline is { } d ? VietnameseDate.Display(d) : string.Empty].Value;
        return View("PersonalRefused", panel);
    }

    internal static Dictionary<string, string> Keep(params (string Key, string? Value)[] values) =>
        values.Where(v => !string.IsNullOrEmpty(v.Value)).ToDictionary(v => v.Key, v => v.Value!);
}
