using EmulationPortal.Certificates;
using EmulationPortal.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace EmulationPortal.Web.Controllers;

/// <summary>
/// Xác thực giấy chứng nhận: anyone checks the code printed (and in the QR code) on a certificate. Shows only what the
/// certificate itself shows; never cached or indexed, so a name is not kept anywhere beyond the answer.
/// </summary>
[Route("xac-thuc")]
[AllowAnonymous]
public sealed class VerificationController(CertificateService certificates) : Controller
{
    /// <summary>The form; with "?ma=…" it goes to that code's page.</summary>
    [HttpGet("")]
    public IActionResult Index([FromQuery(Name = "ma")] string? code)
    {
        NoStore();
        var trimmed = code?.Trim();
        if (!string.IsNullOrEmpty(trimmed))
        {
            return trimmed.Length <= 64 && trimmed.All(char.IsAsciiLetterOrDigit)
                ? RedirectToAction(nameof(Show), new { code = trimmed.ToLowerInvariant() })
                : NotFoundPage(trimmed);
        }

        return View(new VerificationViewModel(null, null));
    }

    [HttpGet("{code}")]
    public async Task<IActionResult> Show(string code, CancellationToken cancellationToken)
    {
        NoStore();
        var found = await certificates.VerifyAsync(code, cancellationToken);
        return found is null ? NotFoundPage(code) : View(new VerificationViewModel(found, found.Code));
    }

    private ViewResult NotFoundPage(string code)
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("NotFound", new VerificationViewModel(null, code.Length > 64 ? code[..64] : code));
    }

    private void NoStore()
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";
    }
}
