using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Honors;
using EmulationPortal.Organisation;
using EmulationPortal.Participation;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Reporting;

/// <summary>
/// The leaders' dashboard (read only). Rates and counts are computed by the database (COUNT over indexed columns,
/// GROUP BY); only the rows a page shows are read (the unit × round matrix reads one small tuple per report of one campaign).
/// </summary>
public sealed class ReportingService(PortalDbContext db, PortalClock clock, ReportingDataCache? cache = null)
{
    public const int PageSize = 20;

    /// <summary>
    /// The version of the dashboard data (changes with every save that can change a figure, and with the date), for keying
    /// rendered fragments; read it before reading the data. Null without a cache: then nothing may be kept.
    /// </summary>
    public string? DataVersion => cache is null ? null : FormattableString.Invariant($"{cache.Generation}|{clock.Today:yyyy-MM-dd}");

    /// <summary>Reads through <see cref="ReportingDataCache"/> when there is one; the key holds today's date, which some figures depend on.</summary>
    private Task<T> CachedAsync<T>(string key, Func<Task<T>> read) =>
        cache is null ? read() : cache.GetOrCreateAsync(FormattableString.Invariant($"{key}|{clock.Today:yyyy-MM-dd}"), read);

    /// <summary>Campaigns with participation data (settings or rounds), running during <paramref name="year"/> when given; newest first.</summary>
    public Task<PagedList<CampaignReportItem>> CampaignsAsync(int? year, int page, int pageSize = PageSize, CancellationToken cancellationToken = default) =>
        CachedAsync(FormattableString.Invariant($"campaigns|{year}|{page}|{pageSize}"), () => ReadCampaignsAsync(year, page, pageSize, cancellationToken));

    private async Task<PagedList<CampaignReportItem>> ReadCampaignsAsync(int? year, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.Campaigns.AsNoTracking()
            .Where(c => db.ParticipationSettings.Any(s => s.CampaignId == c.Id) || db.ReportRounds.Any(r => r.CampaignId == c.Id));
        if (year is { } y)
        {
            var first = new DateOnly(y, 1, 1);
            var last = new DateOnly(y, 12, 31);
            query = query.Where(c => c.StartsOn <= last && (c.EndsOn == null || c.EndsOn >= first));
        }

        var total = await query.CountAsync(cancellationToken);
        pageSize = Math.Max(1, pageSize);
        page = Math.Clamp(page, 1, Math.Max(1, (int)Math.Ceiling(total / (double)pageSize)));
        var rows = await query
            .OrderByDescending(c => c.StartsOn).ThenBy(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new
            {
                c.Id,
                c.Title,
                c.StartsOn,
                c.EndsOn,
                Rounds = db.ReportRounds.Count(r => r.CampaignId == c.Id),
                ExplicitCount = db.ParticipationSettings.Where(s => s.CampaignId == c.Id).SelectMany(s => s.ExpectedUnits).Count(),
                RegisteredExplicit = db.Registrations.Count(r => r.CampaignId == c.Id && r.UnitId != null
                    && db.ParticipationSettings.Where(s => s.CampaignId == c.Id).SelectMany(s => s.ExpectedUnits).Any(u => u.Id == r.UnitId)),
                RegisteredActive = db.Registrations.Count(r => r.CampaignId == c.Id && r.UnitId != null && r.Unit!.IsActive),
            })
            .ToListAsync(cancellationToken);
        var activeUnits = rows.Any(r => r.ExplicitCount == 0) ? await db.Units.CountAsync(u => u.IsActive, cancellationToken) : 0;
        var items = rows
            .Select(r => new CampaignReportItem(
                r.Id, r.Title, r.StartsOn, r.EndsOn, r.Rounds,
                r.ExplicitCount > 0 ? new Rate(r.RegisteredExplicit, r.ExplicitCount) : new Rate(r.RegisteredActive, activeUnits)))
            .ToList();
        return new PagedList<CampaignReportItem>(items, page, pageSize, total);
    }

    /// <summary>Years offered by the index's filter: from the earliest campaign with participation data to this year.</summary>
    public Task<IReadOnlyList<int>> CampaignYearsAsync(CancellationToken cancellationToken = default) =>
        CachedAsync("years", () => ReadCampaignYearsAsync(cancellationToken));

