using EmulationPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using EmulationPortal.Home;
using Microsoft.AspNetCore.Mvc;

namespace EmulationPortal.Web.Controllers;

/// <summary>The emulation-movement home page (chuyên trang thi đua – khen thưởng).</summary>
[OutputCache(PolicyName = OutputCacheRegistration.PublicPage)]
[AllowAnonymous]
public sealed class HomeController(HomeService home) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await home.GetAsync(cancellationToken));
}
