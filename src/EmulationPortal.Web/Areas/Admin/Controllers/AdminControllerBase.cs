using EmulationPortal.Accounts;
using EmulationPortal.Common;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>
/// Every admin controller: the Admin area, the area policy (Administrator, Editor, Leader may read), and antiforgery on
/// every POST. Actions that change data add <c>[Authorize(Policy = Policies.CanPublish)]</c> or
/// <c>[Authorize(Policy = Policies.CanAdminister)]</c>.
/// </summary>
[Area("Admin")]
[Authorize(Policy = Policies.AdminArea)]
[AutoValidateAntiforgeryToken]
public abstract class AdminControllerBase : Controller
{
    private IStringLocalizer? _admin;

    /// <summary>The admin area's shared strings (AdminResource.resx).</summary>
    protected IStringLocalizer AdminText => _admin ??= HttpContext.RequestServices.GetRequiredService<IStringLocalizer<AdminResource>>();

    /// <summary>Copies a service's errors into ModelState, each in Vietnamese from the given localizer (falling back to AdminResource).</summary>
    protected void AddErrors(ServiceResult result, IStringLocalizer? text = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field, Localize(error, text));
        }
    }

    /// <summary>Warnings (not blocking) are shown above the form through TempData-free ViewData.</summary>
    protected void ShowWarnings(ServiceResult result, IStringLocalizer? text = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ViewData["Warnings"] = result.Warnings.Select(w => Localize(w, text)).ToList();
    }

    /// <summary>Shows the values another editor saved, and lets the form post the new version to overwrite knowingly.</summary>
    protected void ShowConflict(ConcurrencyConflict conflict) => ViewData["Conflict"] = conflict;

    protected void Notice(string message) => TempData["Notice"] = message;

    private string Localize(ServiceError error, IStringLocalizer? text)
    {
        var fromOwn = text?[error.Code, error.Args];
        if (fromOwn is { ResourceNotFound: false })
        {
            return fromOwn.Value;
        }

        return AdminText[error.Code, error.Args].Value;
    }
}
