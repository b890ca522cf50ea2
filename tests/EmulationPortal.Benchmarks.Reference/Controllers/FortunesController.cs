using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Benchmarks.Reference.Controllers;

public sealed class FortunesController(FortunesDbContext db) : Controller
{
    [HttpGet("/fortunes")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var rows = await db.Fortunes.AsNoTracking().OrderBy(f => f.Id).Take(12).ToListAsync(cancellationToken);
        return View(rows);
    }
}
