using System.Security.Claims;
using EmulationPortal.Accounts;
using EmulationPortal.Common;
using EmulationPortal.Web.Areas.Admin.Models;
using EmulationPortal.Web.Models;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>Accounts (Administrator only): list, create, edit roles and unit, lock, disable, reset the password.</summary>
[Authorize(Policy = Policies.CanAdminister)]
public sealed class UsersController(
    UserAdminService users,
    SignInManager<PortalUser> signInManager,
    IStringLocalizer<AdminAccountsResource> t,
    ILogger<UsersController> logger) : AdminControllerBase
{
    private const string PasswordKey = "Users.GeneratedPassword";

    private string CurrentUserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    [HttpGet]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "vai-tro")] string? role,
        [FromQuery(Name = "don-vi")] string? unit,
        [FromQuery(Name = "trang-thai")] string? state,
        [FromQuery(Name = "q")] string? search,
        [FromQuery(Name = "trang")] string? page,
        CancellationToken cancellationToken)
    {
        var q = new QueryValues();
        var roleValue = q.Text(role);
        var invalid = false;
        if (roleValue is not null && !Roles.All.Contains(roleValue))
        {
            roleValue = null;
            invalid = true;
        }

        UserState? stateValue = null;
        if (!string.IsNullOrEmpty(state))
        {
            if (Enum.TryParse<UserState>(state, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(state, out _))
            {
                stateValue = parsed;
            }
            else
            {
                invalid = true;
            }
        }

        var filter = new UserFilter(roleValue, q.Id(unit), stateValue, q.Text(search), q.Page(page));
        var list = await users.ListAsync(filter, cancellationToken);
        var pager = AccountsFormHelpers.Pager(
            list, "/Admin/Users", ("vai-tro", filter.Role), ("don-vi", AccountsFormHelpers.Invariant(filter.UnitId)), ("trang-thai", filter.State?.ToString()), ("q", filter.Search));
        return View(new UserIndexViewModel(
            list, filter.Role, filter.UnitId, filter.State, filter.Search, await users.FormOptionsAsync(cancellationToken), q.HasInvalid || invalid, pager));
    }

    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View(new UserCreateViewModel(new UserCreateInput { Roles = [Roles.Staff], PasswordMode = "generate" }, await users.FormOptionsAsync(cancellationToken)));

    [HttpPost]
    public async Task<IActionResult> Create(UserCreateInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var typed = string.Equals(input.PasswordMode, "type", StringComparison.Ordinal);
        if (ModelState.IsValid)
        {
            if (typed && string.IsNullOrEmpty(input.Password))
            {
                ModelState.AddModelError(nameof(input.Password), t["Users.Error.PasswordRequired"]);
            }
            else
            {
                var result = await users.CreateAsync(
                    new NewUser(input.UserName, input.DisplayName, input.Email, input.UnitId, input.StaffMemberId, input.Roles, typed ? input.Password : null),
                    cancellationToken);
                if (result.Succeeded)
                {
                    logger.LogInformation("Created user {UserId}", result.UserId);
                    Notice(t["Users.Created"]);
                    if (result.GeneratedPassword is not null)
                    {
                        TempData[PasswordKey] = result.GeneratedPassword;
                        return RedirectToAction(nameof(Password), new { id = result.UserId });
                    }

                    return RedirectToAction(nameof(Edit), new { id = result.UserId });
                }

                AddErrors(ServiceResult.Fail(result.Errors), t);
            }
        }
        else
        {
            AccountsFormHelpers.LocalizeBindingErrors(ModelState, t);
        }

        input.Password = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(new UserCreateViewModel(input, await users.FormOptionsAsync(cancellationToken)));
    }

    [HttpGet]
    public async Task<IActionResult> Edit(string id, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(id, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }

        var input = new UserEditInput
        {
            DisplayName = user.DisplayName, Email = user.Email, UnitId = user.UnitId, StaffMemberId = user.StaffMemberId, Roles = [.. user.Roles],
            ConcurrencyStamp = user.ConcurrencyStamp,
        };
        return View(new UserEditViewModel(user, input, await users.FormOptionsAsync(cancellationToken), user.Id == CurrentUserId));
    }

    [HttpPost]
    public async Task<IActionResult> Edit(string id, UserEditInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = await users.GetAsync(id, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var result = await users.UpdateAsync(
                id, new UserChanges(input.DisplayName, input.Email, input.UnitId, input.StaffMemberId, input.Roles, input.ConcurrencyStamp), CurrentUserId, cancellationToken);
            if (result.Succeeded)
            {
                logger.LogInformation("Updated user {UserId}", id);
                await RefreshOwnSessionAsync(id);
                Notice(t["Users.Saved"]);
                return RedirectToAction(nameof(Edit), new { id });
            }

            if (result.Conflict)
            {
                ModelState.AddModelError(string.Empty, t["Users.Error.Conflict"]);
                Response.StatusCode = StatusCodes.Status409Conflict;
                var fresh = (await users.GetAsync(id, cancellationToken))!;
                input.ConcurrencyStamp = fresh.ConcurrencyStamp;
                return View(new UserEditViewModel(fresh, input, await users.FormOptionsAsync(cancellationToken), id == CurrentUserId));
            }

            AddErrors(ServiceResult.Fail(result.Errors), t);
        }
        else
        {
            AccountsFormHelpers.LocalizeBindingErrors(ModelState, t);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(new UserEditViewModel(user, input, await users.FormOptionsAsync(cancellationToken), id == CurrentUserId));
    }

    /// <summary>Shows a generated password once (it is kept in TempData for this one read only).</summary>
    [HttpGet]
    public async Task<IActionResult> Password(string id, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(id, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }

        if (TempData[PasswordKey] is not string password)
        {
            return RedirectToAction(nameof(Edit), new { id });
        }

        Response.Headers.CacheControl = "no-store";
        return View(new UserPasswordViewModel(user, password));
    }

    /// <summary>The confirmation page of a lock, disable or password reset.</summary>
    [HttpGet]
    public async Task<IActionResult> Confirm(string id, UserOperation? operation, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(id, cancellationToken);
        if (user is null || operation is not { } op || !Enum.IsDefined(op))
        {
            return NotFound();
        }

        return View(new UserConfirmViewModel(user, op));
    }

    [HttpPost]
    public Task<IActionResult> Lock(string id) => ApplyAsync(id, () => users.SetLockedAsync(id, locked: true, CurrentUserId), "Users.Locked");

    [HttpPost]
    public Task<IActionResult> Unlock(string id) => ApplyAsync(id, () => users.SetLockedAsync(id, locked: false, CurrentUserId), "Users.Unlocked");

    [HttpPost]
    public Task<IActionResult> Disable(string id) => ApplyAsync(id, () => users.SetDisabledAsync(id, disabled: true, CurrentUserId), "Users.Disabled");

    [HttpPost]
    public Task<IActionResult> Enable(string id) => ApplyAsync(id, () => users.SetDisabledAsync(id, disabled: false, CurrentUserId), "Users.Enabled");

    [HttpPost]
    public async Task<IActionResult> ResetPassword(string id)
    {
        var result = await users.ResetPasswordAsync(id);
        if (!result.Succeeded)
        {
            return await FailedAsync(id, result);
        }

        logger.LogInformation("Reset the password of user {UserId}", id);
        await RefreshOwnSessionAsync(id);
        Notice(t["Users.PasswordReset"]);
        TempData[PasswordKey] = result.GeneratedPassword;
        return RedirectToAction(nameof(Password), new { id });
    }

    private async Task<IActionResult> ApplyAsync(string id, Func<Task<UserAdminResult>> change, string notice)
    {
        var result = await change();
        if (!result.Succeeded)
        {
            return await FailedAsync(id, result);
        }

        logger.LogInformation("{Change} user {UserId}", notice, id);
        Notice(t[notice]);
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>Unknown user → 404; refused (e.g. locking oneself) → the edit page with the message and 400.</summary>
    private async Task<IActionResult> FailedAsync(string id, UserAdminResult result)
    {
        var user = await users.GetAsync(id, HttpContext.RequestAborted);
        if (user is null)
        {
            return NotFound();
        }

        AddErrors(ServiceResult.Fail(result.Errors), t);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        var input = new UserEditInput
        {
            DisplayName = user.DisplayName, Email = user.Email, UnitId = user.UnitId, StaffMemberId = user.StaffMemberId, Roles = [.. user.Roles],
            ConcurrencyStamp = user.ConcurrencyStamp,
        };
        return View(nameof(Edit), new UserEditViewModel(user, input, await users.FormOptionsAsync(HttpContext.RequestAborted), user.Id == CurrentUserId));
    }

    /// <summary>A change to one's own account raises one's own security stamp; sign in again silently rather than being sent out.</summary>
    private async Task RefreshOwnSessionAsync(string id)
    {
        if (id != CurrentUserId)
        {
            return;
        }

        var me = await signInManager.UserManager.FindByIdAsync(id);
        if (me is not null)
        {
            await signInManager.RefreshSignInAsync(me);
        }
    }
}
