using EmulationPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using EmulationPortal.Search;
using EmulationPortal.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace EmulationPortal.Web.Controllers;

/// <summary>The public results page behind the header's search box.</summary>
[OutputCache(PolicyName = OutputCacheRegistration.PublicPage)]
[Route("tim-kiem")]
[AllowAnonymous]
public sealed class SearchController(SearchService search) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "q")] string? query,
        [FromQuery(Name = "nhom")] string? group,
        [FromQuery(Name = "nam")] string? year,
        [FromQuery(Name = "trang")] string? page,
        CancellationToken cancellationToken)
    {
        var q = new QueryValues();
        var chosenGroup = SearchPageViewModel.GroupOf(q.Text(group), out var badGroup);
        var request = new SearchRequest(SearchPageViewModel.CleanQuery(query), chosenGroup, q.Year(year), q.Page(page));
        var results = await search.SearchAsync(request, cancellationToken);
        var invalid = q.HasInvalid || badGroup || (request.Year is not null && results.Year is null);
        return View(new SearchPageViewModel(results, invalid));
    }
}
