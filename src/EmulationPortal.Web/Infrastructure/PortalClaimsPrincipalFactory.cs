using System.Security.Claims;
using EmulationPortal.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>Adds the display name and the must-change-password flag to the sign-in cookie.</summary>
internal sealed class PortalClaimsPrincipalFactory(
    UserManager<PortalUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? string.Empty : user.DisplayName));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(PortalClaims.PasswordChangeRequired, "true"));
        }

        return identity;
    }
}
