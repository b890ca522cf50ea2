using EmulationPortal.Campaigns;
using EmulationPortal.Common;
using EmulationPortal.Fields;
using EmulationPortal.Files;

namespace EmulationPortal.News;

public enum ArticleStatus
{
    Draft = 0,
    Published = 1,
}

/// <summary>Tin bài: a news article.</summary>
public class Article : IVersioned
{
    public int Id { get; set; }

    public int Version { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Slug { get; set; } = string.Empty;

    public string Summary { get; set; } = string.Empty;

    /// <summary>Sanitized HTML; never stored unsanitized.</summary>
    public string Body { get; set; } = string.Empty;

    public int? CoverImageId { get; set; }

    public StoredFile? CoverImage { get; set; }

    public int? CampaignId { get; set; }

    public Campaign? Campaign { get; set; }

    public ICollection<Field> Fields { get; set; } = [];

    public ArticleStatus Status { get; set; }

    /// <summary>UTC; an article dated in the future stays hidden until then.</summary>
    public DateTime? PublishedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public void Publish(DateTime atUtc)
    {
        Status = ArticleStatus.Published;
        PublishedAt = DateTime.SpecifyKind(atUtc, DateTimeKind.Utc);
    }

    public bool IsVisibleAt(DateTime nowUtc) => Status == ArticleStatus.Published && PublishedAt <= nowUtc;
}
