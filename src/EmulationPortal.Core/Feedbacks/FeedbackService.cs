using EmulationPortal.Common;
using EmulationPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Feedbacks;

/// <summary>
/// What the public form sends. <paramref name="SignedInUserId"/> is the submitter when signed in; it is dropped,
/// with the contact fields, when <paramref name="IsAnonymous"/> is set. <paramref name="NomineeId"/> is the nominee of a
/// public consultation the report comments on (sent from the link beside the name).
/// </summary>
public sealed record FeedbackSubmission(
    FeedbackCategory Category, int? CampaignId, string? Subject, string? Text, bool IsAnonymous, string? ContactName, string? ContactInfo, string? SignedInUserId,
    int? NomineeId = null);

public sealed record FeedbackListItem(int Id, FeedbackCategory Category, string Subject, string TextStart, string? CampaignTitle, bool IsAnonymous, FeedbackStatus Status, DateTime CreatedAt);

public sealed record FeedbackDetail(
    int Id, FeedbackCategory Category, int? CampaignId, string? CampaignTitle, string Subject, string Text, bool IsAnonymous, string? ContactName,
    string? ContactInfo, string? SubmitterUserName, FeedbackStatus Status, string InternalNote, DateTime CreatedAt, DateTime UpdatedAt, int Version);

/// <summary>The Office's change to a report: the new status and the internal note, at the version the form was read.</summary>
public sealed record FeedbackTriage(FeedbackStatus Status, string? InternalNote, int Version);

/// <summary>Phản ánh: the public form, and the Office's triage. Rate limiting is not done here (yet).</summary>
public sealed class FeedbackService(PortalDbContext db, PortalClock clock)
{
    public const int PageSize = 20;
    public const int MaxTextLength = 4000;
    public const int MaxSubjectLength = 300;
    public const int MaxContactNameLength = 150;
    public const int MaxContactInfoLength = 200;

    /// <summary>Published campaigns a report may concern (id, title), newest first.</summary>
    public async Task<IReadOnlyList<FilterOption>> CampaignOptionsAsync(CancellationToken cancellationToken = default) =>
        (await db.Campaigns.AsNoTracking().Where(c => c.IsPublished)
            .OrderByDescending(c => c.StartsOn).Select(c => new { c.Id, c.Title }).ToListAsync(cancellationToken))
            .Select(c => new FilterOption(c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Title)).ToList();

    public async Task<ServiceResult> SubmitAsync(FeedbackSubmission input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<ServiceError>();
        var text = VietnameseText.Normalize(input.Text).Trim();
        var subject = VietnameseText.Normalize(input.Subject).Trim();
        var contactName = input.IsAnonymous ? string.Empty : VietnameseText.Normalize(input.ContactName).Trim();
        var contactInfo = input.IsAnonymous ? string.Empty : VietnameseText.Normalize(input.ContactInfo).Trim();

        if (!Enum.IsDefined(input.Category))
        {
            errors.Add(new ServiceError("Category", "Feedback.Error.Category"));
        }

        if (text.Length == 0)
        {
            errors.Add(new ServiceError("Text", "Feedback.Error.TextRequired"));
        }
        else if (text.Length > MaxTextLength)
        {
            errors.Add(new ServiceError("Text", "Feedback.Error.TextTooLong", MaxTextLength));
        }

        if (subject.Length > MaxSubjectLength)
        {
            errors.Add(new ServiceError("Subject", "Feedback.Error.SubjectTooLong", MaxSubjectLength));
        }

        if (contactName.Length > MaxContactNameLength)
        {
            errors.Add(new ServiceError("ContactName", "Feedback.Error.ContactNameTooLong", MaxContactNameLength));
        }

        if (contactInfo.Length > MaxContactInfoLength)
        {
            errors.Add(new ServiceError("ContactInfo", "Feedback.Error.ContactInfoTooLong", MaxContactInfoLength));
        }
        else if (contactInfo.Length > 0 && !LooksLikeContact(contactInfo))
        {
            errors.Add(new ServiceError("ContactInfo", "Feedback.Error.ContactInfoInvalid"));
        }

        if (input.CampaignId is { } campaignId && !await db.Campaigns.AnyAsync(c => c.Id == campaignId && c.IsPublished, cancellationToken))
        {
            errors.Add(new ServiceError("CampaignId", "Feedback.Error.UnknownCampaign"));
        }

        if (input.NomineeId is { } nomineeId)
        {
            var today = clock.Today;
            if (!await db.Nominees.AnyAsync(
                n => n.Id == nomineeId && n.Consultation != null && n.Consultation.StartsOn <= today && today <= n.Consultation.EndsOn, cancellationToken))
            {
                errors.Add(new ServiceError(string.Empty, "Feedback.Error.NomineeNotInConsultation"));
            }
        }

        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        var now = clock.UtcNow;
        var feedback = new Feedback
        {
            Category = input.Category,
            CampaignId = input.CampaignId,
            NomineeId = input.NomineeId,
            Subject = subject,
            Text = text,
            IsAnonymous = input.IsAnonymous,

            // Anonymous: nothing that identifies the submitter is kept.
            ContactName = input.IsAnonymous || contactName.Length == 0 ? null : contactName,
            ContactInfo = input.IsAnonymous || contactInfo.Length == 0 ? null : contactInfo,
            SubmittedByUserId = input.IsAnonymous ? null : input.SignedInUserId,
            Status = FeedbackStatus.New,
            CreatedAt = now,
            UpdatedAt = now,
        };
        // The audit log never records who submitted an anonymous report (see AuditRecorder).
        db.Feedbacks.Add(feedback);
        await db.SaveChangesAsync(cancellationToken);

        return ServiceResult.Ok(feedback.Id);
    }

