using EmulationPortal.Data;
using EmulationPortal.Documents;
using EmulationPortal.News;
using EmulationPortal.Participation;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Files;

/// <summary>
/// Which stored images "/anh/{id}" may show to whom. Anyone: the cover of a published article or campaign, an
/// honoree's photo, the organisation's logo, and an image put into an article's text (it belongs to nothing else).
/// Staff who edit content also see the covers of drafts (their previews). Never, by id: a JPEG/PNG attached to a
/// unit's report, a proposal dossier, a council's minutes or a decision — those are private and are only downloaded
/// through their own checked pages.
/// </summary>
public sealed class ImageAccess(PortalDbContext db, TimeProvider clock)
{
    public async Task<AttachmentDownload?> FindAsync(int fileId, bool canSeeDrafts, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var images = db.StoredFiles.AsNoTracking()
            .Where(f => f.Id == fileId && (f.ContentType == "image/jpeg" || f.ContentType == "image/png"));

        // Attached to something private: never by id, whoever asks.
        images = images.Where(f =>
            !db.Set<ProgressReportAttachment>().Any(a => a.StoredFileId == f.Id)
            && !db.ProposalDocuments.Any(d => d.StoredFileId == f.Id)
            && !db.CouncilSessions.Any(s => s.MinutesFileId == f.Id)
            && !db.AwardDecisions.Any(d => d.SignedFileId == f.Id)
            && !db.DocumentAttachments.Any(a => a.StoredFileId == f.Id));

        if (!canSeeDrafts)
        {
            images = images.Where(f =>
                db.Articles.Any(a => a.CoverImageId == f.Id && a.Status == ArticleStatus.Published && a.PublishedAt <= now)
                || db.Campaigns.Any(c => c.CoverImageId == f.Id && c.IsPublished)
                || db.Commendations.Any(c => c.PhotoId == f.Id)
                || db.OrganisationSettings.Any(o => o.LogoId == f.Id)
                || (!db.Articles.Any(a => a.CoverImageId == f.Id) && !db.Campaigns.Any(c => c.CoverImageId == f.Id)));
        }

        return await images
            .Select(f => new AttachmentDownload(f.OriginalName, f.ContentType, f.Size, f.StorageKey))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
