using EmulationPortal.Accounts;
using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Honors;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Proposals;

/// <summary>Filters of the Office's inbox; null: any.</summary>
public sealed record ProposalInboxFilter(ProposalStatus? Status, int? Year, int? UnitId, ProposalKind? Kind, int Page = 1, int PageSize = 20);

/// <summary>A line of the Office's inbox.</summary>
public sealed record ProposalInboxRow(
    int Id, string Title, string UnitName, ProposalKind Kind, int Year, ProposalStatus Status, int NomineeCount, DateTime? SubmittedAt, DateTime UpdatedAt);

public sealed record ProposalNomineeRow(
    int Id, int Version, RecipientKind RecipientKind, string Name, string? Position, string AwardTypeName, string Achievement, NomineeOutcome Outcome, string? OutcomeReason);

public sealed record ProposalDocumentRow(int Id, ProposalDocumentKind Kind, string Title, string FileName, long Size, int? NomineeId, string? NomineeName, DateTime UploadedAt);

public sealed record ProposalHistoryRow(ProposalAction Action, ProposalStatus From, ProposalStatus To, string UserName, string? Reason, DateTime At);

public sealed record ProposalNoticeRow(string Text, DateTime CreatedAt, DateTime? ReadAt);

/// <summary>One proposal as the Office sees it, with the moves the user may take now.</summary>
public sealed record ProposalDetails(
    int Id,
    int Version,
    string Title,
    int UnitId,
    string UnitName,
    ProposalKind Kind,
    int Year,
    string? CampaignTitle,
    ProposalStatus Status,
    string CoverText,
    DateTime CreatedAt,
    DateTime? SubmittedAt,
    DateTime UpdatedAt,
    ProposalSteps Steps,
    IReadOnlyList<ProposalNomineeRow> Nominees,
    IReadOnlyList<ProposalDocumentRow> Documents,
    IReadOnlyList<ProposalHistoryRow> History,
    IReadOnlyList<ProposalNoticeRow> Notices,
    IReadOnlyList<ProposalTransitionRule> Moves);

/// <summary>A stored dossier file to send to the user.</summary>
public sealed record ProposalFile(string StorageKey, string FileName, string ContentType);

/// <summary>
/// The Office's side of proposals: the inbox (every unit's proposals once submitted; drafts stay the unit's own), one
/// proposal's details, and the specialist's appraisal writes (exclude a nominee with a reason, restore it).
/// </summary>
public sealed class ProposalOfficeService(PortalDbContext db, PortalClock clock)
{
    public const int ReasonMaxLength = 2000;

    /// <summary>Statuses the Office sees: everything but the unit's drafts.</summary>
    public static IReadOnlyList<ProposalStatus> InboxStatuses { get; } =
        Enum.GetValues<ProposalStatus>().Where(s => s != ProposalStatus.Draft).ToList();

