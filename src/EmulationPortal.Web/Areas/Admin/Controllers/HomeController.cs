using EmulationPortal.Accounts;
using EmulationPortal.Home;
using EmulationPortal.Web.Areas.Admin.Models;
using Microsoft.AspNetCore.Mvc;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>The admin dashboard: counts, drafts and scheduled articles, recent activity, open reports.</summary>
public sealed class HomeController(DashboardService dashboard) : AdminControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var isAdministrator = User.IsInRole(Roles.Administrator);
        return View(new DashboardViewModel(await dashboard.GetAsync(isAdministrator, cancellationToken), isAdministrator));
    }
}
