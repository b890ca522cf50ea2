using EmulationPortal.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace EmulationPortal.Web.Controllers;

/// <summary>
/// Vietnamese error pages (any method: a failed POST is re-executed as a POST); never a stack trace outside Development.
/// The request id shown is the one every log event of the request carries (ErrorHardening).
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[IgnoreAntiforgeryToken]
[AllowAnonymous]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ErrorController : Controller
{
    [Route("/loi")]
    [Route("/loi/{code:int}")]
    public IActionResult Index(int? code)
    {
        // /loi/{code} from the status code pages; /loi from the exception handler, which has set the status already.
        var status = code is >= 400 and <= 599 ? code.Value
            : Response.StatusCode is >= 400 and <= 599 ? Response.StatusCode
            : StatusCodes.Status500InternalServerError;
        Response.StatusCode = status;
        return View(new ErrorViewModel(status, HttpContext.TraceIdentifier));
    }
}
