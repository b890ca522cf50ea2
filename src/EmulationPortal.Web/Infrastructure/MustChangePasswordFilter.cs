using EmulationPortal.Accounts;
using EmulationPortal.Web.Controllers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>Sends a user whose password was generated or reset to the change-password page before anything else.</summary>
internal sealed class MustChangePasswordFilter : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated != true || !user.HasClaim(PortalClaims.PasswordChangeRequired, "true"))
        {
            return;
        }

        if (context.ActionDescriptor is ControllerActionDescriptor { ControllerTypeInfo: var type } && type.AsType() == typeof(AccountController))
        {
            return;
        }

        context.Result = new RedirectToActionResult(nameof(AccountController.ChangePassword), "Account", new { area = string.Empty });
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
