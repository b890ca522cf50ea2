using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Files;
using EmulationPortal.Honors;
using EmulationPortal.Organisation;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Proposals;

/// <summary>What the create and header forms post.</summary>
public sealed class ProposalForm
{
    public ProposalKind Kind { get; set; }

    public int? Year { get; set; }

    public int? CampaignId { get; set; }

    public string? Title { get; set; }

    public string? CoverText { get; set; }

    public int Version { get; set; }
}

/// <summary>What the nominee form posts: a staff member or a unit, the award type and the achievement.</summary>
public sealed class NomineeForm
{
    public RecipientKind Kind { get; set; }

    public int? StaffMemberId { get; set; }

    public int? UnitId { get; set; }

    public int? AwardTypeId { get; set; }

    public string? Achievement { get; set; }

    public int Version { get; set; }
}

public sealed record ProposalRow(int Id, string Title, ProposalKind Kind, int Year, ProposalStatus Status, int NomineeCount, DateTime UpdatedAt);

public sealed record NoticeRow(long Id, int? ProposalId, string Text, DateTime CreatedAt, bool IsRead);

public sealed record NomineeRow(
    int Id, int Version, RecipientKind Kind, int? StaffMemberId, int? UnitId, string Name, string UnitName, bool IsFemale, int AwardTypeId,
    string AwardName, string Achievement, NomineeOutcome Outcome, string? OutcomeReason);

public sealed record DocumentRow(int Id, ProposalDocumentKind Kind, int? NomineeId, string Title, string FileName, long Size, DateTime UploadedAt);

public sealed record TransitionRow(ProposalAction Action, ProposalStatus From, ProposalStatus To, string? Reason, string UserName, DateTime At);

public sealed record UnitProposalDetails(
    int Id, int Version, int UnitId, string UnitName, ProposalKind Kind, int Year, int? CampaignId, string? CampaignTitle, string Title,
    string CoverText, ProposalStatus Status, DateTime CreatedAt, DateTime? SubmittedAt, IReadOnlyList<NomineeRow> Nominees,
    IReadOnlyList<DocumentRow> Documents, IReadOnlyList<TransitionRow> History)
{
    public bool IsEditable => ProposalStateMachine.IsEditableByUnit(Status);
}

/// <summary>The choices of the unit's forms: campaigns, award types, the unit's staff and units (its own and those below).</summary>
public sealed record ProposalOptions(
    IReadOnlyList<FilterOption> Campaigns, IReadOnlyList<AwardTypeOption> AwardTypes, IReadOnlyList<FilterOption> Staff,
    IReadOnlyList<FilterOption> Units);

/// <summary>What the cover text template is filled with.</summary>
public sealed record CoverTextData(
    string OrganisationParent, string Organisation, string UnitName, int Year, ProposalKind Kind, string? CampaignTitle, string Place, DateOnly Today,
    IReadOnlyList<(string Name, string Award, string Achievement)> Collectives,
    IReadOnlyList<(string Name, string Position, string Award, string Achievement)> Individuals);

/// <summary>Writes a tờ trình from the template (Vietnamese wording lives in the web project).</summary>
public interface ICoverTextComposer
{
    string Compose(CoverTextData data);
}

/// <summary>
/// The unit's side of proposals: every method is scoped to the acting unit (a proposal of another unit is "not found"),
/// edits only while the unit may edit (<see cref="ProposalStateMachine.IsEditableByUnit"/>), and checks versions.
/// </summary>
public sealed class ProposalService(PortalDbContext db, PortalClock clock, FileService files, UploadOptions uploads, ICoverTextComposer composer)
{
    public const int TitleMax = 300;
    public const int CoverMax = 20000;
    public const int AchievementMax = 2000;
    public const int DocumentTitleMax = 300;

    /// <summary>Columns of a nominee list: name (person or unit), the person's unit (empty for a collective), award type, achievement.</summary>
    public const int ImportColumns = 4;

    public static readonly IReadOnlySet<FileKind> PaperKinds = new HashSet<FileKind> { FileKind.Pdf, FileKind.Docx };

    public static readonly IReadOnlySet<FileKind> EvidenceKinds = new HashSet<FileKind> { FileKind.Pdf, FileKind.Docx, FileKind.Jpeg, FileKind.Png };

    public UploadOptions Uploads => uploads;

