using EmulationPortal.Campaigns;
using EmulationPortal.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace EmulationPortal.Web.Controllers;

[Route("phong-trao")]
public sealed class CampaignsController(CampaignService campaigns) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "tinh-trang")] string? state,
        [FromQuery(Name = "loai")] string? kind,
        [FromQuery(Name = "linh-vuc")] string? field,
        [FromQuery(Name = "trang")] string? page,
        CancellationToken cancellationToken)
    {
        var q = new QueryValues();
        var filter = new CampaignFilter(q.State(state), q.Kind(kind), q.Text(field), q.Page(page));
        var list = await campaigns.ListAsync(filter, cancellationToken);
        var fields = await campaigns.FieldsAsync(cancellationToken);
        var kept = Keep(("tinh-trang", filter.State is null ? null : state), ("loai", filter.Kind is null ? null : kind), ("linh-vuc", filter.Field));
        return View(new CampaignIndexViewModel(
            list, filter.State is null ? null : state, filter.Kind is null ? null : kind, filter.Field, fields, q.HasInvalid,
            new PagerModel(list.Page, list.TotalPages, list.TotalCount, nameof(Index), "Campaigns", kept)));
    }

    [HttpGet("{slug}")]
    public async Task<IActionResult> Detail(string slug, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.GetBySlugAsync(slug, cancellationToken);
        return campaign is null ? NotFound() : View(campaign);
    }

    internal static Dictionary<string, string> Keep(params (string Key, string? Value)[] values) =>
        values.Where(v => !string.IsNullOrEmpty(v.Value)).ToDictionary(v => v.Key, v => v.Value!);
}
