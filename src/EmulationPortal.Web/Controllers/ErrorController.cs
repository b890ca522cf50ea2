using System.Diagnostics;
using EmulationPortal.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace EmulationPortal.Web.Controllers;

/// <summary>Vietnamese error pages; never a stack trace outside Development.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorController : Controller
{
    [Route("/loi")]
    [Route("/loi/{code:int}")]
    public IActionResult Index(int? code)
    {
        var status = code is >= 400 and <= 599 ? code.Value : StatusCodes.Status500InternalServerError;
        Response.StatusCode = status;
        return View(new ErrorViewModel(status, Activity.Current?.Id ?? HttpContext.TraceIdentifier));
    }
}
