using EmulationPortal.Accounts;
using EmulationPortal.Participation;
using EmulationPortal.Web.Controllers;
using EmulationPortal.Web.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace EmulationPortal.Web.ViewComponents;

/// <summary>
/// "Đăng ký thi đua cá nhân" on a campaign page: the form (or the person's registration) while the campaign takes personal
/// registrations, a sign-in link for anonymous visitors, a short explanation for accounts without a staff member.
/// Renders nothing when the campaign does not allow personal registration, or when it has closed and the person had not registered.
/// </summary>
public sealed class PersonalRegistrationViewComponent(PersonalRegistrationService personal, UserManager<PortalUser> users) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string slug)
    {
        var signedIn = User.Identity?.IsAuthenticated == true;
        var user = signedIn ? await users.GetUserAsync(UserClaimsPrincipal) : null;
        var panel = await personal.PanelAsync(slug, user?.StaffMemberId, HttpContext.RequestAborted);
        if (panel is null || !panel.AllowsPersonalRegistration || (!panel.IsOpen && panel.Registration is null))
        {
            return Content(string.Empty);
        }

        var r = panel.Registration;
        var form = new PersonalRegistrationForm
        {
            CampaignId = panel.CampaignId, Version = r?.Version ?? 0, Commitments = r?.Commitments,
            Targets = r?.Targets.ToDictionary(t => t.Key, t => (string?)CampaignsController.Number(t.Value)) ?? [],
        };
        return View(new PersonalRegistrationViewModel(panel, signedIn, form, ShowForm: r is null));
    }
}