    public async Task<PagedList<ProposalInboxRow>> InboxAsync(ProposalInboxFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = Filtered(filter.Year, filter.UnitId, filter.Kind);
        if (filter.Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }

        var pageSize = Math.Clamp(filter.PageSize, 1, 100);
        var total = await query.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        var page = Math.Clamp(filter.Page, 1, pages);
        var items = await query
            .OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new ProposalInboxRow(
                p.Id, p.Title, p.Unit!.Name, p.Kind, p.Year, p.Status, p.Nominees.Count(n => n.Outcome != NomineeOutcome.Excluded), p.SubmittedAt, p.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new PagedList<ProposalInboxRow>(items, page, pageSize, total);
    }

    /// <summary>How many proposals each status holds under the other filters (for the tabs); every inbox status is present.</summary>
    public async Task<IReadOnlyDictionary<ProposalStatus, int>> CountsAsync(int? year, int? unitId, ProposalKind? kind, CancellationToken cancellationToken = default)
    {
        var counts = await Filtered(year, unitId, kind)
            .GroupBy(p => p.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return InboxStatuses.ToDictionary(s => s, s => counts.GetValueOrDefault(s));
    }

    /// <summary>The years and units that have proposals in the inbox (for the filters).</summary>
    public async Task<(IReadOnlyList<int> Years, IReadOnlyList<(int Id, string Name)> Units)> FilterChoicesAsync(CancellationToken cancellationToken = default)
    {
        var years = await db.Proposals.AsNoTracking().Where(p => p.Status != ProposalStatus.Draft)
            .Select(p => p.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive || db.Proposals.Any(p => p.UnitId == u.Id))
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new { u.Id, u.Name })
            .ToListAsync(cancellationToken);
        return (years, units.Select(u => (u.Id, u.Name)).ToList());
    }

    /// <summary>One proposal with its nominees, dossier, history and notices; null when it does not exist or is still a draft.</summary>
    public async Task<ProposalDetails?> GetAsync(int id, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var proposal = await db.Proposals.AsNoTracking()
            .Include(p => p.Unit)
            .Include(p => p.Campaign)
            .Include(p => p.Nominees).ThenInclude(n => n.AwardType)
            .Include(p => p.Nominees).ThenInclude(n => n.StaffMember)
            .Include(p => p.Nominees).ThenInclude(n => n.Unit)
            .Include(p => p.Documents).ThenInclude(d => d.StoredFile)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == id && p.Status != ProposalStatus.Draft, cancellationToken);
        if (proposal is null)
        {
            return null;
        }

        var nominees = proposal.Nominees.OrderBy(n => n.SortOrder).ThenBy(n => n.Id)
            .Select(n => new ProposalNomineeRow(
                n.Id,
                n.Version,
                n.RecipientKind,
                NameOf(n),
                n.StaffMember?.Position,
                n.AwardType?.Name ?? string.Empty,
                n.Achievement,
                n.Outcome,
                n.OutcomeReason))
            .ToList();
        var names = nominees.ToDictionary(n => n.Id, n => n.Name);
        var documents = proposal.Documents.OrderBy(d => d.Kind).ThenBy(d => d.UploadedAt).ThenBy(d => d.Id)
            .Select(d => new ProposalDocumentRow(
                d.Id, d.Kind, d.Title, d.StoredFile?.OriginalName ?? string.Empty, d.StoredFile?.Size ?? 0, d.NomineeId,
                d.NomineeId is { } nid ? names.GetValueOrDefault(nid) : null, d.UploadedAt))
            .ToList();
        var history = await db.ProposalTransitions.AsNoTracking().Where(t => t.ProposalId == id)
            .OrderBy(t => t.At).ThenBy(t => t.Id)
            .Select(t => new ProposalHistoryRow(t.Action, t.From, t.To, t.UserName, t.Reason, t.At))
            .ToListAsync(cancellationToken);
        var notices = await db.UnitNotices.AsNoTracking().Where(n => n.ProposalId == id)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Select(n => new ProposalNoticeRow(n.Text, n.CreatedAt, n.ReadAt))
            .ToListAsync(cancellationToken);

        return new ProposalDetails(
            proposal.Id, proposal.Version, proposal.Title, proposal.UnitId, proposal.Unit?.Name ?? string.Empty, proposal.Kind, proposal.Year,
            proposal.Campaign?.Title, proposal.Status, proposal.CoverText, proposal.CreatedAt, proposal.SubmittedAt, proposal.UpdatedAt,
            ProposalWorkflowService.StepsOf(proposal), nominees, documents, history, notices,
            ProposalWorkflowService.AvailableTo(proposal, actor));
    }

