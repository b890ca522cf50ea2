using System.Globalization;
using EmulationPortal.Accounts;
using EmulationPortal.Common;
using EmulationPortal.Organisation;
using EmulationPortal.Reporting;
using EmulationPortal.Web.Models;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Controllers;

/// <summary>
/// The leaders' dashboard (Leader, Editor, Administrator): read only — every action is a GET, none changes data.
/// Exports: ?dinh-dang=xlsx|csv&amp;bang=… on each page's /xuat address.
/// </summary>
[Authorize(Policy = Policies.CanReview)]
[Route("bao-cao")]
public sealed class ReportingController(
    ReportingService reports,
    OrganisationService organisation,
    PortalClock clock,
    IStringLocalizer<ReportingResource> text) : Controller
{
    private const int ExportLimit = 100_000;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery(Name = "nam")] string? year, [FromQuery(Name = "trang")] string? page, CancellationToken cancellationToken)
    {
        // Taken before the data is read: a body rendered from data read across a save is kept under the old version.
        var version = reports.DataVersion;
        var q = new QueryValues();
        var y = q.Year(year);
        var list = await reports.CampaignsAsync(y, q.Page(page), cancellationToken: cancellationToken);
        var kept = CampaignsController.Keep(("nam", y?.ToString(CultureInfo.InvariantCulture)));
        return View(new ReportingIndexViewModel(
            list, y, await reports.CampaignYearsAsync(cancellationToken), await reports.UnitsAsync(cancellationToken), q.HasInvalid,
            new PagerModel(list.Page, list.TotalPages, list.TotalCount, nameof(Index), "Reporting", kept),
            await PrintHeaderAsync(cancellationToken))
        {
            FragmentKey = version is null ? null : version + "|" + Request.QueryString,
        });
    }

    [HttpGet("xuat")]
    public async Task<IActionResult> IndexExport([FromQuery(Name = "nam")] string? year, [FromQuery(Name = "dinh-dang")] string? format, CancellationToken cancellationToken)
    {
        var q = new QueryValues();
        var list = await reports.CampaignsAsync(q.Year(year), 1, ExportLimit, cancellationToken);
        return Export(ReportTables.Campaigns(list.Items, text), format, text["Reports.Title"]);
    }

    /// <summary>The unit picker's GET form lands here and is sent on to the unit's page.</summary>
    [HttpGet("don-vi")]
    public IActionResult PickUnit([FromQuery(Name = "id")] string? id)
    {
        var unitId = new QueryValues().Id(id);
        return unitId is null ? RedirectToAction(nameof(Index)) : RedirectToAction(nameof(Unit), new { id = unitId });
    }

    [HttpGet("phong-trao/{id:int}")]
    public async Task<IActionResult> Campaign(int id, CancellationToken cancellationToken)
    {
        var report = await reports.CampaignAsync(id, cancellationToken);
        return report is null ? NotFound() : View(new CampaignReportViewModel(report, await PrintHeaderAsync(cancellationToken)));
    }

    [HttpGet("phong-trao/{id:int}/xuat")]
    public async Task<IActionResult> CampaignExport(int id, [FromQuery(Name = "dinh-dang")] string? format, [FromQuery(Name = "bang")] string? table, CancellationToken cancellationToken)
    {
        var report = await reports.CampaignAsync(id, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        var export = table switch
        {
            "matrix" => ReportTables.Matrix(report, text),
            "rounds" => ReportTables.Rounds(report, text),
            _ => null,
        };
        return export is null ? NotFound() : Export(export, format, report.Title);
    }

    [HttpGet("don-vi/{id:int}")]
    public async Task<IActionResult> Unit(int id, [FromQuery(Name = "nam")] string? year, [FromQuery(Name = "trang")] string? page, CancellationToken cancellationToken)
    {
        var q = new QueryValues();
        var report = await reports.UnitAsync(id, q.Year(year), q.Page(page), cancellationToken);
        return report is null ? NotFound() : View(new UnitDashboardViewModel(report, q.HasInvalid, await PrintHeaderAsync(cancellationToken)));
    }

    [HttpGet("don-vi/{id:int}/xuat")]
    public async Task<IActionResult> UnitExport(
        int id, [FromQuery(Name = "nam")] string? year, [FromQuery(Name = "dinh-dang")] string? format, [FromQuery(Name = "bang")] string? table, CancellationToken cancellationToken)
    {
        var report = await reports.UnitAsync(id, new QueryValues().Year(year), cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        var export = table switch
        {
            "years" => ReportTables.UnitYears(report, text),
            "registrations" => ReportTables.UnitRegistrations(report, text),
            "rounds" => ReportTables.UnitRounds(report, text),
            _ => null,
        };
        return export is null ? NotFound() : Export(export, format, report.Name);
    }

    [HttpGet("khen-thuong")]
    public async Task<IActionResult> Commendations([FromQuery(Name = "nam")] string? year, CancellationToken cancellationToken)
    {
        var q = new QueryValues();
        var report = await reports.CommendationsAsync(q.Year(year), cancellationToken);
        return View(new CommendationReportViewModel(report, q.HasInvalid, await PrintHeaderAsync(cancellationToken)));
    }

    [HttpGet("khen-thuong/xuat")]
    public async Task<IActionResult> CommendationsExport(
        [FromQuery(Name = "nam")] string? year, [FromQuery(Name = "dinh-dang")] string? format, [FromQuery(Name = "bang")] string? table, CancellationToken cancellationToken)
    {
        var report = await reports.CommendationsAsync(new QueryValues().Year(year), cancellationToken);
        var export = table switch
        {
            "years" => ReportTables.HonorYears(report, text),
            "awards" => ReportTables.HonorAwards(report, text),
            "units" => ReportTables.HonorUnits(report, text),
            "women" => ReportTables.HonorWomen(report, text),
            _ => null,
        };
        var subject = report.Year is { } y ? text["Honors.ScopeYear", y].Value : text["Honors.ScopeAll"].Value;
        return export is null ? NotFound() : Export(export, format, subject);
    }

    private IActionResult Export(ExportTable table, string? format, string subject)
    {
        var name = FileName($"{table.Title} - {subject}");
        return format switch
        {
            "xlsx" => FileResults.Download(Response, TableExport.ToXlsx(table), TableExport.XlsxContentType, name + ".xlsx"),
            "csv" => FileResults.Download(Response, TableExport.ToCsv(table), TableExport.CsvContentType, name + ".csv"),
            _ => NotFound(),
        };
    }

    /// <summary>A Vietnamese file name without characters file systems refuse, at most 120 characters.</summary>
    private static string FileName(string title)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(":*?\"<>|/\\").ToHashSet();
        var cleaned = new string(VietnameseText.Normalize(title).Select(c => invalid.Contains(c) || char.IsControl(c) ? ' ' : c).ToArray());
        cleaned = string.Join(' ', cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return cleaned.Length <= 120 ? cleaned : cleaned[..120].TrimEnd();
    }

    private async Task<ReportPrintHeader> PrintHeaderAsync(CancellationToken cancellationToken)
    {
        var info = await organisation.GetAsync(cancellationToken);
        return new ReportPrintHeader(info.ParentName, info.Name, text["Print.DateLine", VietnameseDate.Formal(clock.Today)]);
    }
}