    private async Task<IReadOnlyList<int>> ReadCampaignYearsAsync(CancellationToken cancellationToken)
    {
        var earliest = await db.Campaigns.AsNoTracking()
            .Where(c => db.ParticipationSettings.Any(s => s.CampaignId == c.Id) || db.ReportRounds.Any(r => r.CampaignId == c.Id))
            .Select(c => (DateOnly?)c.StartsOn)
            .MinAsync(cancellationToken);
        var thisYear = clock.Today.Year;
        var from = Math.Min(earliest?.Year ?? thisYear, thisYear);
        return Enumerable.Range(from, thisYear - from + 1).Reverse().ToList();
    }

    /// <summary>Active units for the "per unit" picker.</summary>
    public Task<IReadOnlyList<UnitOption>> UnitsAsync(CancellationToken cancellationToken = default) =>
        CachedAsync("units", () => ReadUnitsAsync(cancellationToken));

    private async Task<IReadOnlyList<UnitOption>> ReadUnitsAsync(CancellationToken cancellationToken) =>
        await db.Units.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new UnitOption(u.Id, u.Name)).ToListAsync(cancellationToken);

    /// <summary>Registration rate, per-round rates and the unit × round matrix of one campaign; null when the campaign does not exist.</summary>
    public Task<CampaignReport?> CampaignAsync(int id, CancellationToken cancellationToken = default) =>
        CachedAsync(FormattableString.Invariant($"campaign|{id}"), () => ReadCampaignAsync(id, cancellationToken));

    private async Task<CampaignReport?> ReadCampaignAsync(int id, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Id, c.Title, c.StartsOn, c.EndsOn })
            .FirstOrDefaultAsync(cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var today = clock.Today;
        var explicitUnits = db.ParticipationSettings.Where(s => s.CampaignId == id).SelectMany(s => s.ExpectedUnits);
        var allActive = !await explicitUnits.AnyAsync(cancellationToken);
        var expected = allActive ? db.Units.Where(u => u.IsActive) : explicitUnits;
        var expectedIds = expected.Select(u => u.Id);

        var expectedCount = await expected.CountAsync(cancellationToken);
        var registeredCount = await db.Registrations.CountAsync(r => r.CampaignId == id && r.UnitId != null && expectedIds.Contains(r.UnitId.Value), cancellationToken);

        var rounds = await db.ReportRounds.AsNoTracking().Where(r => r.CampaignId == id)
            .OrderBy(r => r.DueOn).ThenBy(r => r.SortOrder).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id,
                r.Name,
                r.Kind,
                r.DueOn,
                r.IsLocked,
                Submitted = db.ProgressReports.Count(p => p.RoundId == r.Id && expectedIds.Contains(p.UnitId)),
                OnTime = db.ProgressReports.Count(p => p.RoundId == r.Id && p.SubmittedOn <= r.DueOn && expectedIds.Contains(p.UnitId)),
            })
            .ToListAsync(cancellationToken);

        var units = await expected.AsNoTracking()
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new { u.Id, u.Name, Registered = db.Registrations.Any(r => r.CampaignId == id && r.UnitId == u.Id) })
            .ToListAsync(cancellationToken);

        var submitted = await db.ProgressReports.AsNoTracking()
            .Where(p => p.Round!.CampaignId == id)
            .Select(p => new { p.RoundId, p.UnitId, p.SubmittedOn })
            .ToDictionaryAsync(p => (p.RoundId, p.UnitId), p => p.SubmittedOn, cancellationToken);

        var matrix = units
            .Select(u => new MatrixRow(u.Id, u.Name, u.Registered, rounds
                .Select(r => MatrixCell.For(r.DueOn, submitted.TryGetValue((r.Id, u.Id), out var on) ? on : null, today))
                .ToList()))
            .ToList();

        return new CampaignReport(
            campaign.Id, campaign.Title, campaign.StartsOn, campaign.EndsOn, today, allActive,
            new Rate(registeredCount, expectedCount),
            rounds.Select(r => new RoundReportItem(r.Id, r.Name, r.Kind, r.DueOn, r.IsLocked, new Rate(r.Submitted, expectedCount), new Rate(r.OnTime, expectedCount))).ToList(),
            matrix);
    }

    /// <summary>How many rounds the unit page shows at once; a year of a busy organisation can hold a thousand.</summary>
    public const int UnitRoundsPageSize = 100;

    /// <summary>A unit's registrations, all its rounds of <paramref name="year"/>, and a yearly summary (for exports).</summary>
    public Task<UnitReport?> UnitAsync(int id, int? year, CancellationToken cancellationToken = default) =>
        UnitAsync(id, year, roundsPage: null, cancellationToken);

    /// <summary>
    /// A unit's registrations and rounds (of <paramref name="year"/>, by due date; one page of
    /// <see cref="UnitRoundsPageSize"/> when <paramref name="roundsPage"/> is given), and a yearly summary; null when
    /// the unit does not exist.
    /// </summary>
    public Task<UnitReport?> UnitAsync(int id, int? year, int? roundsPage, CancellationToken cancellationToken = default) =>
        CachedAsync(FormattableString.Invariant($"unit|{id}|{year}|{roundsPage}"), () => ReadUnitAsync(id, year, roundsPage, cancellationToken));

    private async Task<UnitReport?> ReadUnitAsync(int id, int? year, int? roundsPage, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.Id, u.Name, u.IsActive }).FirstOrDefaultAsync(cancellationToken);
        if (unit is null)
        {
            return null;
        }

        var today = clock.Today;
        var shownYear = year ?? today.Year;

        var byYear = await (
                from p in db.ProgressReports
                where p.UnitId == id
                join r in db.ReportRounds on p.RoundId equals r.Id
                select new { r.DueOn.Year, OnTime = p.SubmittedOn <= r.DueOn })
            .GroupBy(x => x.Year)
            .Select(g => new { Year = g.Key, Submitted = g.Count(), OnTime = g.Count(x => x.OnTime) })
            .OrderByDescending(x => x.Year)
            .ToListAsync(cancellationToken);

        var first = new DateOnly(shownYear, 1, 1);
        var last = new DateOnly(shownYear, 12, 31);
        var registrations = await db.Registrations.AsNoTracking()
            .Where(r => r.UnitId == id && r.Campaign!.StartsOn <= last && (r.Campaign.EndsOn == null || r.Campaign.EndsOn >= first))
            .OrderByDescending(r => r.RegisteredAt)
            .Select(r => new { r.CampaignId, r.Campaign!.Title, r.RegisteredAt })
            .ToListAsync(cancellationToken);

        // The rounds that concern the unit: it reported, or is expected (listed, or every active unit when none is listed).
        var active = unit.IsActive;
        // Campaign-level sets, evaluated once by the database rather than once per round.
        var listingTheUnit = db.ParticipationSettings.Where(s => s.ExpectedUnits.Any(u => u.Id == id)).Select(s => s.CampaignId);
        var withAList = db.ParticipationSettings.Where(s => s.ExpectedUnits.Any()).Select(s => s.CampaignId);
        var concerning = db.ReportRounds.AsNoTracking()
            .Where(r => r.DueOn >= first && r.DueOn <= last)
            .Where(r => listingTheUnit.Contains(r.CampaignId)
                || (active && !withAList.Contains(r.CampaignId))
                || db.ProgressReports.Any(p => p.RoundId == r.Id && p.UnitId == id))
            .OrderBy(r => r.DueOn).ThenBy(r => r.CampaignId).ThenBy(r => r.SortOrder);
        var totalRounds = roundsPage is null ? 0 : await concerning.CountAsync(cancellationToken);
        var totalPages = Math.Max(1, (int)Math.Ceiling(totalRounds / (double)UnitRoundsPageSize));
        var page = roundsPage is null ? 1 : Math.Min(Math.Max(1, roundsPage.Value), totalPages);
        var paged = roundsPage is null ? concerning : concerning.Skip((page - 1) * UnitRoundsPageSize).Take(UnitRoundsPageSize);
        var rounds = await paged
            .Select(r => new
            {
                r.CampaignId,
                r.Campaign!.Title,
                r.Name,
                r.DueOn,
                SubmittedOn = db.ProgressReports.Where(p => p.RoundId == r.Id && p.UnitId == id).Select(p => (DateOnly?)p.SubmittedOn).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var years = byYear.Select(y => y.Year).Append(today.Year).Append(shownYear).Distinct().OrderDescending().ToList();
        return new UnitReport(
            unit.Id, unit.Name, shownYear, years,
            byYear.Select(y => new UnitYearSummary(y.Year, y.Submitted, y.OnTime, y.Submitted - y.OnTime)).ToList(),
            registrations.Select(r => new UnitRegistrationItem(r.CampaignId, r.Title, DateOnly.FromDateTime(clock.ToLocal(r.RegisteredAt)))).ToList(),
            rounds.Select(r => new UnitRoundItem(r.CampaignId, r.Title, r.Name, r.DueOn, MatrixCell.For(r.DueOn, r.SubmittedOn, today))).ToList(),
            page,
            roundsPage is null ? 1 : totalPages,
            roundsPage is null ? rounds.Count : totalRounds);
    }

    /// <summary>Commendations by year (all years), by award type and by unit (of <paramref name="year"/> when given), and the share of women among individual honorees per year.</summary>
    public Task<CommendationReport> CommendationsAsync(int? year, CancellationToken cancellationToken = default) =>
        CachedAsync(FormattableString.Invariant($"commendations|{year}"), () => ReadCommendationsAsync(year, cancellationToken));

    private async Task<CommendationReport> ReadCommendationsAsync(int? year, CancellationToken cancellationToken)
    {
        // Every figure comes from CommendationTally, kept up to date on write, so this page reads at most
        // years × (award types + units + genders) rows however many commendations there are (docs/performance.md).
        var tallies = db.CommendationTallies.AsNoTracking();
        var byYear = (await tallies
                .Where(t => t.Dimension == TallyDimension.AwardType)
                .GroupBy(t => t.Year)
                .Select(g => new { Year = g.Key, Count = g.Sum(t => t.Total) })
                .OrderByDescending(y => y.Year)
                .ToListAsync(cancellationToken))
            .Select(y => new YearCount(y.Year, y.Count))
            .ToList();

        var scoped = year is { } y ? tallies.Where(t => t.Year == y) : tallies;
        var byDimension = await scoped
            .Where(t => t.Dimension != TallyDimension.Gender)
            .GroupBy(t => new { t.Dimension, t.ItemId })
            .Select(g => new { g.Key.Dimension, g.Key.ItemId, Count = g.Sum(t => t.Total) })
            .ToListAsync(cancellationToken);
        var byAward = byDimension.Where(d => d.Dimension == TallyDimension.AwardType)
            .Select(d => new { AwardTypeId = d.ItemId, d.Count }).ToList();
        var byUnit = byDimension.Where(d => d.Dimension == TallyDimension.Unit)
            .Select(d => new { UnitId = (int?)d.ItemId, d.Count }).ToList();

        var awardIds = byAward.Select(a => a.AwardTypeId).ToList();
        var awardNames = await db.AwardTypes.AsNoTracking().Where(a => awardIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Name, a.SortOrder }).ToDictionaryAsync(a => a.Id, cancellationToken);
        var unitIds = byUnit.Select(u => u.UnitId!.Value).ToList();
        var unitNames = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);

        var genders = await tallies
            .Where(t => t.Dimension == TallyDimension.Gender)
            .Select(t => new { t.Year, t.ItemId, t.Total })
            .ToListAsync(cancellationToken);
        var women = genders
            .GroupBy(g => g.Year)
            .Select(g => new
            {
                Year = g.Key,
                Total = g.Sum(x => x.Total),
                Women = g.Where(x => x.ItemId == (int)Gender.Female).Sum(x => x.Total),
            })
            .OrderByDescending(x => x.Year)
            .ToList();

        return new CommendationReport(
            year,
            byYear.Select(b => b.Year).ToList(),
            byYear,
            byAward
                .OrderByDescending(a => a.Count).ThenBy(a => awardNames.TryGetValue(a.AwardTypeId, out var n) ? n.SortOrder : int.MaxValue)
                .Select(a => new CountItem(awardNames.TryGetValue(a.AwardTypeId, out var n) ? n.Name : string.Empty, a.Count))
                .ToList(),
            byUnit
                .Where(u => u.UnitId != null && unitNames.ContainsKey(u.UnitId.Value))
                .OrderByDescending(u => u.Count).ThenBy(u => unitNames[u.UnitId!.Value], StringComparer.Ordinal)
                .Select(u => new CountItem(unitNames[u.UnitId!.Value], u.Count))
                .ToList(),
            women.Select(w => new WomenShare(w.Year, new Rate(w.Women, w.Total))).ToList());
    }
}
