using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Files;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Campaigns;

public sealed record CampaignAdminFilter(bool? Published = null, CampaignState? State = null, int Page = 1);

public sealed record CampaignAdminRow(int Id, string Title, string Slug, CampaignKind Kind, DateOnly StartsOn, DateOnly? EndsOn, bool IsPublished, bool IsFeatured);

/// <summary>What the campaign form sends (already bound and trimmed by the web layer).</summary>
public sealed record CampaignInput(
    string? Title, string? Slug, CampaignKind Kind, CampaignScope Scope, string? LaunchedBy, DateOnly? LaunchedOn,
    DateOnly? StartsOn, DateOnly? EndsOn, string? Summary, string? Content, bool IsFeatured,
    IReadOnlyCollection<int>? FieldIds, IReadOnlyCollection<int>? DocumentIds, IncomingFile? Cover, bool RemoveCover);

/// <summary>A campaign as its edit form shows it.</summary>
public sealed record CampaignEditData(
    int Id, int Version, string Title, string Slug, CampaignKind Kind, CampaignScope Scope, string LaunchedBy, DateOnly? LaunchedOn,
    DateOnly StartsOn, DateOnly? EndsOn, string Summary, string Content, bool IsFeatured, bool IsPublished, int? CoverImageId,
    IReadOnlyList<int> FieldIds, IReadOnlyList<int> DocumentIds);

/// <summary>The Office's work on campaigns: drafts, edits, launch (phát động), close, delete.</summary>
public sealed class CampaignAdminService(PortalDbContext db, PortalClock clock, HtmlCleaner cleaner, FileService files, UploadOptions uploads)
{
    public const int PageSize = 20;

