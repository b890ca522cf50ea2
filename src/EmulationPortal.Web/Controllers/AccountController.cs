using EmulationPortal.Accounts;
using EmulationPortal.Audit;
using EmulationPortal.Web.Infrastructure.Security;
using EmulationPortal.Web.Models;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Controllers;

/// <summary>Vietnamese sign-in, sign-out, access-denied and change-password pages.</summary>
public sealed class AccountController(
    SignInManager<PortalUser> signInManager,
    UserManager<PortalUser> userManager,
    IStringLocalizer<SharedResource> l,
    IStringLocalizer<AccountSecurityResource> security,
    AccountSecuritySettings settings,
    ISessionRevoker sessions,
    AuditService audit,
    ILogger<AccountController> logger) : Controller
{
    [HttpGet("/dang-nhap")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginInput { ReturnUrl = returnUrl });

    /// <summary>
    /// Signs in. Rate-limited per client address (429 page). An unknown user, a wrong password, a locked and a
    /// disabled account all get the same page, status and message (no user enumeration, ASVS 6.3.8).
    /// </summary>
    [HttpPost("/dang-nhap")]
    [AllowAnonymous]
    [EnableRateLimiting(AccountSecurity.SignInPolicy)]
    public async Task<IActionResult> Login(LoginInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(input);
        }

        // Always a new session under a new key: the sign-in page does not read the cookie (SessionCookieManager).
        var result = await signInManager.PasswordSignInAsync(input.UserName.Trim(), input.Password, input.RememberMe, lockoutOnFailure: true);

        // Audit: the user name as typed, never the password.
        var account = await userManager.FindByNameAsync(input.UserName.Trim());
        await audit.RecordAsync(
            result.Succeeded ? AuditActions.Login : AuditActions.LoginFailed,
            result.Succeeded ? account?.Id : null,
            input.UserName,
            account?.Id,
            result.Succeeded ? null : new Dictionary<string, string?> { ["Reason"] = result.IsLockedOut ? "LockedOut" : result.IsNotAllowed ? "NotAllowed" : "InvalidCredentials" },
            HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserName} signed in", input.UserName);
            return LocalRedirect(Url.IsLocalUrl(input.ReturnUrl) ? input.ReturnUrl! : "/");
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("User {UserName} is locked out", input.UserName);
        }

        ModelState.AddModelError(string.Empty, security["SignIn.Failed", settings.MaxFailedAttempts, settings.LockoutMinutesShown]);
        return View(input);
    }

    [HttpPost("/dang-xuat")]
    [AllowAnonymous]
    public async Task<IActionResult> Logout()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.RecordAsync(AuditActions.Logout, userManager.GetUserId(User), User.Identity.Name ?? string.Empty, cancellationToken: HttpContext.RequestAborted);
        }

        await signInManager.SignOutAsync();
        return LocalRedirect("/");
    }

    [HttpGet("/khong-co-quyen")]
    [AllowAnonymous]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    [HttpGet("/doi-mat-khau")]
    [Authorize(Policy = AccessPolicies.SignedIn)]
    public IActionResult ChangePassword() => View(new ChangePasswordInput());

    [HttpPost("/doi-mat-khau")]
    [Authorize(Policy = AccessPolicies.SignedIn)]
    public async Task<IActionResult> ChangePassword(ChangePasswordInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(input);
        }

        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await userManager.ChangePasswordAsync(user, input.CurrentPassword, input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(input.CurrentPassword) : nameof(input.NewPassword), error.Description);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(input);
        }

        user.MustChangePassword = false;
        await userManager.UpdateAsync(user);

        // The user's other sessions end (another device may be the reason for the change); this one is re-issued.
        await sessions.RevokeAllAsync(user.Id, SessionTicketStore.CurrentKey(HttpContext), HttpContext.RequestAborted);
        await signInManager.RefreshSignInAsync(user);
        logger.LogInformation("User {UserName} changed the password", user.UserName);
        TempData["Notice"] = l["Account.PasswordChanged"].Value;
        return LocalRedirect("/");
    }
}
