using EmulationPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using System.Globalization;
using EmulationPortal.Honors;
using EmulationPortal.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace EmulationPortal.Web.Controllers;

[OutputCache(PolicyName = OutputCacheRegistration.PublicPage)]
[Route("vinh-danh")]
[AllowAnonymous]
public sealed class HonorsController(HonorService honors) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "nam")] string? year,
        [FromQuery(Name = "danh-hieu")] string? award,
        [FromQuery(Name = "don-vi")] string? unit,
        [FromQuery(Name = "doi-tuong")] string? kind,
        [FromQuery(Name = "trang")] string? page,
        CancellationToken cancellationToken)
    {
        var q = new QueryValues();
        var recipient = q.Recipient(kind);
        var filter = new HonorFilter(q.Year(year), q.Id(award), q.Id(unit), recipient, Page: q.Page(page));
        var list = await honors.ListAsync(filter, cancellationToken);
        var featured = filter.Page == 1 ? await honors.FeaturedAsync(3, filter.Year, cancellationToken) : [];
        var kindValue = recipient is null ? null : kind;
        var kept = CampaignsController.Keep(
            ("nam", filter.Year?.ToString(CultureInfo.InvariantCulture)), ("danh-hieu", filter.AwardTypeId?.ToString(CultureInfo.InvariantCulture)),
            ("don-vi", filter.UnitId?.ToString(CultureInfo.InvariantCulture)), ("doi-tuong", kindValue));
        return View(new HonorIndexViewModel(
            list, featured, filter.Year, filter.AwardTypeId, filter.UnitId, kindValue, await honors.FilterOptionsAsync(cancellationToken), q.HasInvalid,
            new PagerModel(list.Page, list.TotalPages, list.TotalCount, nameof(Index), "Honors", kept)));
    }

    [HttpGet("ca-nhan/{id:int}")]
    public async Task<IActionResult> Person(int id, CancellationToken cancellationToken)
    {
        var person = await honors.PersonAsync(id, cancellationToken);
        return person is null ? NotFound() : View("Recipient", person);
    }

    [HttpGet("don-vi/{id:int}")]
    public async Task<IActionResult> Unit(int id, CancellationToken cancellationToken)
    {
        var unit = await honors.UnitAsync(id, cancellationToken);
        return unit is null ? NotFound() : View("Recipient", unit);
    }
}
