using EmulationPortal.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>Every admin controller: the Admin area, a policy, and antiforgery on every POST.</summary>
[Area("Admin")]
[Authorize(Policy = Policies.AdminArea)]
[AutoValidateAntiforgeryToken]
public abstract class AdminControllerBase : Controller
{
}
