using System.Globalization;
using EmulationPortal.Common;
using EmulationPortal.Reporting;
using EmulationPortal.Web.Resources;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Models;

/// <summary>What the print header shows on every report: the organisation and the formal date line.</summary>
public sealed record ReportPrintHeader(string ParentName, string OrganisationName, string DateLine);

public sealed record ReportingIndexViewModel(
    PagedList<CampaignReportItem> Campaigns, int? Year, IReadOnlyList<int> Years, IReadOnlyList<UnitOption> Units,
    bool HasInvalidFilter, PagerModel Pager, ReportPrintHeader Print)
{
    /// <summary>Key of the rendered page body (the same for every leader); null when it may not be kept.</summary>
    public string? FragmentKey { get; init; }
}

public sealed record CampaignReportViewModel(CampaignReport Report, ReportPrintHeader Print);

public sealed record UnitDashboardViewModel(UnitReport Report, bool HasInvalidFilter, ReportPrintHeader Print);

public sealed record CommendationReportViewModel(CommendationReport Report, bool HasInvalidFilter, ReportPrintHeader Print);

/// <summary>One chart: bars (or a line) per label, drawn by wwwroot/js/reporting.js from JSON embedded in the page.</summary>
public sealed record ChartData(string Type, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series, bool Percent);

public sealed record ChartSeries(string Label, IReadOnlyList<decimal?> Values);

