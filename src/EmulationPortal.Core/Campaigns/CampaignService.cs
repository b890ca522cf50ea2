using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Honors;
using EmulationPortal.News;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Campaigns;

public sealed record CampaignFilter(CampaignState? State = null, CampaignKind? Kind = null, string? Field = null, int Page = 1);

public sealed record CampaignListItem(
    int Id, string Title, string Slug, CampaignKind Kind, CampaignScope Scope, string LaunchedBy,
    DateOnly StartsOn, DateOnly? EndsOn, string Summary, bool IsFeatured, CampaignState State);

public sealed record CampaignDocumentItem(int Id, string Number, string TypeName, DateOnly IssuedOn, string Abstract);

public sealed record CampaignDetail(
    int Id, string Title, string Slug, CampaignKind Kind, CampaignScope Scope, string LaunchedBy, DateOnly? LaunchedOn,
    DateOnly StartsOn, DateOnly? EndsOn, string Summary, string Content, bool IsFeatured, CampaignState State,
    IReadOnlyList<FieldItem> Fields, IReadOnlyList<CampaignDocumentItem> Documents,
    IReadOnlyList<ArticleListItem> Articles, IReadOnlyList<HonoreeCard> Honorees, int? CoverImageId = null);

/// <summary>Reads campaigns for the public pages.</summary>
public sealed class CampaignService(PortalDbContext db, PortalClock clock, NewsService news, HonorService honors, PublicDataCache? cache = null)
{
    public const int PageSize = 12;

    public Task<PagedList<CampaignListItem>> ListAsync(CampaignFilter filter, CancellationToken cancellationToken = default) =>
        cache is null ? ListUncachedAsync(filter, cancellationToken) : cache.GetOrCreateAsync("campaigns:" + filter, () => ListUncachedAsync(filter, cancellationToken));

    private async Task<PagedList<CampaignListItem>> ListUncachedAsync(CampaignFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var today = clock.Today;
        var query = db.Campaigns.AsNoTracking().Where(c => c.IsPublished);
        query = filter.State switch
        {
            CampaignState.Upcoming => query.Where(c => c.StartsOn > today),
            CampaignState.Running => query.Where(c => c.StartsOn <= today && (c.EndsOn == null || c.EndsOn >= today)),
            CampaignState.Ended => query.Where(c => c.EndsOn != null && c.EndsOn < today),
            _ => query,
        };
        if (filter.Kind is { } kind)
        {
            query = query.Where(c => c.Kind == kind);
        }

        if (!string.IsNullOrEmpty(filter.Field))
        {
            query = query.Where(c => c.Fields.Any(f => f.Slug == filter.Field));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(c => c.IsFeatured).ThenByDescending(c => c.StartsOn).ThenBy(c => c.Id)
            .Skip((filter.Page - 1) * PageSize).Take(PageSize)
            .Select(c => new { c.Id, c.Title, c.Slug, c.Kind, c.Scope, c.LaunchedBy, c.StartsOn, c.EndsOn, c.Summary, c.IsFeatured })
            .ToListAsync(cancellationToken);
        var items = rows.Select(c => new CampaignListItem(
            c.Id, c.Title, c.Slug, c.Kind, c.Scope, c.LaunchedBy, c.StartsOn, c.EndsOn, c.Summary, c.IsFeatured,
            Campaign.StateOf(c.StartsOn, c.EndsOn, today))).ToList();
        return new PagedList<CampaignListItem>(items, filter.Page, PageSize, total);
    }

    /// <summary>Featured campaigns first, then the others that are running today.</summary>
    public async Task<IReadOnlyList<CampaignListItem>> RunningAsync(int count, CancellationToken cancellationToken = default)
    {
        var page = await ListAsync(new CampaignFilter(CampaignState.Running), cancellationToken);
        return page.Items.Take(count).ToList();
    }

    public Task<CampaignDetail?> GetBySlugAsync(string slug, CancellationToken cancellationToken = default) =>
        cache is null ? GetBySlugUncachedAsync(slug, cancellationToken) : cache.GetOrCreateAsync("campaign:" + slug, () => GetBySlugUncachedAsync(slug, cancellationToken));

    private async Task<CampaignDetail?> GetBySlugUncachedAsync(string slug, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var c = await db.Campaigns.AsNoTracking()
            .Where(x => x.Slug == slug && x.IsPublished)
            .Select(x => new
            {
                x.Id, x.Title, x.Slug, x.Kind, x.Scope, x.LaunchedBy, x.LaunchedOn, x.StartsOn, x.EndsOn, x.Summary, x.Content, x.IsFeatured, x.CoverImageId,
                Fields = x.Fields.OrderBy(f => f.SortOrder).Select(f => new FieldItem(f.Id, f.Name, f.Slug)).ToList(),
                Documents = x.Documents.OrderByDescending(d => d.IssuedOn)
                    .Select(d => new CampaignDocumentItem(d.Id, d.Number, d.DocumentType!.Name, d.IssuedOn, d.Abstract)).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (c is null)
        {
            return null;
        }

        var articles = await news.ListAsync(new NewsFilter(CampaignId: c.Id), cancellationToken);
        var honorees = await honors.ListAsync(new HonorFilter(CampaignId: c.Id), cancellationToken);
        return new CampaignDetail(
            c.Id, c.Title, c.Slug, c.Kind, c.Scope, c.LaunchedBy, c.LaunchedOn, c.StartsOn, c.EndsOn, c.Summary, c.Content, c.IsFeatured,
            Campaign.StateOf(c.StartsOn, c.EndsOn, today), c.Fields, c.Documents, articles.Items, honorees.Items, c.CoverImageId);
    }

    public Task<IReadOnlyList<FieldItem>> FieldsAsync(CancellationToken cancellationToken = default) =>
        cache is null ? FieldsUncachedAsync(cancellationToken) : cache.GetOrCreateAsync("fields", () => FieldsUncachedAsync(cancellationToken));

    private async Task<IReadOnlyList<FieldItem>> FieldsUncachedAsync(CancellationToken cancellationToken) =>
        await db.Fields.AsNoTracking().OrderBy(f => f.SortOrder).Select(f => new FieldItem(f.Id, f.Name, f.Slug)).ToListAsync(cancellationToken);
}
