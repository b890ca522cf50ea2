using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Files;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Documents;

public sealed record DocumentFilter(int? TypeId = null, string? Issuer = null, int? Year = null, int Page = 1);

public sealed record DocumentListItem(int Id, string Number, string TypeName, DateOnly IssuedOn, string Issuer, string Abstract, int FileCount);

public sealed record AttachmentItem(int FileId, string OriginalName, string ContentType, long Size);

public sealed record DocumentCampaignItem(string Title, string Slug);

public sealed record DocumentDetail(
    int Id, string Number, string TypeName, DateOnly IssuedOn, string Issuer, string Signer, string Abstract, string Recipients,
    IReadOnlyList<AttachmentItem> Attachments, IReadOnlyList<DocumentCampaignItem> Campaigns);

/// <summary>What a download needs: the stored file's record, to find it on disk and name it.</summary>
public sealed record AttachmentDownload(string OriginalName, string ContentType, long Size, string StorageKey);

public sealed record DocumentFilterOptions(IReadOnlyList<FilterOption> Types, IReadOnlyList<string> Issuers, IReadOnlyList<int> Years);

/// <summary>Reads the document library (văn bản).</summary>
public sealed class DocumentService(PortalDbContext db, PublicDataCache? cache = null)
{
    public const int PageSize = 20;

    public Task<PagedList<DocumentListItem>> ListAsync(DocumentFilter filter, CancellationToken cancellationToken = default) =>
        cache is null ? ListUncachedAsync(filter, cancellationToken) : cache.GetOrCreateAsync("documents:" + filter, () => ListUncachedAsync(filter, cancellationToken));

    private async Task<PagedList<DocumentListItem>> ListUncachedAsync(DocumentFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Documents.AsNoTracking();
        if (filter.TypeId is { } typeId)
        {
            query = query.Where(d => d.DocumentTypeId == typeId);
        }

        if (!string.IsNullOrEmpty(filter.Issuer))
        {
            query = query.Where(d => d.Issuer == filter.Issuer);
        }

        if (filter.Year is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = from.AddYears(1);
            query = query.Where(d => d.IssuedOn >= from && d.IssuedOn < to);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id)
            .Skip((filter.Page - 1) * PageSize).Take(PageSize)
            .Select(d => new DocumentListItem(d.Id, d.Number, d.DocumentType!.Name, d.IssuedOn, d.Issuer, d.Abstract, d.Attachments.Count))
            .ToListAsync(cancellationToken);
        return new PagedList<DocumentListItem>(items, filter.Page, PageSize, total);
    }

    public async Task<IReadOnlyList<DocumentListItem>> LatestAsync(int count, CancellationToken cancellationToken = default) =>
        (await ListAsync(new DocumentFilter(), cancellationToken)).Items.Take(count).ToList();

    public Task<DocumentDetail?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        cache is null ? GetUncachedAsync(id, cancellationToken) : cache.GetOrCreateAsync("document:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture), () => GetUncachedAsync(id, cancellationToken));

    private async Task<DocumentDetail?> GetUncachedAsync(int id, CancellationToken cancellationToken) =>
        await db.Documents.AsNoTracking()
            .Where(d => d.Id == id)
            .Select(d => new DocumentDetail(
                d.Id, d.Number, d.DocumentType!.Name, d.IssuedOn, d.Issuer, d.Signer, d.Abstract, d.Recipients,
                d.Attachments.OrderBy(a => a.SortOrder)
                    .Select(a => new AttachmentItem(a.StoredFileId, a.StoredFile!.OriginalName, a.StoredFile.ContentType, a.StoredFile.Size)).ToList(),
                d.Campaigns.Where(c => c.IsPublished).OrderByDescending(c => c.StartsOn).Select(c => new DocumentCampaignItem(c.Title, c.Slug)).ToList()))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The file attached to this document, or null when the pair does not exist.</summary>
    public async Task<AttachmentDownload?> FindAttachmentAsync(int documentId, int fileId, CancellationToken cancellationToken = default) =>
        await db.DocumentAttachments.AsNoTracking()
            .Where(a => a.DocumentId == documentId && a.StoredFileId == fileId)
            .Select(a => new AttachmentDownload(a.StoredFile!.OriginalName, a.StoredFile.ContentType, a.StoredFile.Size, a.StoredFile.StorageKey))
            .FirstOrDefaultAsync(cancellationToken);

    public Task<DocumentFilterOptions> FilterOptionsAsync(CancellationToken cancellationToken = default) =>
        cache is null ? FilterOptionsUncachedAsync(cancellationToken) : cache.GetOrCreateAsync("document-options", () => FilterOptionsUncachedAsync(cancellationToken));

    private async Task<DocumentFilterOptions> FilterOptionsUncachedAsync(CancellationToken cancellationToken)
    {
        var types = await db.DocumentTypes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new FilterOption(t.Id.ToString(), t.Name)).ToListAsync(cancellationToken);
        var issuers = await db.Documents.AsNoTracking().Select(d => d.Issuer).Distinct().ToListAsync(cancellationToken);
        var dates = await db.Documents.AsNoTracking().Select(d => d.IssuedOn).Distinct().ToListAsync(cancellationToken);
        return new DocumentFilterOptions(
            types,
            issuers.Order(VietnameseText.Comparer).ToList(),
            dates.Select(d => d.Year).Distinct().OrderDescending().ToList());
    }
}
