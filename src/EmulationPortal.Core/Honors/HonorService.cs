using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Organisation;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Honors;

public sealed record HonorFilter(int? Year = null, int? AwardTypeId = null, int? UnitId = null, RecipientKind? Kind = null, int? CampaignId = null, int Page = 1);

/// <summary>One honoree card of the honor roll.</summary>
public sealed record HonoreeCard(
    int CommendationId, RecipientKind Kind, int RecipientId, string Name, string Position, string UnitName,
    string AwardName, int Year, string DecisionNumber, DateOnly DecidedOn, string DecidedBy, string Achievement,
    bool IsFeatured, string Story, int? PhotoId)
{
    public string Initials => VietnameseText.Initials(Name);
}

public sealed record RecipientHonors(RecipientKind Kind, int Id, string Name, string Position, string UnitName, int? UnitId, IReadOnlyList<HonoreeCard> Commendations);

public sealed record HonorFilterOptions(IReadOnlyList<int> Years, IReadOnlyList<FilterOption> AwardTypes, IReadOnlyList<FilterOption> Units);

/// <summary>Reads the honor roll (vinh danh).</summary>
public sealed class HonorService(PortalDbContext db, PublicDataCache? cache = null)
{
    public const int PageSize = 24;

    public Task<PagedList<HonoreeCard>> ListAsync(HonorFilter filter, CancellationToken cancellationToken = default) =>
        cache is null ? ListUncachedAsync(filter, cancellationToken) : cache.GetOrCreateAsync("honors:" + filter, () => ListUncachedAsync(filter, cancellationToken));

    private async Task<PagedList<HonoreeCard>> ListUncachedAsync(HonorFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = Matching(db.Commendations.AsNoTracking(), filter);
        var total = await query.CountAsync(cancellationToken);
        var items = await Project(query
                .OrderByDescending(c => c.Year).ThenByDescending(c => c.DecidedOn).ThenBy(c => c.Id)
                .Skip((filter.Page - 1) * PageSize).Take(PageSize))
            .ToListAsync(cancellationToken);
        return new PagedList<HonoreeCard>(items, filter.Page, PageSize, total);
    }

    /// <summary>Featured stories (gương điển hình tiên tiến, người tốt việc tốt), newest first.</summary>
    public Task<IReadOnlyList<HonoreeCard>> FeaturedAsync(int count, int? year = null, CancellationToken cancellationToken = default) =>
        cache is null ? FeaturedUncachedAsync(count, year, cancellationToken) : cache.GetOrCreateAsync($"featured:{count}:{year}", () => FeaturedUncachedAsync(count, year, cancellationToken));

    private async Task<IReadOnlyList<HonoreeCard>> FeaturedUncachedAsync(int count, int? year, CancellationToken cancellationToken)
    {
        // An equality, not a bare boolean: SQLite uses IX_Commendations_IsFeatured_Year only for "IsFeatured = ?";
        // the bare column walked all 50,000 commendations (143 ms, docs/performance.md).
        var featured = true;
        var query = db.Commendations.AsNoTracking().Where(c => c.IsFeatured == featured);
        if (year is { } y)
        {
            query = query.Where(c => c.Year == y);
        }

        return await Project(query.OrderByDescending(c => c.Year).ThenByDescending(c => c.DecidedOn).ThenBy(c => c.Id).Take(count))
            .ToListAsync(cancellationToken);
    }

    public Task<RecipientHonors?> PersonAsync(int staffMemberId, CancellationToken cancellationToken = default) =>
        cache is null ? PersonUncachedAsync(staffMemberId, cancellationToken) : cache.GetOrCreateAsync("person:" + staffMemberId.ToString(System.Globalization.CultureInfo.InvariantCulture), () => PersonUncachedAsync(staffMemberId, cancellationToken));

    private async Task<RecipientHonors?> PersonUncachedAsync(int staffMemberId, CancellationToken cancellationToken)
    {
        var person = await db.StaffMembers.AsNoTracking().Where(s => s.Id == staffMemberId)
            .Select(s => new { s.Id, s.FullName, s.Position, UnitName = s.Unit!.Name, s.UnitId })
            .FirstOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return null;
        }

