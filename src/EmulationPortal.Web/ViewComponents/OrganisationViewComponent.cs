using EmulationPortal.Organisation;
using Microsoft.AspNetCore.Mvc;

namespace EmulationPortal.Web.ViewComponents;

/// <summary>
/// The organisation's name in the header band and its contact details in the footer (data, never hard-coded).
/// Read once per request; a failing database must not break the error page, so it then shows an empty frame.
/// </summary>
public sealed class OrganisationViewComponent(OrganisationService organisation, ILogger<OrganisationViewComponent> logger) : ViewComponent
{
    public const string Header = nameof(Header);
    public const string Footer = nameof(Footer);

    /// <summary>The uploaded logo, or the plain SVG slot when none was uploaded.</summary>
    public const string Logo = nameof(Logo);

    private static readonly object ItemKey = new();

    public async Task<IViewComponentResult> InvokeAsync(string part)
    {
        if (HttpContext.Items[ItemKey] is not OrganisationInfo info)
        {
            try
            {
                info = await organisation.GetAsync(HttpContext.RequestAborted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Could not read the organisation settings for the page frame");
                info = OrganisationService.Empty;
            }

            HttpContext.Items[ItemKey] = info;
        }

        return View(part switch { Footer => Footer, Logo => Logo, _ => Header }, info);
    }
}
