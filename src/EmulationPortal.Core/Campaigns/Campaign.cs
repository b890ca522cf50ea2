using EmulationPortal.Common;
using EmulationPortal.Documents;
using EmulationPortal.Fields;
using EmulationPortal.Files;

namespace EmulationPortal.Campaigns;

/// <summary>Thường xuyên (year-round) or theo chuyên đề (one goal, fixed period).</summary>
public enum CampaignKind
{
    Regular = 0,
    Thematic = 1,
}

/// <summary>Who the campaign reaches: launched nationally, by the province, or by the department itself.</summary>
public enum CampaignScope
{
    National = 0,
    Provincial = 1,
    Department = 2,
}

/// <summary>Computed from the dates, never stored.</summary>
public enum CampaignState
{
    Upcoming = 0,
    Running = 1,
    Ended = 2,
}

/// <summary>Phong trào thi đua.</summary>
public class Campaign : IVersioned
{
    public int Id { get; set; }

    public int Version { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Slug { get; set; } = string.Empty;

    public CampaignKind Kind { get; set; }

    public CampaignScope Scope { get; set; }

    /// <summary>The authority that launched it (phát động).</summary>
    public string LaunchedBy { get; set; } = string.Empty;

    public DateOnly? LaunchedOn { get; set; }

    public DateOnly StartsOn { get; set; }

    /// <summary>Null for a regular campaign that runs on without a set end.</summary>
    public DateOnly? EndsOn { get; set; }

    public string Summary { get; set; } = string.Empty;

    /// <summary>Sanitized HTML.</summary>
    public string Content { get; set; } = string.Empty;

    public bool IsFeatured { get; set; }

    /// <summary>A campaign is drafted in the admin area and shown to staff once launched (phát động).</summary>
    public bool IsPublished { get; set; }

    public int? CoverImageId { get; set; }

    public StoredFile? CoverImage { get; set; }

    public ICollection<Field> Fields { get; set; } = [];

    public ICollection<Document> Documents { get; set; } = [];

    public CampaignState StateOn(DateOnly today) => StateOf(StartsOn, EndsOn, today);

    public static CampaignState StateOf(DateOnly startsOn, DateOnly? endsOn, DateOnly today) =>
        today < startsOn ? CampaignState.Upcoming
        : endsOn is { } end && today > end ? CampaignState.Ended
        : CampaignState.Running;
}
