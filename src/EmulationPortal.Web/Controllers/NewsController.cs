using EmulationPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using EmulationPortal.Campaigns;
using EmulationPortal.News;
using EmulationPortal.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace EmulationPortal.Web.Controllers;

[OutputCache(PolicyName = OutputCacheRegistration.PublicPage)]
[Route("tin-tuc")]
[AllowAnonymous]
public sealed class NewsController(NewsService news, CampaignService campaigns) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "phong-trao")] string? campaign,
        [FromQuery(Name = "linh-vuc")] string? field,
        [FromQuery(Name = "trang")] string? page,
        CancellationToken cancellationToken)
    {
        var q = new QueryValues();
        var filter = new NewsFilter(Campaign: q.Text(campaign), Field: q.Text(field), Page: q.Page(page));
        var list = await news.ListAsync(filter, cancellationToken);
        var kept = CampaignsController.Keep(("phong-trao", filter.Campaign), ("linh-vuc", filter.Field));
        return View(new NewsIndexViewModel(
            list, filter.Campaign, filter.Field,
            await news.CampaignOptionsAsync(cancellationToken), await campaigns.FieldsAsync(cancellationToken), q.HasInvalid,
            new PagerModel(list.Page, list.TotalPages, list.TotalCount, nameof(Index), "News", kept)));
    }

    [HttpGet("{slug}")]
    public async Task<IActionResult> Detail(string slug, CancellationToken cancellationToken)
    {
        var article = await news.GetBySlugAsync(slug, cancellationToken);
        return article is null ? NotFound() : View(article);
    }
}
