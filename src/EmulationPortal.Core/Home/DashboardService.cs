using EmulationPortal.Audit;
using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Feedbacks;
using EmulationPortal.News;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Home;

public sealed record DashboardCounts(
    int CampaignsRunning, int CampaignsDraft, int ArticlesPublished, int ArticlesDraft, int ArticlesScheduled, int Documents,
    int CommendationsThisYear, int Year, int OpenFeedback);

/// <summary>An article waiting: a draft (last change) or a scheduled one (its publication time).</summary>
public sealed record DashboardArticle(int Id, string Title, DateTime At);

public sealed record Dashboard(
    DashboardCounts Counts,
    IReadOnlyList<DashboardArticle> Drafts,
    IReadOnlyList<DashboardArticle> Scheduled,
    IReadOnlyList<AuditListItem> RecentActivity,
    IReadOnlyList<FeedbackListItem> OpenFeedback);

/// <summary>
/// What the admin dashboard shows: counts, what waits for an editor, the latest activity and open reports. Activity on
/// accounts (sign-ins, user and role changes) is shown to administrators only, as the audit log is theirs.
/// </summary>
public sealed class DashboardService(PortalDbContext db, PortalClock clock, AuditQueryService audit, FeedbackService feedback)
{
    public const int ListSize = 8;

    public async Task<Dashboard> GetAsync(bool includeAccountActivity, CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        var now = clock.UtcNow;
        var campaigns = db.Campaigns.AsNoTracking();
        var articles = db.Articles.AsNoTracking();
        var counts = new DashboardCounts(
            CampaignsRunning: await campaigns.CountAsync(c => c.IsPublished && c.StartsOn <= today && (c.EndsOn == null || c.EndsOn >= today), cancellationToken),
            CampaignsDraft: await campaigns.CountAsync(c => !c.IsPublished, cancellationToken),
            ArticlesPublished: await articles.CountAsync(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now, cancellationToken),
            ArticlesDraft: await articles.CountAsync(a => a.Status == ArticleStatus.Draft, cancellationToken),
            ArticlesScheduled: await articles.CountAsync(a => a.Status == ArticleStatus.Published && a.PublishedAt > now, cancellationToken),
            Documents: await db.Documents.AsNoTracking().CountAsync(cancellationToken),
            CommendationsThisYear: await db.Commendations.AsNoTracking().CountAsync(c => c.Year == today.Year, cancellationToken),
            Year: today.Year,
            OpenFeedback: await db.Feedbacks.AsNoTracking().CountAsync(f => f.Status == FeedbackStatus.New || f.Status == FeedbackStatus.Handling, cancellationToken));

        var drafts = await articles.Where(a => a.Status == ArticleStatus.Draft)
            .OrderByDescending(a => a.UpdatedAt).Take(ListSize)
            .Select(a => new DashboardArticle(a.Id, a.Title, a.UpdatedAt)).ToListAsync(cancellationToken);
        var scheduled = await articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt > now)
            .OrderBy(a => a.PublishedAt).Take(ListSize)
            .Select(a => new DashboardArticle(a.Id, a.Title, a.PublishedAt!.Value)).ToListAsync(cancellationToken);
        var activity = await audit.LatestAsync(ListSize, includeAccountActivity, cancellationToken);
        var open = await feedback.OpenAsync(ListSize, cancellationToken);
        return new Dashboard(counts, drafts, scheduled, activity, open);
    }
}
