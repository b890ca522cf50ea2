using EmulationPortal.Campaigns;
using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EmulationPortal.News;

/// <summary>Where an article stands for the Office: not published, published for later, or visible now.</summary>
public enum ArticleAdminState
{
    Draft = 0,
    Scheduled = 1,
    Published = 2,
}

public sealed record ArticleAdminFilter(ArticleAdminState? State = null, int Page = 1);

public sealed record ArticleAdminRow(int Id, string Title, string Slug, ArticleAdminState State, DateTime? PublishedAt, DateTime UpdatedAt, string? CampaignTitle);

/// <summary>What the article form sends.</summary>
public sealed record ArticleInput(
    string? Title, string? Slug, string? Summary, string? Body, int? CampaignId, IReadOnlyCollection<int>? FieldIds,
    IncomingFile? Cover, bool RemoveCover);

public sealed record ArticleEditData(
    int Id, int Version, string Title, string Slug, string Summary, string Body, int? CampaignId, IReadOnlyList<int> FieldIds,
    int? CoverImageId, ArticleAdminState State, DateTime? PublishedAt);

/// <summary>The Office's work on news: drafts, edits, publish now or later, unpublish, preview, images in the text.</summary>
public sealed class ArticleAdminService(
    PortalDbContext db, PortalClock clock, HtmlCleaner cleaner, FileService files, UploadOptions uploads, ILogger<ArticleAdminService> logger)
{
    public const int PageSize = 20;

    public async Task<PagedList<ArticleAdminRow>> ListAsync(ArticleAdminFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var now = clock.UtcNow;
        var query = db.Articles.AsNoTracking();
        query = filter.State switch
        {
            ArticleAdminState.Draft => query.Where(a => a.Status == ArticleStatus.Draft),
            ArticleAdminState.Scheduled => query.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt > now),
            ArticleAdminState.Published => query.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now),
            _ => query,
        };

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)
            .Skip((filter.Page - 1) * PageSize).Take(PageSize)
            .Select(a => new { a.Id, a.Title, a.Slug, a.Status, a.PublishedAt, a.UpdatedAt, CampaignTitle = a.Campaign != null ? a.Campaign.Title : null })
            .ToListAsync(cancellationToken);
        var items = rows.Select(a => new ArticleAdminRow(a.Id, a.Title, a.Slug, StateOf(a.Status, a.PublishedAt, now), a.PublishedAt, a.UpdatedAt, a.CampaignTitle)).ToList();
        return new PagedList<ArticleAdminRow>(items, filter.Page, PageSize, total);
    }

    public static ArticleAdminState StateOf(ArticleStatus status, DateTime? publishedAt, DateTime nowUtc) =>
        status == ArticleStatus.Draft ? ArticleAdminState.Draft
        : publishedAt > nowUtc ? ArticleAdminState.Scheduled
        : ArticleAdminState.Published;

    public async Task<ArticleEditData?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var a = await db.Articles.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Id, x.Version, x.Title, x.Slug, x.Summary, x.Body, x.CampaignId, FieldIds = x.Fields.Select(f => f.Id).ToList(), x.CoverImageId, x.Status, x.PublishedAt })
            .FirstOrDefaultAsync(cancellationToken);
        return a is null ? null : new ArticleEditData(
            a.Id, a.Version, a.Title, a.Slug, a.Summary, a.Body, a.CampaignId, a.FieldIds, a.CoverImageId, StateOf(a.Status, a.PublishedAt, clock.UtcNow), a.PublishedAt);
    }

    /// <summary>The article as the public page shows it, whatever its state (for the preview).</summary>
    public async Task<ArticleDetail?> PreviewAsync(int id, CancellationToken cancellationToken = default)
    {
        var a = await db.Articles.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id, x.Title, x.Slug, x.Summary, x.Body, x.PublishedAt, x.CoverImageId,
                CampaignTitle = x.Campaign != null ? x.Campaign.Title : null,
                CampaignSlug = x.Campaign != null ? x.Campaign.Slug : null,
                Fields = x.Fields.OrderBy(f => f.SortOrder).Select(f => new FieldItem(f.Id, f.Name, f.Slug)).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return a is null ? null : new ArticleDetail(
            a.Id, a.Title, a.Slug, a.Summary, a.Body, a.PublishedAt ?? clock.UtcNow, a.CoverImageId, a.CampaignTitle, a.CampaignSlug, a.Fields, []);
    }

    public async Task<IReadOnlyList<FilterOption>> CampaignOptionsAsync(CancellationToken cancellationToken = default) =>
        await db.Campaigns.AsNoTracking().OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id)
            .Select(c => new FilterOption(c.Id.ToString(), c.Title)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<FilterOption>> FieldOptionsAsync(CancellationToken cancellationToken = default) =>
        await db.Fields.AsNoTracking().OrderBy(f => f.SortOrder).ThenBy(f => f.Name)
            .Select(f => new FilterOption(f.Id.ToString(), f.Name)).ToListAsync(cancellationToken);

    public async Task<ServiceResult> CreateAsync(ArticleInput input, CancellationToken cancellationToken = default)
    {
        var now = clock.UtcNow;
        var article = new Article { Status = ArticleStatus.Draft, CreatedAt = now };
        var errors = await ApplyAsync(article, input, cancellationToken);
        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        db.Articles.Add(article);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Ok(article.Id);
    }

    /// <summary>Saves the form over the version it was read at; null when the article does not exist.</summary>
    public async Task<ServiceResult?> UpdateAsync(int id, int version, ArticleInput input, CancellationToken cancellationToken = default)
    {
        var article = await db.Articles.Include(a => a.Fields).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return null;
        }

        var errors = await ApplyAsync(article, input, cancellationToken);
        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        db.ExpectVersion(article, version);
        db.Entry(article).Property(a => a.Version).IsModified = true;
        var conflict = await db.SaveOrConflictAsync(cancellationToken);
        return conflict is null ? ServiceResult.Ok(article.Id) : ServiceResult.NotSaved(conflict);
    }

    /// <summary>Publishes now (null when unknown).</summary>
    public Task<ServiceResult?> PublishNowAsync(int id, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, a => a.Publish(clock.UtcNow), cancellationToken);

    /// <summary>Publishes at a later moment given in the portal's local time (Vietnam), stored as UTC.</summary>
    public async Task<ServiceResult?> ScheduleAsync(int id, DateTime? localTime, CancellationToken cancellationToken = default)
    {
        if (localTime is not { } local)
        {
            return await db.Articles.AnyAsync(a => a.Id == id, cancellationToken)
                ? ServiceResult.Fail(new ServiceError("PublishAt", "Article.ScheduleRequired"))
                : null;
        }

        if (local.Year is < ContentRules.MinYear or > ContentRules.MaxYear)
        {
            return ServiceResult.Fail(new ServiceError("PublishAt", "Content.YearRange", ContentRules.MinYear, ContentRules.MaxYear));
        }

        var utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), clock.Zone);
        if (utc <= clock.UtcNow)
        {
            return ServiceResult.Fail(new ServiceError("PublishAt", "Article.ScheduleInPast"));
        }

        return await ChangeAsync(id, a => a.Publish(utc), cancellationToken);
    }

    /// <summary>Takes the article off the public pages: back to draft.</summary>
    public Task<ServiceResult?> UnpublishAsync(int id, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, a =>
        {
            a.Status = ArticleStatus.Draft;
            a.PublishedAt = null;
        }, cancellationToken);

    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return false;
        }

        db.Articles.Remove(article);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>An image put into an article's text: checked (JPEG/PNG), stored, and its id returned for "/anh/{id}".</summary>
    public async Task<ServiceResult> UploadImageAsync(IncomingFile upload, CancellationToken cancellationToken = default)
    {
        var (file, error) = await IncomingFiles.CheckAsync(upload, "file", uploads, UploadRules.ImageKinds, cancellationToken);
        if (error is not null)
        {
            return ServiceResult.Fail(error);
        }

        var stored = await files.StoreAsync(file!, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Ok(stored.Id);
    }

    private async Task<ServiceResult?> ChangeAsync(int id, Action<Article> change, CancellationToken cancellationToken)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return null;
        }

        change(article);
        article.UpdatedAt = clock.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Article {ArticleId} is now {Status}, published at {PublishedAt}", article.Id, article.Status, article.PublishedAt);
        return ServiceResult.Ok(article.Id);
    }

    private async Task<List<ServiceError>> ApplyAsync(Article article, ArticleInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<ServiceError>();
        var title = VietnameseText.Normalize(input.Title);
        var summary = VietnameseText.Normalize(input.Summary);
        ContentRules.Text(errors, "Title", title, 400, required: true, "Content.Title");
        ContentRules.Text(errors, "Summary", summary, 1000, required: false, "Content.Summary");
        var body = cleaner.Clean(input.Body);
        if (body.Length == 0)
        {
            errors.Add(new ServiceError("Body", "Article.BodyRequired"));
        }

        if (input.CampaignId is { } campaignId && !await db.Campaigns.AnyAsync(c => c.Id == campaignId, cancellationToken))
        {
            errors.Add(new ServiceError("CampaignId", "Article.CampaignUnknown"));
        }

        var fields = await ContentRules.ExistingAsync(errors, db.Fields, (q, ids) => q.Where(f => ids.Contains(f.Id)), input.FieldIds, "FieldIds", "Content.FieldUnknown", cancellationToken);
        var slug = await ContentRules.ResolveSlugAsync(
            errors, db.Articles.Where(a => a.Id != article.Id).Select(a => a.Slug), input.Slug, title, "bai-viet", cancellationToken);

        CheckedFile? cover = null;
        if (input.Cover is not null)
        {
            var (file, error) = await IncomingFiles.CheckAsync(input.Cover, "Cover", uploads, UploadRules.ImageKinds, cancellationToken);
            if (error is not null)
            {
                errors.Add(error);
            }

            cover = file;
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        article.Title = title;
        article.Slug = slug!;
        article.Summary = summary;
        article.Body = body;
        article.CampaignId = input.CampaignId;
        article.UpdatedAt = clock.UtcNow;
        CampaignAdminService.Replace(article.Fields, fields);
        if (cover is not null)
        {
            article.CoverImage = await files.StoreAsync(cover, cancellationToken);
        }
        else if (input.RemoveCover)
        {
            article.CoverImageId = null;
            article.CoverImage = null;
        }

        return errors;
    }
}
