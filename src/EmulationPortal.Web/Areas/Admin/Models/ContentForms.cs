using EmulationPortal.Campaigns;
using EmulationPortal.Common;
using EmulationPortal.Documents;
using EmulationPortal.News;
using EmulationPortal.Web.Models;
using Microsoft.AspNetCore.Http;

namespace EmulationPortal.Web.Areas.Admin.Models;

/// <summary>The campaign form: only the fields it shows. Checks live in CampaignAdminService.</summary>
public sealed class CampaignForm
{
    public int Version { get; set; }

    public string? Title { get; set; }

    public string? Slug { get; set; }

    public CampaignKind Kind { get; set; }

    public CampaignScope Scope { get; set; }

    public string? LaunchedBy { get; set; }

    public DateOnly? LaunchedOn { get; set; }

    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public string? Summary { get; set; }

    public string? Content { get; set; }

    public bool IsFeatured { get; set; }

    public List<int> FieldIds { get; set; } = [];

    public List<int> DocumentIds { get; set; } = [];

    public IFormFile? Cover { get; set; }

    public bool RemoveCover { get; set; }
}

/// <summary>What the campaign page shows besides the form.</summary>
public sealed record CampaignFormPage(int? Id, bool IsPublished, int? CoverImageId, IReadOnlyList<FilterOption> Fields, IReadOnlyList<FilterOption> Documents);

public sealed record CampaignAdminIndexViewModel(PagedList<CampaignAdminRow> Campaigns, string? State, string? Published, bool HasInvalidFilter, AdminPager Pager);

/// <summary>The article form.</summary>
public sealed class ArticleForm
{
    public int Version { get; set; }

    public string? Title { get; set; }

    public string? Slug { get; set; }

    public string? Summary { get; set; }

    public string? Body { get; set; }

    public int? CampaignId { get; set; }

    public List<int> FieldIds { get; set; } = [];

    public IFormFile? Cover { get; set; }

    public bool RemoveCover { get; set; }
}

/// <summary>Publication at a later time, typed in Vietnam time.</summary>
public sealed class ScheduleForm
{
    public DateTime? PublishAt { get; set; }
}

public sealed record ArticleFormPage(
    int? Id, ArticleAdminState State, DateTime? PublishedAt, int? CoverImageId, IReadOnlyList<FilterOption> Campaigns, IReadOnlyList<FilterOption> Fields);

public sealed record ArticleAdminIndexViewModel(PagedList<ArticleAdminRow> Articles, string? State, bool HasInvalidFilter, AdminPager Pager);

/// <summary>The document form; <see cref="Files"/> adds attachments.</summary>
public sealed class DocumentForm
{
    public int Version { get; set; }

    public int? DocumentTypeId { get; set; }

    public string? Number { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public string? Issuer { get; set; }

    public string? Signer { get; set; }

    public string? Abstract { get; set; }

    public string? Recipients { get; set; }

    public List<int> CampaignIds { get; set; } = [];

    public List<IFormFile> Files { get; set; } = [];
}

public sealed record DocumentFormPage(
    int? Id, IReadOnlyList<DocumentAttachmentRow> Attachments, IReadOnlyList<FilterOption> Types, IReadOnlyList<FilterOption> Campaigns, int MaxFileSizeMegabytes);

public sealed record DocumentAdminIndexViewModel(
    PagedList<DocumentListItem> Documents, int? TypeId, int? Year, IReadOnlyList<FilterOption> Types, IReadOnlyList<int> Years, bool HasInvalidFilter, AdminPager Pager);

/// <summary>A confirmation page for a destructive action: what will go, where the POST goes, where "Hủy" leads.</summary>
public sealed record ConfirmViewModel(string Heading, string Question, string ItemText, string Action, string CancelUrl, string Button);


/// <summary>The cover-image block of the campaign and article forms: the current image, if any.</summary>
public sealed record ContentCoverModel(int? CoverImageId);