    public Task<string?> UnitNameAsync(int unitId, CancellationToken cancellationToken = default) =>
        db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<ProposalRow>> ListAsync(int unitId, CancellationToken cancellationToken = default) =>
        await db.Proposals.AsNoTracking().Where(p => p.UnitId == unitId)
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.UpdatedAt)
            .Select(p => new ProposalRow(p.Id, p.Title, p.Kind, p.Year, p.Status, p.Nominees.Count, p.UpdatedAt))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<NoticeRow>> NoticesAsync(int unitId, CancellationToken cancellationToken = default) =>
        await db.UnitNotices.AsNoTracking().Where(n => n.UnitId == unitId)
            .OrderBy(n => n.ReadAt != null).ThenByDescending(n => n.CreatedAt).Take(30)
            .Select(n => new NoticeRow(n.Id, n.ProposalId, n.Text, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(cancellationToken);

    /// <summary>Marks the unit's notice read; false when it is not the unit's.</summary>
    public async Task<bool> MarkNoticeReadAsync(int unitId, long noticeId, CancellationToken cancellationToken = default)
    {
        var notice = await db.UnitNotices.FirstOrDefaultAsync(n => n.Id == noticeId && n.UnitId == unitId, cancellationToken);
        if (notice is null)
        {
            return false;
        }

        notice.ReadAt ??= clock.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<ProposalOptions> OptionsAsync(int unitId, CancellationToken cancellationToken = default)
    {
        var units = await UnitTreeAsync(unitId, cancellationToken);
        var campaigns = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.StartsOn).Take(100)
            .Select(c => new FilterOption(c.Id.ToString(), c.Title)).ToListAsync(cancellationToken);
        var awards = await db.AwardTypes.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Category).ThenBy(a => a.SortOrder).ThenBy(a => a.Name)
            .Select(a => new AwardTypeOption(a.Id, a.Name, a.RecipientKind, a.IsActive)).ToListAsync(cancellationToken);
        var staff = await db.StaffMembers.AsNoTracking().Where(s => s.IsActive && units.Contains(s.UnitId)).OrderBy(s => s.NameSortKey)
            .Select(s => new FilterOption(s.Id.ToString(), s.FullName + " – " + s.Unit!.Name)).ToListAsync(cancellationToken);
        var unitOptions = await db.Units.AsNoTracking().Where(u => units.Contains(u.Id)).OrderBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new FilterOption(u.Id.ToString(), u.Name)).ToListAsync(cancellationToken);
        return new ProposalOptions(campaigns, awards, staff, unitOptions);
    }

    /// <summary>The unit's proposal with its nominees, documents and history; null for another unit's or a missing one.</summary>
    public async Task<UnitProposalDetails?> GetAsync(int unitId, int proposalId, CancellationToken cancellationToken = default)
    {
        var p = await db.Proposals.AsNoTracking().Where(x => x.Id == proposalId && x.UnitId == unitId)
            .Select(x => new { x.Id, x.Version, x.UnitId, Unit = x.Unit!.Name, x.Kind, x.Year, x.CampaignId, Campaign = x.Campaign != null ? x.Campaign.Title : null, x.Title, x.CoverText, x.Status, x.CreatedAt, x.SubmittedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (p is null)
        {
            return null;
        }

        var nominees = await db.Nominees.AsNoTracking().Where(n => n.ProposalId == proposalId).OrderBy(n => n.SortOrder).ThenBy(n => n.Id)
            .Select(n => new NomineeRow(
                n.Id, n.Version, n.RecipientKind, n.StaffMemberId, n.UnitId,
                n.RecipientKind == RecipientKind.Individual ? n.StaffMember!.FullName : n.Unit!.Name,
                n.RecipientKind == RecipientKind.Individual ? n.StaffMember!.Unit!.Name : string.Empty,
                n.RecipientKind == RecipientKind.Individual && n.StaffMember!.Gender == Gender.Female,
                n.AwardTypeId, n.AwardType!.Name, n.Achievement, n.Outcome, n.OutcomeReason))
            .ToListAsync(cancellationToken);
        var documents = await db.ProposalDocuments.AsNoTracking().Where(d => d.ProposalId == proposalId).OrderBy(d => d.Kind).ThenBy(d => d.Id)
            .Select(d => new DocumentRow(d.Id, d.Kind, d.NomineeId, d.Title, d.StoredFile!.OriginalName, d.StoredFile.Size, d.UploadedAt))
            .ToListAsync(cancellationToken);
        var history = (await db.ProposalTransitions.AsNoTracking().Where(t => t.ProposalId == proposalId)
            .Select(t => new { t.Id, Row = new TransitionRow(t.Action, t.From, t.To, t.Reason, t.UserName, t.At) })
            .ToListAsync(cancellationToken)).OrderBy(t => t.Row.At).ThenBy(t => t.Id).Select(t => t.Row).ToList();
        return new UnitProposalDetails(
            p.Id, p.Version, p.UnitId, p.Unit, p.Kind, p.Year, p.CampaignId, p.Campaign, p.Title, p.CoverText, p.Status, p.CreatedAt, p.SubmittedAt,
            nominees, documents, history);
    }

    public async Task<ServiceResult> CreateAsync(int unitId, string? userId, ProposalForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var unitName = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken);
        if (unitName is null)
        {
            return ServiceResult.Fail(new ServiceError(string.Empty, "Proposal.NotFound"));
        }

        var (errors, title, _) = await CheckHeaderAsync(form, cancellationToken);
        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        var now = clock.UtcNow;
        var proposal = new Proposal
        {
            UnitId = unitId, Kind = form.Kind, Year = form.Year!.Value, CampaignId = form.CampaignId,
            Title = title.Length > 0 ? title : DefaultTitle(form.Kind, form.Year.Value, unitName),
            Status = ProposalStatus.Draft, CreatedById = userId, CreatedAt = now, UpdatedAt = now,
        };
        db.Proposals.Add(proposal);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Ok(proposal.Id);
    }

    /// <summary>"Đề nghị khen thưởng tổng kết năm 2025 của Phòng …" (the default title).</summary>
    public static string DefaultTitle(ProposalKind kind, int year, string unitName) => kind switch
    {
        ProposalKind.Thematic => $"Đề nghị khen thưởng theo chuyên đề năm {year} của {unitName}",
        ProposalKind.AdHoc => $"Đề nghị khen thưởng đột xuất năm {year} của {unitName}",
        _ => $"Đề nghị khen thưởng tổng kết năm {year} của {unitName}",
    };

    /// <summary>Saves the header and the cover text while the unit may edit.</summary>
    public async Task<ServiceResult> UpdateAsync(int unitId, int proposalId, ProposalForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var proposal = await db.Proposals.Include(p => p.Unit).FirstOrDefaultAsync(p => p.Id == proposalId && p.UnitId == unitId, cancellationToken);
        if (proposal is null)
        {
            return ServiceResult.Fail(new ServiceError(string.Empty, "Proposal.NotFound"));
        }

        if (!ProposalStateMachine.IsEditableByUnit(proposal.Status))
        {
            return ServiceResult.Fail(new ServiceError(string.Empty, "Proposal.NotEditable"));
        }

        var (errors, title, cover) = await CheckHeaderAsync(form, cancellationToken);
        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        db.ExpectVersion(proposal, form.Version);
        proposal.Kind = form.Kind;
        proposal.Year = form.Year!.Value;
        proposal.CampaignId = form.CampaignId;
        proposal.Title = title.Length > 0 ? title : DefaultTitle(form.Kind, form.Year.Value, proposal.Unit!.Name);
        proposal.CoverText = cover;
        proposal.UpdatedAt = clock.UtcNow;
        var conflict = await db.SaveOrConflictAsync(cancellationToken);
        return conflict is null ? ServiceResult.Ok(proposal.Id) : ServiceResult.NotSaved(conflict);
    }

    /// <summary>Writes the cover text from the template (replacing the current one) while the unit may edit.</summary>
    public async Task<ServiceResult> ComposeCoverAsync(int unitId, int proposalId, int version, CancellationToken cancellationToken = default)
    {
        var proposal = await db.Proposals.Include(p => p.Unit).Include(p => p.Campaign)
            .Include(p => p.Nominees).ThenInclude(n => n.StaffMember)
            .Include(p => p.Nominees).ThenInclude(n => n.Unit)
            .Include(p => p.Nominees).ThenInclude(n => n.AwardType)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == proposalId && p.UnitId == unitId, cancellationToken);
        if (proposal is null)
        {
            return ServiceResult.Fail(new ServiceError(string.Empty, "Proposal.NotFound"));
        }

        if (!ProposalStateMachine.IsEditableByUnit(proposal.Status))
        {
            return ServiceResult.Fail(new ServiceError(string.Empty, "Proposal.NotEditable"));
        }

        var organisation = await db.OrganisationSettings.AsNoTracking().OrderBy(o => o.Id).FirstOrDefaultAsync(cancellationToken);
        var place = await db.ProposalSettings.AsNoTracking().Select(s => s.DecisionPlace).FirstOrDefaultAsync(cancellationToken) ?? string.Empty;
        var live = proposal.Nominees.Where(ProposalRuleChecker.IsLive).OrderBy(n => n.SortOrder).ThenBy(n => n.Id).ToList();
        var data = new CoverTextData(
            organisation?.ParentName ?? string.Empty, organisation?.Name ?? string.Empty, proposal.Unit!.Name, proposal.Year, proposal.Kind,
            proposal.Campaign?.Title, place, clock.Today,
            live.Where(n => n.RecipientKind == RecipientKind.Collective).Select(n => (n.Unit!.Name, n.AwardType!.Name, n.Achievement)).ToList(),
            live.Where(n => n.RecipientKind == RecipientKind.Individual)
                .Select(n => (n.StaffMember!.FullName, n.StaffMember.Position, n.AwardType!.Name, n.Achievement)).ToList());
        db.ExpectVersion(proposal, version);
        var text = composer.Compose(data);
        proposal.CoverText = text.Length > CoverMax ? text[..CoverMax] : text;
        proposal.UpdatedAt = clock.UtcNow;
        var conflict = await db.SaveOrConflictAsync(cancellationToken);
        return conflict is null ? ServiceResult.Ok(proposal.Id) : ServiceResult.NotSaved(conflict);
    }

    /// <summary>Adds a nominee; the proposal's version is checked and raised, so two people adding at once do not both pass the duplicate check.</summary>
    public async Task<ServiceResult> AddNomineeAsync(int unitId, int proposalId, NomineeForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (proposal, refusal) = await EditableAsync(unitId, proposalId, cancellationToken);
        if (proposal is null)
        {
            return refusal!;
        }

        var errors = await CheckNomineeAsync(proposal, null, form, cancellationToken);
        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        db.ExpectVersion(proposal, form.Version);
        var nominee = new Nominee
        {
            ProposalId = proposal.Id, RecipientKind = form.Kind, AwardTypeId = form.AwardTypeId!.Value,
            StaffMemberId = form.Kind == RecipientKind.Individual ? form.StaffMemberId : null,
            UnitId = form.Kind == RecipientKind.Collective ? form.UnitId : null,
            Achievement = VietnameseText.Normalize(form.Achievement).Trim(),
            SortOrder = ((await db.Nominees.Where(n => n.ProposalId == proposal.Id).Select(n => (int?)n.SortOrder).MaxAsync(cancellationToken)) ?? 0) + 1,
        };
        db.Nominees.Add(nominee);
        proposal.UpdatedAt = clock.UtcNow;
        var conflict = await db.SaveOrConflictAsync(cancellationToken);
        return conflict is null ? ServiceResult.Ok(nominee.Id) : ServiceResult.NotSaved(conflict);
    }

    public async Task<ServiceResult> UpdateNomineeAsync(int unitId, int proposalId, int nomineeId, NomineeForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (proposal, refusal) = await EditableAsync(unitId, proposalId, cancellationToken);
        if (proposal is null)
        {
            return refusal!;
        }

        var nominee = await db.Nominees.FirstOrDefaultAsync(n => n.Id == nomineeId && n.ProposalId == proposal.Id, cancellationToken);
        if (nominee is null)
        {
            return ServiceResult.Fail(new ServiceError(string.Empty, "Proposal.NomineeNotFound"));
        }

        var errors = await CheckNomineeAsync(proposal, nominee.Id, form, cancellationToken);
        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        db.ExpectVersion(nominee, form.Version);
        nominee.RecipientKind = form.Kind;
        nominee.StaffMemberId = form.Kind == RecipientKind.Individual ? form.StaffMemberId : null;
        nominee.UnitId = form.Kind == RecipientKind.Collective ? form.UnitId : null;
        nominee.AwardTypeId = form.AwardTypeId!.Value;
        nominee.Achievement = VietnameseText.Normalize(form.Achievement).Trim();
        proposal.UpdatedAt = clock.UtcNow;
        var conflict = await db.SaveOrConflictAsync(cancellationToken);
        return conflict is null ? ServiceResult.Ok(nominee.Id) : ServiceResult.NotSaved(conflict);
    }

    /// <summary>Removes a nominee and its achievement reports.</summary>
    public async Task<ServiceResult> RemoveNomineeAsync(int unitId, int proposalId, int nomineeId, int version, CancellationToken cancellationToken = default)
    {
        var (proposal, refusal) = await EditableAsync(unitId, proposalId, cancellationToken);
        if (proposal is null)
        {
            return refusal!;
        }

        var nominee = await db.Nominees.FirstOrDefaultAsync(n => n.Id == nomineeId && n.ProposalId == proposal.Id, cancellationToken);
        if (nominee is null)
        {
            return ServiceResult.Fail(new ServiceError(string.Empty, "Proposal.NomineeNotFound"));
        }

        db.ExpectVersion(nominee, version);
        db.ProposalDocuments.RemoveRange(await db.ProposalDocuments.Where(d => d.NomineeId == nominee.Id).ToListAsync(cancellationToken));
        db.Nominees.Remove(nominee);
        proposal.UpdatedAt = clock.UtcNow;
        var conflict = await db.SaveOrConflictAsync(cancellationToken);
        return conflict is null ? ServiceResult.Ok(proposal.Id) : ServiceResult.NotSaved(conflict);
    }

    /// <summary>Checks every row of a nominee list; saves nothing. Null when the proposal is not the unit's.</summary>
    public async Task<Honors.ImportPreview?> PreviewImportAsync(int unitId, int proposalId, IReadOnlyList<string[]> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var proposal = await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == proposalId && p.UnitId == unitId, cancellationToken);
        return proposal is null ? null : (await CheckRowsAsync(proposal, rows, cancellationToken)).Preview;
    }

    /// <summary>Checks the rows again and adds the valid ones in one save; nothing is added when none is valid.</summary>
    public async Task<(Honors.ImportPreview? Preview, ServiceResult Result)> ImportAsync(
        int unitId, int proposalId, IReadOnlyList<string[]> rows, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var (proposal, refusal) = await EditableAsync(unitId, proposalId, cancellationToken);
        if (proposal is null)
        {
            return (null, refusal!);
        }

        var (preview, resolved) = await CheckRowsAsync(proposal, rows, cancellationToken);
        if (preview.ValidCount == 0)
        {
            return (preview, ServiceResult.Fail(new ServiceError(string.Empty, "Import.NothingValid")));
        }

        db.ExpectVersion(proposal, version);
        var order = await db.Nominees.Where(n => n.ProposalId == proposal.Id).Select(n => (int?)n.SortOrder).MaxAsync(cancellationToken) ?? 0;
        foreach (var nominee in resolved)
        {
            nominee.SortOrder = ++order;
            db.Nominees.Add(nominee);
        }

        proposal.UpdatedAt = clock.UtcNow;
        var conflict = await db.SaveOrConflictAsync(cancellationToken);
        return conflict is null ? (preview, ServiceResult.Ok(preview.ValidCount)) : (preview, ServiceResult.NotSaved(conflict));
    }

    /// <summary>Uploads a dossier paper: PDF or DOCX (evidence may also be JPG or PNG); an achievement report names its nominee.</summary>
    public async Task<ServiceResult> AddDocumentAsync(
        int unitId, int proposalId, ProposalDocumentKind kind, int? nomineeId, string? title, IncomingFile? upload, string? userId,
        CancellationToken cancellationToken = default)
    {
        var (proposal, refusal) = await EditableAsync(unitId, proposalId, cancellationToken);
        if (proposal is null)
        {
            return refusal!;
        }

        var errors = new List<ServiceError>();
        if (!Enum.IsDefined(kind))
        {
            errors.Add(new ServiceError("Kind", "Proposal.DocumentKindRequired"));
        }

        if (kind == ProposalDocumentKind.AchievementReport)
        {
            if (nomineeId is not { } nid || !await db.Nominees.AnyAsync(n => n.Id == nid && n.ProposalId == proposal.Id, cancellationToken))
            {
                errors.Add(new ServiceError("NomineeId", "Proposal.ReportNeedsNominee"));
            }
        }
        else
        {
            nomineeId = null;
        }

        var cleanTitle = TabularInput.Clean(title);
        if (cleanTitle.Length > DocumentTitleMax)
        {
            errors.Add(new ServiceError("Title", "Proposal.TooLong", DocumentTitleMax));
        }

        if (upload is null || (string.IsNullOrEmpty(upload.FileName) && upload.Content.Length == 0))
        {
            errors.Add(new ServiceError("File", "Proposal.FileRequired"));
        }

        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        var (file, error) = await IncomingFiles.CheckAsync(upload!, "File", uploads, kind == ProposalDocumentKind.Evidence ? EvidenceKinds : PaperKinds, cancellationToken);
        if (file is null)
        {
            return ServiceResult.Fail(error!);
        }

        await using (file.Content)
        {
            var stored = await files.StoreAsync(file, cancellationToken);
            var document = new ProposalDocument
            {
                ProposalId = proposal.Id, Kind = kind, NomineeId = nomineeId, StoredFile = stored,
                Title = cleanTitle.Length > 0 ? cleanTitle : Path.GetFileNameWithoutExtension(VietnameseText.Normalize(file.FileName)),
                UploadedAt = clock.UtcNow, UploadedById = userId,
            };
            db.ProposalDocuments.Add(document);
            proposal.UpdatedAt = clock.UtcNow;
            await db.SaveChangesAsync(cancellationToken);
            return ServiceResult.Ok(document.Id);
        }
    }

    public async Task<ServiceResult> DeleteDocumentAsync(int unitId, int proposalId, int documentId, CancellationToken cancellationToken = default)
    {
        var (proposal, refusal) = await EditableAsync(unitId, proposalId, cancellationToken);
        if (proposal is null)
        {
            return refusal!;
        }

        var document = await db.ProposalDocuments.FirstOrDefaultAsync(d => d.Id == documentId && d.ProposalId == proposal.Id, cancellationToken);
        if (document is null)
        {
            return ServiceResult.Fail(new ServiceError(string.Empty, "Proposal.DocumentNotFound"));
        }

        db.ProposalDocuments.Remove(document);
        proposal.UpdatedAt = clock.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Ok(proposal.Id);
    }

    /// <summary>The stored file of one of the unit's dossier papers, or null.</summary>
    public Task<StoredFile?> FindDocumentFileAsync(int unitId, int proposalId, int documentId, CancellationToken cancellationToken = default) =>
        db.ProposalDocuments.AsNoTracking()
            .Where(d => d.Id == documentId && d.ProposalId == proposalId && d.Proposal!.UnitId == unitId)
            .Select(d => d.StoredFile).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The unit and every unit below it.</summary>
    public async Task<HashSet<int>> UnitTreeAsync(int unitId, CancellationToken cancellationToken = default)
    {
        var parents = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId }).ToListAsync(cancellationToken);
        var children = parents.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value, u => u.Id);
        var result = new HashSet<int>();
        var queue = new Queue<int>([unitId]);
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            if (result.Add(id))
            {
                foreach (var child in children[id])
                {
                    queue.Enqueue(child);
                }
            }
        }

        return result;
    }

    private async Task<(Proposal? Proposal, ServiceResult? Refusal)> EditableAsync(int unitId, int proposalId, CancellationToken cancellationToken)
    {
        var proposal = await db.Proposals.FirstOrDefaultAsync(p => p.Id == proposalId && p.UnitId == unitId, cancellationToken);
        if (proposal is null)
        {
            return (null, ServiceResult.Fail(new ServiceError(string.Empty, "Proposal.NotFound")));
        }

        return ProposalStateMachine.IsEditableByUnit(proposal.Status)
            ? (proposal, null)
            : (null, ServiceResult.Fail(new ServiceError(string.Empty, "Proposal.NotEditable")));
    }

    private async Task<(List<ServiceError> Errors, string Title, string Cover)> CheckHeaderAsync(ProposalForm form, CancellationToken cancellationToken)
    {
        var errors = new List<ServiceError>();
        if (!Enum.IsDefined(form.Kind))
        {
            errors.Add(new ServiceError(nameof(form.Kind), "Proposal.KindRequired"));
        }

        var maxYear = clock.Today.Year + 1;
        if (form.Year is not { } year || year < 2000 || year > maxYear)
        {
            errors.Add(new ServiceError(nameof(form.Year), "Proposal.YearRange", 2000, maxYear));
        }

        if (form.CampaignId is { } campaignId)
        {
            if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, cancellationToken))
            {
                errors.Add(new ServiceError(nameof(form.CampaignId), "Proposal.UnknownCampaign"));
            }
        }
        else if (form.Kind == ProposalKind.Thematic)
        {
            errors.Add(new ServiceError(nameof(form.CampaignId), "Proposal.CampaignRequired"));
        }

        var title = TabularInput.Clean(form.Title);
        if (title.Length > TitleMax)
        {
            errors.Add(new ServiceError(nameof(form.Title), "Proposal.TooLong", TitleMax));
        }

        var cover = VietnameseText.Normalize(form.CoverText ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (cover.Length > CoverMax)
        {
            errors.Add(new ServiceError(nameof(form.CoverText), "Proposal.TooLong", CoverMax));
        }

        return (errors, title, cover);
    }

    private async Task<List<ServiceError>> CheckNomineeAsync(Proposal proposal, int? nomineeId, NomineeForm form, CancellationToken cancellationToken)
    {
        var errors = new List<ServiceError>();
        var units = await UnitTreeAsync(proposal.UnitId, cancellationToken);
        int recipientId = 0;
        if (form.Kind == RecipientKind.Individual)
        {
            var person = form.StaffMemberId is { } staffId
                ? await db.StaffMembers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == staffId, cancellationToken)
                : null;
            if (person is null)
            {
                errors.Add(new ServiceError(nameof(form.StaffMemberId), "Proposal.PersonRequired"));
            }
            else if (!person.IsActive || !units.Contains(person.UnitId))
            {
                errors.Add(new ServiceError(nameof(form.StaffMemberId), "Proposal.PersonOutsideUnit", person.FullName));
            }
            else
            {
                recipientId = person.Id;
            }
        }
        else if (form.Kind == RecipientKind.Collective)
        {
            var unit = form.UnitId is { } uid ? await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == uid, cancellationToken) : null;
            if (unit is null)
            {
                errors.Add(new ServiceError(nameof(form.UnitId), "Proposal.UnitRequired"));
            }
            else if (!units.Contains(unit.Id))
            {
                errors.Add(new ServiceError(nameof(form.UnitId), "Proposal.UnitOutsideUnit", unit.Name));
            }
            else
            {
                recipientId = unit.Id;
            }
        }
        else
        {
            errors.Add(new ServiceError(nameof(form.Kind), "Proposal.RecipientKindRequired"));
        }

        var award = form.AwardTypeId is { } awardId ? await db.AwardTypes.AsNoTracking().FirstOrDefaultAsync(a => a.Id == awardId, cancellationToken) : null;
        if (award is null || !award.IsActive)
        {
            errors.Add(new ServiceError(nameof(form.AwardTypeId), "Proposal.AwardRequired"));
        }
        else if (form.Kind is RecipientKind.Individual or RecipientKind.Collective && !award.Accepts(form.Kind))
        {
            errors.Add(new ServiceError(nameof(form.AwardTypeId), form.Kind == RecipientKind.Individual ? "Proposal.AwardNotForPerson" : "Proposal.AwardNotForUnit", award.Name));
        }

        var achievement = VietnameseText.Normalize(form.Achievement).Trim();
        if (achievement.Length > AchievementMax)
        {
            errors.Add(new ServiceError(nameof(form.Achievement), "Proposal.TooLong", AchievementMax));
        }

        if (errors.Count == 0)
        {
            var same = db.Nominees.AsNoTracking().Where(n => n.ProposalId == proposal.Id && n.Id != nomineeId && n.AwardTypeId == award!.Id);
            var duplicate = form.Kind == RecipientKind.Individual
                ? await same.AnyAsync(n => n.StaffMemberId == recipientId, cancellationToken)
                : await same.AnyAsync(n => n.UnitId == recipientId, cancellationToken);
            if (duplicate)
            {
                errors.Add(new ServiceError(string.Empty, "Proposal.DuplicateNominee", award!.Name));
            }
        }

        return errors;
    }

    private async Task<(Honors.ImportPreview Preview, List<Nominee> Valid)> CheckRowsAsync(Proposal proposal, IReadOnlyList<string[]> rows, CancellationToken cancellationToken)
    {
        var tree = await UnitTreeAsync(proposal.UnitId, cancellationToken);
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken);
        var unitByName = units.GroupBy(u => u.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var staff = await db.StaffMembers.AsNoTracking().Where(s => s.IsActive).Select(s => new { s.Id, s.FullName, s.UnitId }).ToListAsync(cancellationToken);
        var staffByKey = staff.GroupBy(s => (s.UnitId, s.FullName)).ToDictionary(g => g.Key, g => g.Select(s => s.Id).ToList());
        var awards = await db.AwardTypes.AsNoTracking().Where(a => a.IsActive).ToListAsync(cancellationToken);
        var awardByName = awards.GroupBy(a => a.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var existing = (await db.Nominees.AsNoTracking().Where(n => n.ProposalId == proposal.Id)
                .Select(n => new { n.RecipientKind, n.StaffMemberId, n.UnitId, n.AwardTypeId }).ToListAsync(cancellationToken))
            .Select(n => (n.RecipientKind, n.RecipientKind == RecipientKind.Individual ? n.StaffMemberId!.Value : n.UnitId!.Value, n.AwardTypeId))
            .ToHashSet();

        var seen = new Dictionary<(RecipientKind, int, int), int>();
        var checks = new List<Honors.ImportRowCheck>(rows.Count);
        var valid = new List<Nominee>();
        for (var index = 0; index < rows.Count; index++)
        {
            var line = index + 1;
            var cells = rows[index].Select(TabularInput.Clean).ToArray();
            var (name, unitName, awardName, achievement) = (cells[0], cells[1], cells[2], cells[3]);
            var problems = new List<ServiceError>();
            RecipientKind? kind = null;
            var recipientId = 0;
            if (name.Length == 0)
            {
                problems.Add(new ServiceError("Name", "Import.MissingName"));
            }
            else if (unitByName.TryGetValue(name, out var collectiveId) && (unitName.Length == 0 || unitName == name))
            {
                if (!tree.Contains(collectiveId))
                {
                    problems.Add(new ServiceError("Name", "Proposal.UnitOutsideUnit", name));
                }
                else
                {
                    kind = RecipientKind.Collective;
                    recipientId = collectiveId;
                }
            }
            else if (unitName.Length == 0)
            {
                problems.Add(new ServiceError("Unit", "Import.MissingUnit", name));
            }
            else if (!unitByName.TryGetValue(unitName, out var unitId))
            {
                problems.Add(new ServiceError("Unit", "Import.UnknownUnit", unitName));
            }
            else if (!tree.Contains(unitId))
            {
                problems.Add(new ServiceError("Unit", "Proposal.PersonOutsideUnit", name));
            }
            else if (!staffByKey.TryGetValue((unitId, name), out var ids))
            {
                problems.Add(new ServiceError("Name", "Import.UnknownPerson", name, unitName));
            }
            else if (ids.Count > 1)
            {
                problems.Add(new ServiceError("Name", "Import.AmbiguousPerson", name, unitName));
            }
            else
            {
                kind = RecipientKind.Individual;
                recipientId = ids[0];
            }

            AwardType? award = null;
            if (awardName.Length == 0 || !awardByName.TryGetValue(awardName, out award))
            {
                problems.Add(new ServiceError("Award", "Import.UnknownAward", awardName));
            }
            else if (kind is { } k && !award.Accepts(k))
            {
                problems.Add(new ServiceError("Award", k == RecipientKind.Individual ? "Proposal.AwardNotForPerson" : "Proposal.AwardNotForUnit", award.Name));
            }

            if (achievement.Length > AchievementMax)
            {
                problems.Add(new ServiceError("Achievement", "Proposal.TooLong", AchievementMax));
            }

            if (kind is { } rk && award is not null)
            {
                var key = (rk, recipientId, award.Id);
                if (existing.Contains(key))
                {
                    problems.Add(new ServiceError(string.Empty, "Proposal.DuplicateNominee", award.Name));
                }
                else if (seen.TryGetValue(key, out var firstLine))
                {
                    problems.Add(new ServiceError(string.Empty, "Import.DuplicateInList", firstLine));
                }
                else
                {
                    seen[key] = line;
                }
            }

            if (problems.Count == 0)
            {
                valid.Add(new Nominee
                {
                    ProposalId = proposal.Id, RecipientKind = kind!.Value, AwardTypeId = award!.Id, Achievement = achievement,
                    StaffMemberId = kind == RecipientKind.Individual ? recipientId : null,
                    UnitId = kind == RecipientKind.Collective ? recipientId : null,
                });
            }

            checks.Add(new Honors.ImportRowCheck(line, cells, kind, problems));
        }

        return (new Honors.ImportPreview(checks), valid);
    }
}
