using System.Globalization;
using EmulationPortal.Accounts;
using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Documents;
using EmulationPortal.Fields;
using EmulationPortal.Files;
using EmulationPortal.Honors;
using EmulationPortal.Organisation;
using EmulationPortal.Proposals;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Decisions;

/// <summary>A nominee ready for a decision (or listed in one), as the pages show it.</summary>
public sealed record DecisionNomineeRow(
    int NomineeId, int ProposalId, string ProposalTitle, string ProposingUnit, ProposalKind Kind, int Year, RecipientKind RecipientKind,
    string Name, string PositionAndUnit, string AwardName, string Achievement, NomineeOutcome Outcome, int? CommendationId);

public sealed record DecisionListRow(
    int Id, DecisionStatus Status, string? Number, DateOnly? SignedOn, string Abstract, int Year, int NomineeCount, DateTime CreatedAt);

/// <summary>A decision with its nominees, for its page, its edit form and its .docx.</summary>
public sealed record DecisionDetails(
    int Id, int Version, DecisionStatus Status, string? Number, DateOnly? SignedOn, string Place, string IssuerParent, string Issuer,
    string DecidedBy, string Abstract, string LegalBases, string Articles, string SignerTitle, string SignerName, string Recipients, int Year,
    int? SignedFileId, int? DocumentId, DateTime? IssuedAt, DateTime? CancelledAt, string? CancelReason, string DefaultSymbol,
    IReadOnlyList<DecisionNomineeRow> Nominees);

/// <summary>The text fields of a draft and the nominees it lists (the whole wanted list: unticked ones are released).</summary>
public sealed class DecisionDraftForm : IVersionedForm
{
    public int? Year { get; set; }

    public string? Place { get; set; }

    public string? IssuerParent { get; set; }

    public string? Issuer { get; set; }

    public string? DecidedBy { get; set; }

    public string? Abstract { get; set; }

    public string? LegalBases { get; set; }

    public string? Articles { get; set; }

    public string? SignerTitle { get; set; }

    public string? SignerName { get; set; }

    public string? Recipients { get; set; }

    public List<int> NomineeIds { get; set; } = [];

    public int Version { get; set; }
}

/// <summary>What the leader enters when issuing: the number as typed, the signing date, the signer and the signed PDF.</summary>
public sealed record DecisionIssueInput(string? Number, DateOnly? SignedOn, string? SignerName, string? SignerTitle, int Version, IncomingFile? SignedPdf);

public enum DecisionOutcome
{
    Done = 0,
    NotFound = 1,
    Forbidden = 2,

    /// <summary>Not possible in the decision's state, or someone changed it since the form was opened (409).</summary>
    Conflict = 3,

    /// <summary>What was sent is not valid (400 with the errors).</summary>
    Invalid = 4,
}

public sealed record DecisionResult(DecisionOutcome Outcome, int? Id, IReadOnlyList<ServiceError> Errors)
{
    public bool Succeeded => Outcome == DecisionOutcome.Done;

    public static DecisionResult Ok(int id) => new(DecisionOutcome.Done, id, []);

    public static DecisionResult Of(DecisionOutcome outcome, params ServiceError[] errors) => new(outcome, null, errors);
}

/// <summary>
/// Quyết định khen thưởng: drafts a decision from the nominees ready for one, edits it while a draft, issues it (the
/// nominees become commendations, the decision enters the document library, the proposals move to Awarded) and
/// cancels an issued one (its commendations are withdrawn, the proposals move to DecisionCancelled).
/// </summary>
public sealed class DecisionService(PortalDbContext db, ProposalWorkflowService workflow, FileService files, UploadOptions uploads, PortalClock clock)
{
    public const string DecisionTypeCode = "QĐ";

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly IReadOnlySet<FileKind> PdfOnly = new HashSet<FileKind> { FileKind.Pdf };

    public async Task<PagedList<DecisionListRow>> ListAsync(DecisionStatus? status, int page, CancellationToken cancellationToken = default)
    {
        var query = db.AwardDecisions.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(d => d.Status == s);
        }