/// <summary>
/// The dashboard's tables as they are exported, with the same headings and figures the pages show. Rates are exported
/// as numbers (percent, one decimal) or "—" when nothing was expected.
/// </summary>
public static class ReportTables
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>"45,5 %" or "—".</summary>
    public static string Percent(Rate rate, IStringLocalizer<ReportingResource> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return rate.Percent is { } p ? text["Common.Percent", p.ToString("0.#", Vietnamese)].Value : text["Common.NoValue"].Value;
    }

    public static object PercentValue(Rate rate, IStringLocalizer<ReportingResource> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return rate.Percent is { } p ? p : text["Common.NoValue"].Value;
    }

    public static string Period(DateOnly startsOn, DateOnly? endsOn, IStringLocalizer<ReportingResource> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return endsOn is { } end
            ? text["Period.Range", VietnameseDate.Display(startsOn), VietnameseDate.Display(end)].Value
            : text["Period.From", VietnameseDate.Display(startsOn)].Value;
    }

    public static string State(MatrixCell cell, IStringLocalizer<ReportingResource> text)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(text);
        return cell.State switch
        {
            CellState.OnTime => text["State.OnTime"].Value,
            CellState.Late => text["State.Late", cell.DaysLate].Value,
            CellState.Missing => text["State.Missing"].Value,
            _ => text["State.NotDue"].Value,
        };
    }

    public static ExportTable Campaigns(IReadOnlyList<CampaignReportItem> campaigns, IStringLocalizer<ReportingResource> t) =>
        new(
            t["Reports.ExportCampaigns"],
            [t["Col.Campaign"], t["Col.Period"], t["Col.Rounds"], t["Col.Registered"], t["Col.Expected"], t["Col.RegistrationRate"]],
            campaigns.Select(c => Row(c.Title, Period(c.StartsOn, c.EndsOn, t), c.RoundCount, c.Registration.Count, c.Registration.Total, PercentValue(c.Registration, t))).ToList());

    public static ExportTable Rounds(CampaignReport report, IStringLocalizer<ReportingResource> t)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(
            t["Campaign.ExportRounds"],
            [t["Col.Round"], t["Col.DueOn"], t["Col.Expected"], t["Col.Submitted"], t["Col.SubmissionRate"], t["Col.OnTime"], t["Col.OnTimeRate"]],
            report.Rounds.Select(r => Row(
                r.Name, VietnameseDate.Display(r.DueOn), r.Submission.Total, r.Submission.Count, PercentValue(r.Submission, t), r.OnTime.Count, PercentValue(r.OnTime, t))).ToList());
    }

    public static ExportTable Matrix(CampaignReport report, IStringLocalizer<ReportingResource> t)
    {
        ArgumentNullException.ThrowIfNull(report);
        var headers = new List<string> { t["Col.Unit"], t["Col.RegisteredFlag"] };
        for (var i = 0; i < report.Rounds.Count; i++)
        {
            var r = report.Rounds[i];
            var header = $"{r.Name} ({VietnameseDate.Display(r.DueOn)})";
            headers.Add(headers.Contains(header, StringComparer.Ordinal) ? $"{header} #{i + 1}" : header);
        }

        return new(
            t["Campaign.ExportMatrix"],
            headers,
            report.Matrix.Select(m =>
            {
                var cells = new List<object?> { m.UnitName, m.Registered ? t["Common.Yes"].Value : t["Common.No"].Value };
                cells.AddRange(m.Cells.Select(c => (object?)State(c, t)));
                return (IReadOnlyList<object?>)cells;
            }).ToList());
    }

    public static ExportTable UnitYears(UnitReport report, IStringLocalizer<ReportingResource> t)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(
            t["Unit.ExportYears"],
            [t["Col.Year"], t["Col.Submitted"], t["Col.OnTime"], t["Col.Late"]],
            report.ByYear.Select(y => Row(y.Year, y.Submitted, y.OnTime, y.Late)).ToList());
    }

    public static ExportTable UnitRegistrations(UnitReport report, IStringLocalizer<ReportingResource> t)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(
            t["Unit.ExportRegistrations"],
            [t["Col.Campaign"], t["Col.RegisteredOn"]],
            report.Registrations.Select(r => Row(r.CampaignTitle, VietnameseDate.Display(r.RegisteredOn))).ToList());
    }

    public static ExportTable UnitRounds(UnitReport report, IStringLocalizer<ReportingResource> t)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(
            t["Unit.ExportRounds"],
            [t["Col.Campaign"], t["Col.Round"], t["Col.DueOn"], t["Col.SubmittedOn"], t["Col.State"]],
            report.Rounds.Select(r => Row(
                r.CampaignTitle, r.RoundName, VietnameseDate.Display(r.DueOn),
                r.Cell.SubmittedOn is { } on ? VietnameseDate.Display(on) : t["Common.NoValue"].Value, State(r.Cell, t))).ToList());
    }

    public static ExportTable HonorYears(CommendationReport report, IStringLocalizer<ReportingResource> t)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(t["Honors.ExportYears"], [t["Col.Year"], t["Col.Count"]], report.ByYear.Select(y => Row(y.Year, y.Count)).ToList());
    }

    public static ExportTable HonorAwards(CommendationReport report, IStringLocalizer<ReportingResource> t)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(t["Honors.ExportAwards"], [t["Col.AwardType"], t["Col.Count"]], report.ByAwardType.Select(a => Row(a.Label, a.Count)).ToList());
    }

    public static ExportTable HonorUnits(CommendationReport report, IStringLocalizer<ReportingResource> t)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(t["Honors.ExportUnits"], [t["Col.Unit"], t["Col.Count"]], report.ByUnit.Select(a => Row(a.Label, a.Count)).ToList());
    }

    public static ExportTable HonorWomen(CommendationReport report, IStringLocalizer<ReportingResource> t)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(
            t["Honors.ExportWomen"],
            [t["Col.Year"], t["Col.Individuals"], t["Col.Women"], t["Col.WomenRate"]],
            report.WomenByYear.Select(w => Row(w.Year, w.Women.Total, w.Women.Count, PercentValue(w.Women, t))).ToList());
    }

    private static object?[] Row(params object?[] cells) => cells;
}

/// <summary>The "Xuất Excel / Xuất CSV" pair of a table: <see cref="Href"/> already carries the table and filter (…/xuat?bang=matrix).</summary>
public sealed record ExportLinks(string Href, string TableTitle);

/// <summary>A chart and the id of its JSON block.</summary>
public sealed record ChartBlock(string Id, string Title, ChartData Data);
