using System.Security.Cryptography;
using EmulationPortal.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>
/// Refuses sign-in to disabled accounts (their server-side sessions are ended when they are disabled). An unknown user
/// name, a locked or a disabled account costs one password-hash verification against a dummy hash, like a wrong
/// password does, so the time of the answer does not tell which accounts exist (ASVS 6.3.8).
/// </summary>
internal sealed class PortalSignInManager(
    UserManager<PortalUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static string? _dummyHash;

    public override async Task<bool> CanSignInAsync(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !user.IsDisabled && await base.CanSignInAsync(user);
    }

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            VerifyDummy(password);
            return SignInResult.Failed;
        }

        var lockedBefore = await UserManager.IsLockedOutAsync(user);
        var result = await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);

        // Identity answers a locked or disabled account before it looks at the password: spend the same time.
        if (result.IsNotAllowed || (result.IsLockedOut && lockedBefore))
        {
            VerifyDummy(password);
        }

        return result;
    }

    private void VerifyDummy(string password)
    {
        var hasher = UserManager.PasswordHasher;
        var dummyUser = new PortalUser();
        _dummyHash ??= hasher.HashPassword(dummyUser, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        _ = hasher.VerifyHashedPassword(dummyUser, _dummyHash, password ?? string.Empty);
    }
}
