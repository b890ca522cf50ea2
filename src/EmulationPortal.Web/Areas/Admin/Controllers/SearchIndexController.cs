using EmulationPortal.Accounts;
using EmulationPortal.Search;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>
/// The search index (Administrator only): what it holds, and a rebuild for when content was changed outside the
/// portal (a restored backup, a bulk import by SQL). Every save through the portal keeps the index by itself.
/// </summary>
[Authorize(Policy = Policies.CanAdminister)]
public sealed class SearchIndexController(
    SearchIndexAdminService index, IStringLocalizer<SearchResource> text, ILogger<SearchIndexController> logger) : AdminControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await index.StatusAsync(cancellationToken));

    [HttpPost]
    public async Task<IActionResult> Rebuild()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();

        // Not cancelled with the request: a rebuild left half-way would be rolled back and leave the old index.
        var entries = await index.RebuildAsync(CancellationToken.None);
        logger.LogInformation("Search index rebuilt by {User}: {Entries} entries in {Seconds:F1} s", User.Identity?.Name, entries, started.Elapsed.TotalSeconds);
        Notice(text["Admin.Rebuilt", entries, started.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))]);
        return RedirectToAction(nameof(Index));
    }
}