    /// <summary>A dossier file of a proposal the Office can see, or null.</summary>
    public async Task<ProposalFile?> DocumentAsync(int proposalId, int documentId, CancellationToken cancellationToken = default) =>
        await db.ProposalDocuments.AsNoTracking()
            .Where(d => d.Id == documentId && d.ProposalId == proposalId && d.Proposal!.Status != ProposalStatus.Draft)
            .Select(d => new ProposalFile(d.StoredFile!.StorageKey, d.StoredFile.OriginalName, d.StoredFile.ContentType))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Leaves a nominee out at appraisal (specialist, while under appraisal, with a reason); the rest of the proposal goes on.</summary>
    public Task<MoveResult> ExcludeNomineeAsync(int proposalId, int nomineeId, int version, string? reason, WorkflowActor actor, CancellationToken cancellationToken = default) =>
        SetOutcomeAsync(proposalId, nomineeId, version, reason, actor, exclude: true, cancellationToken);

    /// <summary>Takes an excluded nominee back into the proposal (specialist, while under appraisal).</summary>
    public Task<MoveResult> RestoreNomineeAsync(int proposalId, int nomineeId, int version, WorkflowActor actor, CancellationToken cancellationToken = default) =>
        SetOutcomeAsync(proposalId, nomineeId, version, null, actor, exclude: false, cancellationToken);

    private async Task<MoveResult> SetOutcomeAsync(
        int proposalId, int nomineeId, int version, string? reason, WorkflowActor actor, bool exclude, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var nominee = await db.Nominees.Include(n => n.Proposal)
            .FirstOrDefaultAsync(n => n.Id == nomineeId && n.ProposalId == proposalId && n.Proposal!.Status != ProposalStatus.Draft, cancellationToken);
        if (nominee?.Proposal is null)
        {
            return MoveResult.Of(MoveOutcome.NotFound);
        }

        if (!actor.IsInRole(Roles.Specialist))
        {
            return MoveResult.Of(MoveOutcome.Forbidden, new ServiceError(string.Empty, "Proposal.Move.WrongRole"));
        }

        if (nominee.Version != version)
        {
            return MoveResult.Of(MoveOutcome.Conflict, new ServiceError(string.Empty, "Proposal.Move.Stale"));
        }

        if (nominee.Proposal.Status != ProposalStatus.UnderAppraisal
            || (exclude ? nominee.Outcome != NomineeOutcome.Pending : nominee.Outcome != NomineeOutcome.Excluded))
        {
            return MoveResult.Of(MoveOutcome.Conflict, new ServiceError(string.Empty, "Proposal.Nominee.NotNow"));
        }

        var text = reason?.Trim();
        if (exclude && string.IsNullOrEmpty(text))
        {
            return MoveResult.Of(MoveOutcome.Invalid, new ServiceError("Reason", "Proposal.Move.ReasonRequired"));
        }

        if (text is { Length: > ReasonMaxLength })
        {
            return MoveResult.Of(MoveOutcome.Invalid, new ServiceError("Reason", "Proposal.Move.ReasonTooLong", ReasonMaxLength));
        }

        db.ExpectVersion(nominee, version);
        nominee.Outcome = exclude ? NomineeOutcome.Excluded : NomineeOutcome.Pending;
        nominee.OutcomeReason = exclude ? text : null;
        nominee.Proposal.UpdatedAt = clock.UtcNow;
        if (await db.SaveOrConflictAsync(cancellationToken) is not null)
        {
            return MoveResult.Of(MoveOutcome.Conflict, new ServiceError(string.Empty, "Proposal.Move.Stale"));
        }

        return new MoveResult(MoveOutcome.Done, nominee.Proposal.Status, []);
    }

    private IQueryable<Proposal> Filtered(int? year, int? unitId, ProposalKind? kind)
    {
        var query = db.Proposals.AsNoTracking().Where(p => p.Status != ProposalStatus.Draft);
        if (year is { } y)
        {
            query = query.Where(p => p.Year == y);
        }

        if (unitId is { } u)
        {
            query = query.Where(p => p.UnitId == u);
        }

        if (kind is { } k)
        {
            query = query.Where(p => p.Kind == k);
        }

        return query;
    }

    private static string NameOf(Nominee nominee) =>
        nominee.RecipientKind == RecipientKind.Collective ? nominee.Unit?.Name ?? string.Empty : nominee.StaffMember?.FullName ?? string.Empty;
}