        const int pageSize = 30;
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(d => new DecisionListRow(d.Id, d.Status, d.Number, d.SignedOn, d.Abstract, d.Year, d.Nominees.Count, d.CreatedAt))
            .ToListAsync(cancellationToken);
        return new PagedList<DecisionListRow>(items, page, pageSize, total);
    }

    /// <summary>
    /// Nominees ready for a decision and in none yet: not excluded, of a proposal awaiting its decision, and passed by
    /// the council (or still pending when none of the proposal's award types goes to the council).
    /// </summary>
    public async Task<IReadOnlyList<DecisionNomineeRow>> CandidatesAsync(CancellationToken cancellationToken = default)
    {
        var ids = await ReadyIdsAsync(cancellationToken);
        var free = await db.Nominees.AsNoTracking().Where(n => ids.Contains(n.Id) && n.DecisionId == null).Select(n => n.Id).ToListAsync(cancellationToken);
        return await RowsAsync(free, cancellationToken);
    }

    public async Task<DecisionDetails?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var d = await db.AwardDecisions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (d is null)
        {
            return null;
        }

        var nomineeIds = await db.Nominees.AsNoTracking().Where(n => n.DecisionId == id).Select(n => n.Id).ToListAsync(cancellationToken);
        var settings = await SettingsAsync(cancellationToken);
        return new DecisionDetails(
            d.Id, d.Version, d.Status, d.Number, d.SignedOn, d.Place, d.IssuerParent, d.Issuer, d.DecidedBy, d.Abstract, d.LegalBases, d.Articles,
            d.SignerTitle, d.SignerName, d.Recipients, d.Year, d.SignedFileId, d.DocumentId, d.IssuedAt, d.CancelledAt, d.CancelReason,
            settings.DecisionSymbol, await RowsAsync(nomineeIds, cancellationToken));
    }

    /// <summary>Creates a draft listing the chosen candidates, its text prefilled from the settings.</summary>
    public async Task<DecisionResult> CreateDraftAsync(IReadOnlyCollection<int> nomineeIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nomineeIds);
        var wanted = nomineeIds.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return DecisionResult.Of(DecisionOutcome.Invalid, new ServiceError("NomineeIds", "Decisions.NoNominees"));
        }

        var ready = await ReadyIdsAsync(cancellationToken);
        var nominees = await db.Nominees
            .Include(n => n.AwardType).Include(n => n.Proposal).ThenInclude(p => p!.Nominees).ThenInclude(x => x.AwardType)
            .Where(n => wanted.Contains(n.Id)).ToListAsync(cancellationToken);
        if (nominees.Count != wanted.Count || nominees.Any(n => !ready.Contains(n.Id) || n.DecisionId is not null))
        {
            return DecisionResult.Of(DecisionOutcome.Conflict, new ServiceError("NomineeIds", "Decisions.NomineeNotReady"));
        }

        var settings = await SettingsAsync(cancellationToken);
        var organisation = await db.OrganisationSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new OrganisationSettings();
        var year = nominees.GroupBy(n => n.Proposal!.Year).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key;
        var council = nominees.Any(n => ProposalWorkflowService.StepsOf(n.Proposal!).HasFlag(ProposalSteps.Council));
        var decision = new AwardDecision
        {
            Status = DecisionStatus.Draft,
            Year = year,
            Place = settings.DecisionPlace,
            IssuerParent = organisation.ParentName,
            Issuer = organisation.Name,
            DecidedBy = settings.DecidedBy,
            SignerTitle = settings.DecidedBy.Split(' ').Length > 2 ? FirstWords(settings.DecidedBy).ToUpper(Vietnamese) : settings.DecidedBy.ToUpper(Vietnamese),
            CreatedAt = clock.UtcNow,
        };
        var awards = nominees.Select(n => n.AwardType!.Name).Distinct().ToList();
        var collectives = nominees.Count(n => n.RecipientKind == RecipientKind.Collective);
        var individuals = nominees.Count(n => n.RecipientKind == RecipientKind.Individual);
        decision.Abstract = DefaultAbstract(awards, year);
        decision.LegalBases = DefaultLegalBases(organisation, council);
        decision.Articles = DefaultArticles(awards, collectives, individuals, year, organisation.Name);
        decision.Recipients = "Như Điều 3;\nLưu: VT, VP.";
        foreach (var nominee in nominees)
        {
            nominee.Decision = decision;
        }

        db.AwardDecisions.Add(decision);

        // Another draft took one of them since the page was opened: the nominees' versions say so.
        return await db.SaveOrConflictAsync(cancellationToken) is null
            ? DecisionResult.Ok(decision.Id)
            : DecisionResult.Of(DecisionOutcome.Conflict, new ServiceError("NomineeIds", "Decisions.NomineeNotReady"));
    }

    /// <summary>Saves a draft's text and its list of nominees (version-checked).</summary>
    public async Task<DecisionResult> UpdateDraftAsync(int id, DecisionDraftForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var decision = await db.AwardDecisions.Include(d => d.Nominees).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (decision is null)
        {
            return DecisionResult.Of(DecisionOutcome.NotFound);
        }

        if (decision.Status != DecisionStatus.Draft)
        {
            return DecisionResult.Of(DecisionOutcome.Conflict, new ServiceError(string.Empty, "Decisions.NotDraft"));
        }

        if (decision.Version != form.Version)
        {
            return DecisionResult.Of(DecisionOutcome.Conflict, new ServiceError(string.Empty, "Decisions.Stale"));
        }

        var errors = new List<ServiceError>();
        var text = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Place"] = Clean(form.Place), ["IssuerParent"] = Clean(form.IssuerParent), ["Issuer"] = Clean(form.Issuer),
            ["DecidedBy"] = Clean(form.DecidedBy), ["Abstract"] = Clean(form.Abstract), ["LegalBases"] = Lines(form.LegalBases),
            ["Articles"] = Lines(form.Articles), ["SignerTitle"] = Clean(form.SignerTitle), ["SignerName"] = Clean(form.SignerName),
            ["Recipients"] = Lines(form.Recipients),
        };
        ContentRules.Text(errors, "Place", text["Place"], 100, required: true, "Decisions.Place");
        ContentRules.Text(errors, "IssuerParent", text["IssuerParent"], 200, required: false, "Decisions.IssuerParent");
        ContentRules.Text(errors, "Issuer", text["Issuer"], 200, required: true, "Decisions.Issuer");
        ContentRules.Text(errors, "DecidedBy", text["DecidedBy"], 200, required: true, "Decisions.DecidedBy");
        ContentRules.Text(errors, "Abstract", text["Abstract"], 1000, required: true, "Decisions.Abstract");
        ContentRules.Text(errors, "LegalBases", text["LegalBases"], 8000, required: true, "Decisions.LegalBases");
        ContentRules.Text(errors, "Articles", text["Articles"], 8000, required: true, "Decisions.Articles");
        ContentRules.Text(errors, "SignerTitle", text["SignerTitle"], 200, required: false, "Decisions.SignerTitle");
        ContentRules.Text(errors, "SignerName", text["SignerName"], 150, required: false, "Decisions.SignerName");
        ContentRules.Text(errors, "Recipients", text["Recipients"], 2000, required: false, "Decisions.Recipients");
        if (form.Year is not (>= ContentRules.MinYear and <= ContentRules.MaxYear))
        {
            errors.Add(new ServiceError("Year", "Decisions.YearRange", ContentRules.MinYear, ContentRules.MaxYear));
        }

        var wanted = form.NomineeIds.Distinct().ToHashSet();
        if (wanted.Count == 0)
        {
            errors.Add(new ServiceError("NomineeIds", "Decisions.NoNominees"));
        }

        var current = decision.Nominees.Select(n => n.Id).ToHashSet();
        var added = wanted.Except(current).ToList();
        List<Nominee> newNominees = [];
        if (added.Count > 0)
        {
            var ready = await ReadyIdsAsync(cancellationToken);
            newNominees = await db.Nominees.Where(n => added.Contains(n.Id) && n.DecisionId == null).ToListAsync(cancellationToken);
            if (newNominees.Count != added.Count || newNominees.Any(n => !ready.Contains(n.Id)))
            {
                errors.Add(new ServiceError("NomineeIds", "Decisions.NomineeNotReady"));
            }
        }

        if (errors.Count > 0)
        {
            return new DecisionResult(DecisionOutcome.Invalid, null, errors);
        }

        decision.Year = form.Year!.Value;
        decision.Place = text["Place"];
        decision.IssuerParent = text["IssuerParent"];
        decision.Issuer = text["Issuer"];
        decision.DecidedBy = text["DecidedBy"];
        decision.Abstract = text["Abstract"];
        decision.LegalBases = text["LegalBases"];
        decision.Articles = text["Articles"];
        decision.SignerTitle = text["SignerTitle"];
        decision.SignerName = text["SignerName"];
        decision.Recipients = text["Recipients"];
        foreach (var nominee in decision.Nominees.Where(n => !wanted.Contains(n.Id)).ToList())
        {
            nominee.DecisionId = null;
            nominee.Decision = null;
        }

        foreach (var nominee in newNominees)
        {
            nominee.Decision = decision;
        }

        db.ExpectVersion(decision, form.Version);
        db.Entry(decision).Property(d => d.Version).IsModified = true;
        return await db.SaveOrConflictAsync(cancellationToken) is null
            ? DecisionResult.Ok(decision.Id)
            : DecisionResult.Of(DecisionOutcome.Conflict, new ServiceError(string.Empty, "Decisions.Stale"));
    }

    /// <summary>Deletes a draft; its nominees become candidates again.</summary>
    public async Task<DecisionResult> DeleteDraftAsync(int id, int version, CancellationToken cancellationToken = default)
    {
        var decision = await db.AwardDecisions.Include(d => d.Nominees).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (decision is null)
        {
            return DecisionResult.Of(DecisionOutcome.NotFound);
        }

        if (decision.Status != DecisionStatus.Draft || decision.Version != version)
        {
            return DecisionResult.Of(DecisionOutcome.Conflict, new ServiceError(string.Empty, decision.Status != DecisionStatus.Draft ? "Decisions.NotDraft" : "Decisions.Stale"));
        }

        foreach (var nominee in decision.Nominees)
        {
            nominee.DecisionId = null;
            nominee.Decision = null;
        }

        db.AwardDecisions.Remove(decision);
        db.ExpectVersion(decision, version);
        return await db.SaveOrConflictAsync(cancellationToken) is null
            ? DecisionResult.Ok(id)
            : DecisionResult.Of(DecisionOutcome.Conflict, new ServiceError(string.Empty, "Decisions.Stale"));
    }

    /// <summary>
    /// Issues a draft (leaders only): number, date, signer, the signed PDF. In one save the nominees become
    /// commendations linked to the decision, the decision enters the document library, and every proposal whose ready
    /// nominees are now all awarded moves to Awarded. A number already used changes nothing.
    /// </summary>
    public async Task<DecisionResult> IssueAsync(int id, DecisionIssueInput input, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsInRole(Roles.Leader))
        {
            return DecisionResult.Of(DecisionOutcome.Forbidden, new ServiceError(string.Empty, "Decisions.LeaderOnly"));
        }

        var decision = await db.AwardDecisions
            .Include(d => d.Nominees).ThenInclude(n => n.AwardType)
            .Include(d => d.Nominees).ThenInclude(n => n.StaffMember)
            .Include(d => d.Nominees).ThenInclude(n => n.Unit)
            .Include(d => d.Nominees).ThenInclude(n => n.Proposal).ThenInclude(p => p!.Nominees).ThenInclude(x => x.AwardType)
            .AsSplitQuery()
            .FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (decision is null)
        {
            return DecisionResult.Of(DecisionOutcome.NotFound);
        }

        if (decision.Status != DecisionStatus.Draft)
        {
            return DecisionResult.Of(DecisionOutcome.Conflict, new ServiceError(string.Empty, "Decisions.NotDraft"));
        }

        if (decision.Version != input.Version)
        {
            return DecisionResult.Of(DecisionOutcome.Conflict, new ServiceError(string.Empty, "Decisions.Stale"));
        }

        var errors = new List<ServiceError>();
        var number = DocumentNumber.Normalize(input.Number);
        if (number.Length == 0)
        {
            errors.Add(new ServiceError("Number", "Decisions.NumberRequired"));
        }
        else if (number.Length > DocumentNumber.MaxLength)
        {
            errors.Add(new ServiceError("Number", "Decisions.NumberTooLong", DocumentNumber.MaxLength));
        }
        else if (await db.AwardDecisions.AnyAsync(d => d.Id != id && d.Number == number, cancellationToken))
        {
            errors.Add(new ServiceError("Number", "Decisions.NumberUsed", number));
        }

        if (input.SignedOn is not { } signedOn)
        {
            errors.Add(new ServiceError("SignedOn", "Decisions.SignedOnRequired"));
            signedOn = default;
        }
        else if (!ContentRules.IsYearInRange(signedOn))
        {
            errors.Add(new ServiceError("SignedOn", "Decisions.YearRange", ContentRules.MinYear, ContentRules.MaxYear));
        }

        var signerName = Clean(input.SignerName);
        var signerTitle = Clean(input.SignerTitle);
        ContentRules.Text(errors, "SignerName", signerName, 150, required: true, "Decisions.SignerName");
        ContentRules.Text(errors, "SignerTitle", signerTitle, 200, required: true, "Decisions.SignerTitle");

        CheckedFile? pdf = null;
        if (input.SignedPdf is null)
        {
            errors.Add(new ServiceError("SignedPdf", "Decisions.SignedPdfRequired"));
        }
        else
        {
            var (file, error) = await IncomingFiles.CheckAsync(input.SignedPdf, "SignedPdf", uploads, PdfOnly, cancellationToken);
            if (error is not null)
            {
                errors.Add(error);
            }

            pdf = file;
        }

        var ready = await ReadyIdsAsync(cancellationToken);
        if (decision.Nominees.Count == 0)
        {
            errors.Add(new ServiceError(string.Empty, "Decisions.NoNominees"));
        }
        else if (decision.Nominees.Any(n => !ready.Contains(n.Id)))
        {
            errors.Add(new ServiceError(string.Empty, "Decisions.NomineeNotReady"));
        }

        if (errors.Count > 0)
        {
            pdf?.Content.Dispose();
            return new DecisionResult(DecisionOutcome.Invalid, null, errors);
        }

        var now = clock.UtcNow;
        var stored = await files.StoreAsync(pdf!, cancellationToken);
        var type = await db.DocumentTypes.FirstOrDefaultAsync(t => t.Code == DecisionTypeCode, cancellationToken);
        if (type is null)
        {
            type = new DocumentType { Code = DecisionTypeCode, Name = "Quyết định" };
            db.DocumentTypes.Add(type);
        }

        var document = new Document
        {
            DocumentType = type,
            Number = number,
            IssuedOn = signedOn,
            Issuer = decision.Issuer,
            Signer = signerName,
            Abstract = decision.Abstract,
            Recipients = decision.Recipients,
            CreatedAt = now,
        };
        document.Attachments.Add(new DocumentAttachment { StoredFile = stored, SortOrder = 0 });
        db.Documents.Add(document);

        decision.Status = DecisionStatus.Issued;
        decision.Number = number;
        decision.SignedOn = signedOn;
        decision.SignerName = signerName;
        decision.SignerTitle = signerTitle;
        decision.SignedFile = stored;
        decision.Document = document;
        decision.IssuedAt = now;
        decision.IssuedById = actor.UserId;

        foreach (var nominee in decision.Nominees)
        {
            var commendation = new Commendation
            {
                Year = decision.Year,
                DecisionNumber = number,
                DecidedOn = signedOn,
                DecidedBy = decision.DecidedBy,
                Achievement = nominee.Achievement,
                CampaignId = nominee.Proposal!.CampaignId,
                AwardDecision = decision,
                CreatedAt = now,
            };
            if (nominee.RecipientKind == RecipientKind.Collective)
            {
                commendation.AwardTo(nominee.AwardType!, nominee.Unit!);
            }
            else
            {
                commendation.AwardTo(nominee.AwardType!, nominee.StaffMember!);
            }

            db.Commendations.Add(commendation);
            nominee.Outcome = NomineeOutcome.Awarded;
            nominee.Commendation = commendation;
        }

        var transitions = new List<ProposalTransition>();
        foreach (var proposal in decision.Nominees.Select(n => n.Proposal!).Distinct())
        {
            var stillWaiting = proposal.Nominees.Any(n => n.Outcome is NomineeOutcome.Passed || (n.Outcome is NomineeOutcome.Pending && !ProposalWorkflowService.StepsOf(proposal).HasFlag(ProposalSteps.Council)));
            if (!stillWaiting && workflow.Record(proposal, ProposalAction.Award, actor) is { } transition)
            {
                transitions.Add(transition);
            }
        }

        db.ExpectVersion(decision, input.Version);
        try
        {
            if (await db.SaveOrConflictAsync(cancellationToken) is not null)
            {
                return DecisionResult.Of(DecisionOutcome.Conflict, new ServiceError(string.Empty, "Decisions.Stale"));
            }
        }
        catch (DbUpdateException)
        {
            // Another leader issued a decision with the same number between the check and the save: the unique index refused it.
            db.ChangeTracker.Clear();
            if (await db.AwardDecisions.AnyAsync(d => d.Id != id && d.Number == number, cancellationToken))
            {
                return DecisionResult.Of(DecisionOutcome.Invalid, new ServiceError("Number", "Decisions.NumberUsed", number));
            }

            throw;
        }

        await workflow.NotifyAsync(transitions, cancellationToken);
        return DecisionResult.Ok(decision.Id);
    }

    /// <summary>
    /// Cancels an issued decision (leaders only, with a reason): its commendations (and their certificates) are removed,
    /// its nominees marked Cancelled, its awarded proposals moved to DecisionCancelled. The library entry stays, its
    /// abstract saying when and why it was cancelled.
    /// </summary>
    public async Task<DecisionResult> CancelAsync(int id, string? reason, int version, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsInRole(Roles.Leader))
        {
            return DecisionResult.Of(DecisionOutcome.Forbidden, new ServiceError(string.Empty, "Decisions.LeaderOnly"));
        }

        var decision = await db.AwardDecisions
            .Include(d => d.Document)
            .Include(d => d.Nominees).ThenInclude(n => n.Proposal).ThenInclude(p => p!.Nominees).ThenInclude(x => x.AwardType)
            .AsSplitQuery()
            .FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (decision is null)
        {
            return DecisionResult.Of(DecisionOutcome.NotFound);
        }

        if (decision.Status != DecisionStatus.Issued)
        {
            return DecisionResult.Of(DecisionOutcome.Conflict, new ServiceError(string.Empty, "Decisions.NotIssued"));
        }

        if (decision.Version != version)
        {
            return DecisionResult.Of(DecisionOutcome.Conflict, new ServiceError(string.Empty, "Decisions.Stale"));
        }

        var why = Clean(reason);
        if (why.Length == 0)
        {
            return DecisionResult.Of(DecisionOutcome.Invalid, new ServiceError("Reason", "Decisions.ReasonRequired"));
        }

        if (why.Length > 2000)
        {
            return DecisionResult.Of(DecisionOutcome.Invalid, new ServiceError("Reason", "Decisions.ReasonTooLong", 2000));
        }

        var now = clock.UtcNow;
        var commendationIds = decision.Nominees.Where(n => n.CommendationId is not null).Select(n => n.CommendationId!.Value).ToList();
        // Certificates stay (their commendation link is cleared by the delete): the verification page then says the
        // certificate was revoked with its decision, not that the code never existed.
        var commendations = await db.Commendations.Where(c => c.AwardDecisionId == id || commendationIds.Contains(c.Id)).ToListAsync(cancellationToken);
        foreach (var nominee in decision.Nominees)
        {
            nominee.CommendationId = null;
            nominee.Commendation = null;
            nominee.Outcome = NomineeOutcome.Cancelled;
            nominee.OutcomeReason = why.Length > 1000 ? why[..1000] : why;
        }

        db.Commendations.RemoveRange(commendations);
        decision.Status = DecisionStatus.Cancelled;
        decision.CancelReason = why;
        decision.CancelledAt = now;
        if (decision.Document is { } document)
        {
            document.Abstract = CancelledAbstract(document.Abstract, clock.Today, why);
        }

        var transitions = new List<ProposalTransition>();
        foreach (var proposal in decision.Nominees.Select(n => n.Proposal!).Distinct()
                     .Where(p => p.Status is ProposalStatus.Awarded or ProposalStatus.Published))
        {
            if (workflow.Record(proposal, ProposalAction.CancelDecision, actor, why) is { } transition)
            {
                transitions.Add(transition);
            }
        }

        db.ExpectVersion(decision, version);
        if (await db.SaveOrConflictAsync(cancellationToken) is not null)
        {
            return DecisionResult.Of(DecisionOutcome.Conflict, new ServiceError(string.Empty, "Decisions.Stale"));
        }

        await workflow.NotifyAsync(transitions, cancellationToken);
        return DecisionResult.Ok(decision.Id);
    }

    /// <summary>The data of the .docx of a decision (draft or issued).</summary>
    public async Task<DecisionDocxData?> DocxDataAsync(int id, CancellationToken cancellationToken = default)
    {
        var details = await GetAsync(id, cancellationToken);
        if (details is null)
        {
            return null;
        }

        var awards = details.Nominees.Select(n => n.AwardName).Distinct().ToList();
        AnnexEntry Entry(DecisionNomineeRow n) => new(n.Name, n.PositionAndUnit, n.Achievement, n.AwardName);
        return new DecisionDocxData(
            details.IssuerParent, details.Issuer, details.Number, details.DefaultSymbol, details.Place, details.SignedOn, details.Abstract,
            details.DecidedBy, SplitLines(details.LegalBases), SplitLines(details.Articles), details.SignerTitle, details.SignerName,
            SplitLines(details.Recipients), string.Join(", ", awards),
            details.Nominees.Where(n => n.RecipientKind == RecipientKind.Collective).Select(Entry).ToList(),
            details.Nominees.Where(n => n.RecipientKind == RecipientKind.Individual).Select(Entry).ToList());
    }

    /// <summary>The abstract of the library entry of a cancelled decision: the original text, then when and why.</summary>
    public static string CancelledAbstract(string original, DateOnly on, string reason)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(reason);
        var note = $" (ĐÃ HỦY BỎ ngày {VietnameseDate.Display(on)}: {reason})";
        var text = original + note;
        return text.Length <= 1000 ? text : text[..999] + "…";
    }

    public static IReadOnlyList<string> SplitLines(string? text) =>
        (text ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private async Task<ProposalSettings> SettingsAsync(CancellationToken cancellationToken) =>
        await db.ProposalSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new ProposalSettings();

    /// <summary>Ids of the nominees ready for a decision (whether or not a draft lists them).</summary>
    private async Task<HashSet<int>> ReadyIdsAsync(CancellationToken cancellationToken)
    {
        var proposals = await db.Proposals.AsNoTracking()
            .Where(p => p.Status == ProposalStatus.AwaitingDecision)
            .Include(p => p.Nominees).ThenInclude(n => n.AwardType)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var ready = new HashSet<int>();
        foreach (var proposal in proposals)
        {
            var council = ProposalWorkflowService.StepsOf(proposal).HasFlag(ProposalSteps.Council);
            foreach (var nominee in proposal.Nominees)
            {
                if (nominee.Outcome == NomineeOutcome.Passed || (nominee.Outcome == NomineeOutcome.Pending && !council))
                {
                    ready.Add(nominee.Id);
                }
            }
        }

        return ready;
    }

    private async Task<IReadOnlyList<DecisionNomineeRow>> RowsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var rows = await db.Nominees.AsNoTracking().Where(n => ids.Contains(n.Id))
            .Select(n => new
            {
                n.Id, n.ProposalId, n.Proposal!.Title, ProposingUnit = n.Proposal.Unit!.Name, n.Proposal.Kind, n.Proposal.Year, n.RecipientKind,
                Name = n.RecipientKind == RecipientKind.Collective ? n.Unit!.Name : n.StaffMember!.FullName,
                Position = n.RecipientKind == RecipientKind.Collective ? string.Empty : n.StaffMember!.Position,
                StaffUnit = n.RecipientKind == RecipientKind.Collective ? string.Empty : n.StaffMember!.Unit!.Name,
                Award = n.AwardType!.Name, n.Achievement, n.Outcome, n.CommendationId, n.SortOrder,
                SortKey = n.RecipientKind == RecipientKind.Collective ? null : n.StaffMember!.NameSortKey,
            })
            .ToListAsync(cancellationToken);
        return rows
            .OrderBy(r => r.RecipientKind == RecipientKind.Collective ? 0 : 1)
            .ThenBy(r => r.Award, StringComparer.Create(Vietnamese, false))
            .ThenBy(r => r.RecipientKind == RecipientKind.Collective ? r.Name : string.Empty, StringComparer.Create(Vietnamese, false))
            .ThenBy(r => r.SortKey ?? [], ByteArrayComparer.Instance)
            .ThenBy(r => r.Id)
            .Select(r => new DecisionNomineeRow(
                r.Id, r.ProposalId, r.Title, r.ProposingUnit, r.Kind, r.Year, r.RecipientKind, r.Name,
                string.Join(", ", new[] { r.Position, r.StaffUnit }.Where(s => !string.IsNullOrWhiteSpace(s))),
                r.Award, r.Achievement, r.Outcome, r.CommendationId))
            .ToList();
    }

    private static string DefaultAbstract(IReadOnlyList<string> awards, int year) =>
        $"Về việc tặng {string.Join(", ", awards)} cho các tập thể, cá nhân đã có thành tích xuất sắc năm {year.ToString(CultureInfo.InvariantCulture)}";

    private static string DefaultLegalBases(OrganisationSettings organisation, bool council)
    {
        var name = string.IsNullOrWhiteSpace(organisation.Name) ? "cơ quan" : organisation.Name;
        var parent = string.IsNullOrWhiteSpace(organisation.ParentName) ? "cấp có thẩm quyền" : organisation.ParentName;
        var lines = new List<string>
        {
            "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;",
            "Căn cứ các văn bản quy định chi tiết và hướng dẫn thi hành Luật Thi đua, khen thưởng;",
            $"Căn cứ Quyết định số …/QĐ-… ngày … của {parent} quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của {name};",
        };
        lines.Add(council
            ? $"Xét đề nghị của Hội đồng Thi đua – Khen thưởng {name} và Chánh Văn phòng."
            : "Xét đề nghị của Chánh Văn phòng.");
        return string.Join('\n', lines);
    }

    private static string DefaultArticles(IReadOnlyList<string> awards, int collectives, int individuals, int year, string organisation)
    {
        var who = (collectives, individuals) switch
        {
            ( > 0, > 0) => $"{collectives} tập thể và {individuals} cá nhân",
            ( > 0, _) => $"{collectives} tập thể",
            _ => $"{individuals} cá nhân",
        };
        var awardText = string.Join(", ", awards);
        return string.Join('\n',
            $"Điều 1. Tặng {awardText} cho {who} (có danh sách kèm theo) đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm {year.ToString(CultureInfo.InvariantCulture)}.",
            $"Điều 2. Các tập thể, cá nhân có tên tại Điều 1 được tặng {awardText} và được hưởng tiền thưởng theo quy định hiện hành. Quyết định này có hiệu lực kể từ ngày ký.",
            $"Điều 3. Chánh Văn phòng, Thủ trưởng các đơn vị thuộc {(string.IsNullOrWhiteSpace(organisation) ? "cơ quan" : organisation)} và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.");
    }

    /// <summary>"Giám đốc Sở" → "Giám đốc": the signer's title without the agency.</summary>
    private static string FirstWords(string decidedBy)
    {
        var words = decidedBy.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Take(words.Length - 1));
    }

    private static string Clean(string? value) => VietnameseText.Normalize(value);

    private static string Lines(string? value) =>
        string.Join('\n', (value ?? string.Empty).Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n')
            .Select(l => VietnameseText.Normalize(l)).Where(l => l.Length > 0));

    private sealed class ByteArrayComparer : IComparer<byte[]>
    {
        public static readonly ByteArrayComparer Instance = new();

        public int Compare(byte[]? x, byte[]? y) => ((ReadOnlySpan<byte>)x).SequenceCompareTo(y);
    }
}