        var items = await Project(db.Commendations.AsNoTracking().Where(c => c.StaffMemberId == staffMemberId)
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.DecidedOn)).ToListAsync(cancellationToken);
        return new RecipientHonors(RecipientKind.Individual, person.Id, person.FullName, person.Position, person.UnitName, person.UnitId, items);
    }

    public Task<RecipientHonors?> UnitAsync(int unitId, CancellationToken cancellationToken = default) =>
        cache is null ? UnitUncachedAsync(unitId, cancellationToken) : cache.GetOrCreateAsync("unit:" + unitId.ToString(System.Globalization.CultureInfo.InvariantCulture), () => UnitUncachedAsync(unitId, cancellationToken));

    private async Task<RecipientHonors?> UnitUncachedAsync(int unitId, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId)
            .Select(u => new { u.Id, u.Name }).FirstOrDefaultAsync(cancellationToken);
        if (unit is null)
        {
            return null;
        }

        var items = await Project(db.Commendations.AsNoTracking().Where(c => c.UnitId == unitId)
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.DecidedOn)).ToListAsync(cancellationToken);
        return new RecipientHonors(RecipientKind.Collective, unit.Id, unit.Name, string.Empty, unit.Name, unit.Id, items);
    }

    public Task<HonorFilterOptions> FilterOptionsAsync(CancellationToken cancellationToken = default) =>
        cache is null ? FilterOptionsUncachedAsync(cancellationToken) : cache.GetOrCreateAsync("honor-options", () => FilterOptionsUncachedAsync(cancellationToken));

    private async Task<HonorFilterOptions> FilterOptionsUncachedAsync(CancellationToken cancellationToken)
    {
        var years = await db.Commendations.AsNoTracking().Select(c => c.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);
        var awards = await db.AwardTypes.AsNoTracking().OrderBy(a => a.Category).ThenBy(a => a.SortOrder)
            .Select(a => new FilterOption(a.Id.ToString(), a.Name)).ToListAsync(cancellationToken);
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Kind).ThenBy(u => u.SortOrder)
            .Select(u => new FilterOption(u.Id.ToString(), u.Name)).ToListAsync(cancellationToken);
        return new HonorFilterOptions(years, awards, units);
    }

    /// <summary>The honor roll's filters (also used by the admin list): year, award type, unit (own or the person's), kind, campaign.</summary>
    internal static IQueryable<Commendation> Matching(IQueryable<Commendation> query, HonorFilter filter)
    {
        if (filter.Year is { } year)
        {
            query = query.Where(c => c.Year == year);
        }

        if (filter.AwardTypeId is { } awardTypeId)
        {
            query = query.Where(c => c.AwardTypeId == awardTypeId);
        }

        if (filter.UnitId is { } unitId)
        {
            query = query.Where(c => c.UnitId == unitId || c.StaffMember!.UnitId == unitId);
        }

        if (filter.Kind is RecipientKind.Individual or RecipientKind.Collective)
        {
            query = query.Where(c => c.RecipientKind == filter.Kind);
        }

        if (filter.CampaignId is { } campaignId)
        {
            query = query.Where(c => c.CampaignId == campaignId);
        }

        return query;
    }

    private static IQueryable<HonoreeCard> Project(IQueryable<Commendation> query) =>
        query.Select(c => new HonoreeCard(
            c.Id,
            c.RecipientKind,
            c.RecipientKind == RecipientKind.Individual ? c.StaffMemberId!.Value : c.UnitId!.Value,
            c.RecipientKind == RecipientKind.Individual ? c.StaffMember!.FullName : c.Unit!.Name,
            c.RecipientKind == RecipientKind.Individual ? c.StaffMember!.Position : string.Empty,
            c.RecipientKind == RecipientKind.Individual ? c.StaffMember!.Unit!.Name : string.Empty,
            c.AwardType!.Name,
            c.Year,
            c.DecisionNumber,
            c.DecidedOn,
            c.DecidedBy,
            c.Achievement,
            c.IsFeatured,
            c.Story,
            c.PhotoId));
}