    public async Task<PagedList<CampaignAdminRow>> ListAsync(CampaignAdminFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var today = clock.Today;
        var query = db.Campaigns.AsNoTracking();
        if (filter.Published is { } published)
        {
            query = query.Where(c => c.IsPublished == published);
        }

        query = filter.State switch
        {
            CampaignState.Upcoming => query.Where(c => c.StartsOn > today),
            CampaignState.Running => query.Where(c => c.StartsOn <= today && (c.EndsOn == null || c.EndsOn >= today)),
            CampaignState.Ended => query.Where(c => c.EndsOn != null && c.EndsOn < today),
            _ => query,
        };

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id)
            .Skip((filter.Page - 1) * PageSize).Take(PageSize)
            .Select(c => new CampaignAdminRow(c.Id, c.Title, c.Slug, c.Kind, c.StartsOn, c.EndsOn, c.IsPublished, c.IsFeatured))
            .ToListAsync(cancellationToken);
        return new PagedList<CampaignAdminRow>(items, filter.Page, PageSize, total);
    }

    public async Task<CampaignEditData?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Campaigns.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new CampaignEditData(
                c.Id, c.Version, c.Title, c.Slug, c.Kind, c.Scope, c.LaunchedBy, c.LaunchedOn, c.StartsOn, c.EndsOn, c.Summary, c.Content,
                c.IsFeatured, c.IsPublished, c.CoverImageId,
                c.Fields.Select(f => f.Id).ToList(), c.Documents.Select(d => d.Id).ToList()))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<FilterOption>> FieldOptionsAsync(CancellationToken cancellationToken = default) =>
        await db.Fields.AsNoTracking().OrderBy(f => f.SortOrder).ThenBy(f => f.Name)
            .Select(f => new FilterOption(f.Id.ToString(), f.Name)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<FilterOption>> DocumentOptionsAsync(CancellationToken cancellationToken = default) =>
        await db.Documents.AsNoTracking().OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id)
            .Select(d => new FilterOption(d.Id.ToString(), d.Number + " – " + d.Abstract)).ToListAsync(cancellationToken);

    public async Task<ServiceResult> CreateAsync(CampaignInput input, CancellationToken cancellationToken = default)
    {
        var campaign = new Campaign();
        var errors = await ApplyAsync(campaign, input, cancellationToken);
        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Ok(campaign.Id);
    }

    /// <summary>Saves the form over the version it was read at; null when the campaign does not exist.</summary>
    public async Task<ServiceResult?> UpdateAsync(int id, int version, CampaignInput input, CancellationToken cancellationToken = default)
    {
        var campaign = await db.Campaigns.Include(c => c.Fields).Include(c => c.Documents).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var errors = await ApplyAsync(campaign, input, cancellationToken);
        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        db.ExpectVersion(campaign, version);
        db.Entry(campaign).Property(c => c.Version).IsModified = true;
        var conflict = await db.SaveOrConflictAsync(cancellationToken);
        return conflict is null ? ServiceResult.Ok(campaign.Id) : ServiceResult.NotSaved(conflict);
    }

    /// <summary>Phát động: shows the campaign to staff; the launch date defaults to today.</summary>
    public async Task<bool> LaunchAsync(int id, CancellationToken cancellationToken = default)
    {
        var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return false;
        }

        campaign.IsPublished = true;
        campaign.LaunchedOn ??= clock.Today;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Ends the campaign today (when it would end later or has no end); null when it does not exist.</summary>
    public async Task<ServiceResult?> CloseAsync(int id, CancellationToken cancellationToken = default)
    {
        var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var today = clock.Today;
        if (campaign.StartsOn > today)
        {
            return ServiceResult.Fail(new ServiceError(string.Empty, "Campaign.CloseNotStarted"));
        }

        if (campaign.EndsOn is null || campaign.EndsOn > today)
        {
            campaign.EndsOn = today;
            await db.SaveChangesAsync(cancellationToken);
        }

        return ServiceResult.Ok(campaign.Id);
    }

    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return false;
        }

        db.Campaigns.Remove(campaign);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<List<ServiceError>> ApplyAsync(Campaign campaign, CampaignInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<ServiceError>();
        var title = VietnameseText.Normalize(input.Title);
        var launchedBy = VietnameseText.Normalize(input.LaunchedBy);
        var summary = VietnameseText.Normalize(input.Summary);
        ContentRules.Text(errors, "Title", title, 400, required: true, "Content.Title");
        ContentRules.Text(errors, "LaunchedBy", launchedBy, 200, required: false, "Campaign.LaunchedBy");
        ContentRules.Text(errors, "Summary", summary, 1000, required: false, "Content.Summary");
        if (!Enum.IsDefined(input.Kind))
        {
            errors.Add(new ServiceError("Kind", "Campaign.KindUnknown"));
        }

        if (!Enum.IsDefined(input.Scope))
        {
            errors.Add(new ServiceError("Scope", "Campaign.ScopeUnknown"));
        }

        if (input.StartsOn is not { } startsOn)
        {
            errors.Add(new ServiceError("StartsOn", "Campaign.StartsOnRequired"));
        }
        else if (!ContentRules.IsYearInRange(startsOn))
        {
            errors.Add(new ServiceError("StartsOn", "Content.YearRange", ContentRules.MinYear, ContentRules.MaxYear));
        }

        if (input.EndsOn is { } endsOn)
        {
            if (!ContentRules.IsYearInRange(endsOn))
            {
                errors.Add(new ServiceError("EndsOn", "Content.YearRange", ContentRules.MinYear, ContentRules.MaxYear));
            }
            else if (input.StartsOn is { } start && endsOn < start)
            {
                errors.Add(new ServiceError("EndsOn", "Campaign.EndBeforeStart"));
            }
        }

        if (input.LaunchedOn is { } launchedOn && !ContentRules.IsYearInRange(launchedOn))
        {
            errors.Add(new ServiceError("LaunchedOn", "Content.YearRange", ContentRules.MinYear, ContentRules.MaxYear));
        }

        var fields = await ContentRules.ExistingAsync(errors, db.Fields, (q, ids) => q.Where(f => ids.Contains(f.Id)), input.FieldIds, "FieldIds", "Content.FieldUnknown", cancellationToken);
        var documents = await ContentRules.ExistingAsync(errors, db.Documents, (q, ids) => q.Where(d => ids.Contains(d.Id)), input.DocumentIds, "DocumentIds", "Campaign.DocumentUnknown", cancellationToken);
        var slug = await ContentRules.ResolveSlugAsync(
            errors, db.Campaigns.Where(c => c.Id != campaign.Id).Select(c => c.Slug), input.Slug, title, "phong-trao", cancellationToken);

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

        campaign.Title = title;
        campaign.Slug = slug!;
        campaign.Kind = input.Kind;
        campaign.Scope = input.Scope;
        campaign.LaunchedBy = launchedBy;
        campaign.LaunchedOn = input.LaunchedOn;
        campaign.StartsOn = input.StartsOn!.Value;
        campaign.EndsOn = input.EndsOn;
        campaign.Summary = summary;
        campaign.Content = cleaner.Clean(input.Content);
        campaign.IsFeatured = input.IsFeatured;
        Replace(campaign.Fields, fields);
        Replace(campaign.Documents, documents);
        if (cover is not null)
        {
            campaign.CoverImage = await files.StoreAsync(cover, cancellationToken);
        }
        else if (input.RemoveCover)
        {
            campaign.CoverImageId = null;
            campaign.CoverImage = null;
        }

        return errors;
    }

    internal static void Replace<T>(ICollection<T> current, IReadOnlyCollection<T> wanted)
        where T : class
    {
        foreach (var item in current.Where(c => !wanted.Contains(c)).ToList())
        {
            current.Remove(item);
        }

        foreach (var item in wanted.Where(w => !current.Contains(w)))
        {
            current.Add(item);
        }
    }
}
