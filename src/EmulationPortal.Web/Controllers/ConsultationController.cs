using EmulationPortal.Proposals;
using EmulationPortal.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace EmulationPortal.Web.Controllers;

/// <summary>Lấy ý kiến: the nominees published for comments today, each with a link to the feedback form about them.</summary>
[Route("lay-y-kien")]
[AllowAnonymous]
public sealed class ConsultationController(ConsultationService consultations) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new ConsultationPageViewModel(await consultations.CurrentAsync(cancellationToken)));
}
