using Microsoft.AspNetCore.Mvc;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>The admin dashboard (the admin area's features come with their own issue).</summary>
public sealed class HomeController : AdminControllerBase
{
    [HttpGet]
    public IActionResult Index() => View();
}