    /// <summary>How many reports have each status (every status present, zero when none).</summary>
    public async Task<IReadOnlyDictionary<FeedbackStatus, int>> CountsAsync(CancellationToken cancellationToken = default)
    {
        var counts = await db.Feedbacks.AsNoTracking().GroupBy(f => f.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return Enum.GetValues<FeedbackStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);
    }

    public async Task<PagedList<FeedbackListItem>> ListAsync(FeedbackStatus? status, int page, CancellationToken cancellationToken = default)
    {
        var query = db.Feedbacks.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(f => f.Status == s);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = (await query
            .OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(f => new FeedbackListItem(
                f.Id, f.Category, f.Subject, f.Text, f.Campaign == null ? null : f.Campaign.Title, f.IsAnonymous, f.Status, f.CreatedAt))
            .ToListAsync(cancellationToken)).Select(Shorten).ToList();
        return new PagedList<FeedbackListItem>(items, page, PageSize, total);
    }

    /// <summary>Reports still waiting for the Office (new or being handled), oldest first.</summary>
    public async Task<IReadOnlyList<FeedbackListItem>> OpenAsync(int count, CancellationToken cancellationToken = default) =>
        (await db.Feedbacks.AsNoTracking()
            .Where(f => f.Status == FeedbackStatus.New || f.Status == FeedbackStatus.Handling)
            .OrderBy(f => f.CreatedAt).Take(count)
            .Select(f => new FeedbackListItem(
                f.Id, f.Category, f.Subject, f.Text, f.Campaign == null ? null : f.Campaign.Title, f.IsAnonymous, f.Status, f.CreatedAt))
            .ToListAsync(cancellationToken)).Select(Shorten).ToList();

    public async Task<FeedbackDetail?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var row = await db.Feedbacks.AsNoTracking().Where(f => f.Id == id)
            .Select(f => new
            {
                f.Id, f.Category, f.CampaignId, CampaignTitle = f.Campaign == null ? null : f.Campaign.Title, f.Subject, f.Text, f.IsAnonymous,
                f.ContactName, f.ContactInfo, f.SubmittedByUserId, f.Status, f.InternalNote, f.CreatedAt, f.UpdatedAt, f.Version,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var userName = row.SubmittedByUserId is null
            ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == row.SubmittedByUserId).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken);
        return new FeedbackDetail(
            row.Id, row.Category, row.CampaignId, row.CampaignTitle, row.Subject, row.Text, row.IsAnonymous, row.ContactName, row.ContactInfo,
            userName, row.Status, row.InternalNote, row.CreatedAt, row.UpdatedAt, row.Version);
    }

    /// <summary>Whether a status may follow another: new → handling → answered/closed; answered → closed; closed reopens to handling.</summary>
    public static bool CanMove(FeedbackStatus from, FeedbackStatus to) => from == to || (from, to) switch
    {
        (FeedbackStatus.New, FeedbackStatus.Handling) => true,
        (FeedbackStatus.New, FeedbackStatus.Closed) => true,
        (FeedbackStatus.Handling, FeedbackStatus.Answered) => true,
        (FeedbackStatus.Handling, FeedbackStatus.Closed) => true,
        (FeedbackStatus.Answered, FeedbackStatus.Closed) => true,
        (FeedbackStatus.Answered, FeedbackStatus.Handling) => true,
        (FeedbackStatus.Closed, FeedbackStatus.Handling) => true,
        _ => false,
    };

    public async Task<ServiceResult> TriageAsync(int id, FeedbackTriage input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var feedback = await db.Feedbacks.FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (feedback is null)
        {
            return ServiceResult.NotSaved(new ConcurrencyConflict(-1, new Dictionary<string, string?>()));
        }

        var note = VietnameseText.Normalize(input.InternalNote).Trim();
        var errors = new List<ServiceError>();
        if (!Enum.IsDefined(input.Status))
        {
            errors.Add(new ServiceError("Status", "Feedback.Error.Status"));
        }
        else if (!CanMove(feedback.Status, input.Status))
        {
            errors.Add(new ServiceError("Status", "Feedback.Error.StatusMove"));
        }

        if (note.Length > MaxTextLength)
        {
            errors.Add(new ServiceError("InternalNote", "Feedback.Error.NoteTooLong", MaxTextLength));
        }

        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        db.ExpectVersion(feedback, input.Version);
        feedback.Status = input.Status;
        feedback.InternalNote = note;
        feedback.UpdatedAt = clock.UtcNow;
        var conflict = await db.SaveOrConflictAsync(cancellationToken);
        return conflict is null ? ServiceResult.Ok(feedback.Id) : ServiceResult.NotSaved(conflict);
    }

    private static FeedbackListItem Shorten(FeedbackListItem item) =>
        item.TextStart.Length > 160 ? item with { TextStart = string.Concat(item.TextStart.AsSpan(0, 160), "…") } : item;

    /// <summary>An e-mail address or a phone number (digits, spaces, dots, dashes, parentheses, a leading +).</summary>
    private static bool LooksLikeContact(string value)
    {
        if (value.Contains('@', StringComparison.Ordinal))
        {
            var at = value.IndexOf('@', StringComparison.Ordinal);
            return at > 0 && at < value.Length - 3 && value.IndexOf('.', at) > at + 1 && !value.Any(char.IsWhiteSpace);
        }

        var digits = value.Count(char.IsAsciiDigit);
        return digits is >= 8 and <= 15 && value.All(c => char.IsAsciiDigit(c) || c is ' ' or '.' or '-' or '(' or ')' or '+');
    }
}
