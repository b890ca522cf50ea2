using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Files;
using EmulationPortal.Honors;
using EmulationPortal.Proposals;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Council;

/// <summary>
/// Hội đồng Thi đua – Khen thưởng: the standing members, the sessions with their attendance, quorum and agenda, the
/// results (paper tallies or an online secret ballot), the closing that locks them and moves the proposals on, and the
/// minutes. Anything refused changes nothing. An online ballot records that a member voted, never how: the counter is
/// raised with a set-based update that bypasses the change tracker (and so the audit log), in the same transaction as
/// the ballot record, which carries no time.
/// </summary>
public sealed class CouncilService(
    PortalDbContext db, ProposalWorkflowService workflow, FileService files, UploadOptions uploads, PortalClock clock)
{
    public const int TitleMaxLength = 300;
    public const int PlaceMaxLength = 200;

    private static readonly IReadOnlySet<FileKind> MinutesKinds = new HashSet<FileKind> { FileKind.Pdf };

    // ---- Members ----------------------------------------------------------------------------------------------

    public async Task<IReadOnlyList<CouncilMemberRow>> MembersAsync(CancellationToken cancellationToken = default) =>
        await db.CouncilMembers.AsNoTracking()
            .OrderByDescending(m => m.IsActive).ThenBy(m => m.SortOrder).ThenBy(m => m.Role).ThenBy(m => m.Id)
            .Select(m => new CouncilMemberRow(
                m.Id, m.Version, m.StaffMemberId, m.StaffMember!.FullName, m.StaffMember.Position, m.StaffMember.Unit!.Name,
                m.Role, m.IsActive, m.SortOrder))
            .ToListAsync(cancellationToken);

    /// <summary>Active staff who are not members yet, for the "add a member" list.</summary>
    public async Task<IReadOnlyList<StaffOption>> StaffOptionsAsync(CancellationToken cancellationToken = default) =>
        await db.StaffMembers.AsNoTracking()
            .Where(s => s.IsActive && !db.CouncilMembers.Any(m => m.StaffMemberId == s.Id))
            .OrderBy(s => s.NameSortKey)
            .Select(s => new StaffOption(s.Id, s.FullName, s.Unit!.Name))
            .ToListAsync(cancellationToken);

    public async Task<CouncilResult> AddMemberAsync(CouncilMemberInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var staff = await db.StaffMembers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == input.StaffMemberId && s.IsActive, cancellationToken);
        if (staff is null)
        {
            return CouncilResult.Invalid(new ServiceError("StaffMemberId", "Council.Member.StaffNotFound"));
        }

        if (await db.CouncilMembers.AnyAsync(m => m.StaffMemberId == input.StaffMemberId, cancellationToken))
        {
            return CouncilResult.Invalid(new ServiceError("StaffMemberId", "Council.Member.AlreadyMember", staff.FullName));
        }

        var errors = await MemberErrorsAsync(null, input.Role, input.SortOrder, isActive: true, cancellationToken);
        if (errors.Length > 0)
        {
            return CouncilResult.Invalid(errors);
        }

        var member = new CouncilMember { StaffMemberId = input.StaffMemberId, Role = input.Role, SortOrder = input.SortOrder, IsActive = true };
        db.CouncilMembers.Add(member);
        await db.SaveChangesAsync(cancellationToken);
        return CouncilResult.Ok(member.Id);
    }

    /// <summary>Changes role and order, or deactivates (and reactivates) a member. Sessions keep the roles they copied.</summary>
    public async Task<CouncilResult> UpdateMemberAsync(int id, CouncilMemberChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var member = await db.CouncilMembers.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null)
        {
            return CouncilResult.NotFound();
        }

        if (member.Version != change.Version)
        {
            return CouncilResult.Conflict("Council.Stale");
        }

        var errors = await MemberErrorsAsync(id, change.Role, change.SortOrder, change.IsActive, cancellationToken);
        if (errors.Length > 0)
        {
            return CouncilResult.Invalid(errors);
        }

        db.ExpectVersion(member, change.Version);
        member.Role = change.Role;
        member.SortOrder = change.SortOrder;
        member.IsActive = change.IsActive;
        return await db.SaveOrConflictAsync(cancellationToken) is null ? CouncilResult.Ok(member.Id) : CouncilResult.Conflict("Council.Stale");
    }

    private async Task<ServiceError[]> MemberErrorsAsync(int? id, CouncilRole role, int sortOrder, bool isActive, CancellationToken cancellationToken)
    {
        var errors = new List<ServiceError>();
        if (!Enum.IsDefined(role))
        {
            errors.Add(new ServiceError("Role", "Council.Member.RoleInvalid"));
        }

        if (sortOrder is < 0 or > 9999)
        {
            errors.Add(new ServiceError("SortOrder", "Council.Member.OrderInvalid"));
        }

        // At most one active chair and one active secretary.
        if (isActive && role is CouncilRole.Chair or CouncilRole.Secretary)
        {
            var holder = await db.CouncilMembers.AsNoTracking()
                .Where(m => m.IsActive && m.Role == role && m.Id != (id ?? 0))
                .Select(m => m.StaffMember!.FullName)
                .FirstOrDefaultAsync(cancellationToken);
            if (holder is not null)
            {
                errors.Add(new ServiceError("Role", role == CouncilRole.Chair ? "Council.Member.ChairTaken" : "Council.Member.SecretaryTaken", holder));
            }
        }

        return [.. errors];
    }

    // ---- Sessions ---------------------------------------------------------------------------------------------

    public async Task<IReadOnlyList<CouncilSessionRow>> SessionsAsync(CancellationToken cancellationToken = default) =>
        await db.CouncilSessions.AsNoTracking()
            .OrderByDescending(s => s.HeldOn).ThenByDescending(s => s.Id)
            .Select(s => new CouncilSessionRow(
                s.Id, s.Title, s.HeldOn, s.Place, s.VotingMode, s.Status,
                s.Attendance.Count, s.Attendance.Count(a => a.IsPresent), s.Agenda.Count))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Creates a session with the quorum fraction of the settings (the settings row is created with its defaults when
    /// missing) and an attendance row for every active member, with the member's role copied.
    /// </summary>
    public async Task<CouncilResult> CreateSessionAsync(CouncilSessionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var title = VietnameseText.Normalize(input.Title?.Trim() ?? string.Empty);
        var place = VietnameseText.Normalize(input.Place?.Trim() ?? string.Empty);
        var errors = new List<ServiceError>();
        if (title.Length == 0)
        {
            errors.Add(new ServiceError("Title", "Council.Session.TitleRequired"));
        }
        else if (title.Length > TitleMaxLength)
        {
            errors.Add(new ServiceError("Title", "Council.Session.TitleTooLong", TitleMaxLength));
        }

        if (input.HeldOn is null)
        {
            errors.Add(new ServiceError("HeldOn", "Council.Session.DateRequired"));
        }

        if (place.Length > PlaceMaxLength)
        {
            errors.Add(new ServiceError("Place", "Council.Session.PlaceTooLong", PlaceMaxLength));
        }

        if (!Enum.IsDefined(input.VotingMode))
        {
            errors.Add(new ServiceError("VotingMode", "Council.Session.VotingModeInvalid"));
        }

        var members = await db.CouncilMembers.AsNoTracking().Where(m => m.IsActive).OrderBy(m => m.SortOrder).ToListAsync(cancellationToken);
        if (members.Count == 0)
        {
            errors.Add(new ServiceError(string.Empty, "Council.Session.NoMembers"));
        }

        if (errors.Count > 0)
        {
            return CouncilResult.Invalid([.. errors]);
        }

        var settings = await db.ProposalSettings.FirstOrDefaultAsync(s => s.Id == ProposalSettings.SingletonId, cancellationToken);
        if (settings is null)
        {
            settings = new ProposalSettings();
            db.ProposalSettings.Add(settings);
        }

        var session = new CouncilSession
        {
            Title = title,
            HeldOn = input.HeldOn!.Value,
            Place = place,
            VotingMode = input.VotingMode,
            Status = CouncilSessionStatus.Open,
            QuorumNumerator = settings.QuorumNumerator,
            QuorumDenominator = settings.QuorumDenominator,
            CreatedAt = clock.UtcNow,
        };
        foreach (var member in members)
        {
            session.Attendance.Add(new CouncilAttendance { CouncilMemberId = member.Id, Role = member.Role, IsPresent = false });
        }

        db.CouncilSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return CouncilResult.Ok(session.Id);
    }

    public async Task<CouncilSessionDetail?> SessionAsync(int id, CancellationToken cancellationToken = default)
    {
        var session = await db.CouncilSessions.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new
            {
                s.Id, s.Version, s.Title, s.HeldOn, s.Place, s.VotingMode, s.Status, s.QuorumNumerator, s.QuorumDenominator,
                s.ClosedAt, s.MinutesFileId, MinutesName = s.MinutesFile != null ? s.MinutesFile.OriginalName : null,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (session is null)
        {
            return null;
        }

        var attendance = await db.CouncilAttendance.AsNoTracking()
            .Where(a => a.SessionId == id)
            .OrderBy(a => a.Role).ThenBy(a => a.CouncilMember!.SortOrder).ThenBy(a => a.CouncilMemberId)
            .Select(a => new AttendanceRow(a.CouncilMemberId, a.CouncilMember!.StaffMember!.FullName, a.Role, a.IsPresent))
            .ToListAsync(cancellationToken);
        var members = attendance.Count;
        var present = attendance.Count(a => a.IsPresent);
        var hideTallies = session.VotingMode == VotingMode.OnlineSecret && session.Status == CouncilSessionStatus.Open;

        var items = await db.CouncilAgendaItems.AsNoTracking()
            .Where(i => i.SessionId == id)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Id)
            .Select(i => new
            {
                i.Id, i.Version, i.NomineeId, i.Nominee!.RecipientKind,
                StaffName = i.Nominee.StaffMember != null ? i.Nominee.StaffMember.FullName : null,
                StaffUnit = i.Nominee.StaffMember != null ? i.Nominee.StaffMember.Unit!.Name : null,
                UnitName = i.Nominee.Unit != null ? i.Nominee.Unit.Name : null,
                AwardTypeName = i.Nominee.AwardType!.Name,
                i.Nominee.ProposalId, ProposalTitle = i.Nominee.Proposal!.Title, i.Nominee.Achievement,
                i.Agree, i.Disagree, i.Invalid, i.Result,
                Ballots = db.CouncilBallotRecords.Count(b => b.AgendaItemId == i.Id),
                i.Nominee.AwardType.ThresholdNumerator, i.Nominee.AwardType.ThresholdDenominator, i.Nominee.AwardType.ThresholdBase,
            })
            .ToListAsync(cancellationToken);

        var agenda = items.Select(i =>
        {
            var basis = CouncilMath.ThresholdBasis(i.ThresholdBase, present, members);
            var passes = CouncilMath.Passes(i.Agree, basis, i.ThresholdNumerator, i.ThresholdDenominator);
            return new AgendaRow(
                i.Id, i.Version, i.NomineeId, i.StaffName ?? i.UnitName ?? string.Empty, i.RecipientKind, i.StaffUnit ?? i.UnitName ?? string.Empty,
                i.AwardTypeName, i.ProposalId, i.ProposalTitle, i.Achievement,
                hideTallies ? 0 : i.Agree, hideTallies ? 0 : i.Disagree, hideTallies ? 0 : i.Invalid, i.Ballots, i.Result,
                !hideTallies && passes, i.ThresholdNumerator, i.ThresholdDenominator, i.ThresholdBase);
        }).ToList();

        return new CouncilSessionDetail(
            session.Id, session.Version, session.Title, session.HeldOn, session.Place, session.VotingMode, session.Status,
            session.QuorumNumerator, session.QuorumDenominator, members, present,
            CouncilMath.QuorumNeeded(members, session.QuorumNumerator, session.QuorumDenominator),
            CouncilMath.HasQuorum(present, members, session.QuorumNumerator, session.QuorumDenominator),
            session.ClosedAt, session.MinutesFileId, session.MinutesName, attendance, agenda);
    }

    /// <summary>
    /// Sets who is present (the ticked members; the rest absent) while the session is open. A member who has already
    /// cast an online ballot stays present, and the members present cannot fall below an item's entered tallies.
    /// </summary>
    public async Task<CouncilResult> SetAttendanceAsync(int sessionId, int version, IReadOnlyCollection<int> presentMemberIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(presentMemberIds);
        var session = await db.CouncilSessions.Include(s => s.Attendance).Include(s => s.Agenda).AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return CouncilResult.NotFound();
        }

        if (session.Status != CouncilSessionStatus.Open)
        {
            return CouncilResult.Conflict("Council.Session.Closed");
        }

        if (session.Version != version)
        {
            return CouncilResult.Conflict("Council.Stale");
        }

        var known = session.Attendance.Select(a => a.CouncilMemberId).ToHashSet();
        if (presentMemberIds.Any(id => !known.Contains(id)))
        {
            return CouncilResult.Invalid(new ServiceError(string.Empty, "Council.Attendance.UnknownMember"));
        }

        var itemIds = session.Agenda.Select(i => i.Id).ToList();
        var voted = await db.CouncilBallotRecords.AsNoTracking()
            .Where(b => itemIds.Contains(b.AgendaItemId)).Select(b => b.CouncilMemberId).Distinct().ToListAsync(cancellationToken);
        if (voted.Any(id => !presentMemberIds.Contains(id)))
        {
            return CouncilResult.Invalid(new ServiceError(string.Empty, "Council.Attendance.AlreadyVoted"));
        }

        var present = session.Attendance.Count(a => presentMemberIds.Contains(a.CouncilMemberId));
        var mostCounted = session.Agenda.Select(i => i.Agree + i.Disagree + i.Invalid).DefaultIfEmpty(0).Max();
        if (mostCounted > present)
        {
            return CouncilResult.Invalid(new ServiceError(string.Empty, "Council.Attendance.BelowTallies", mostCounted));
        }

        foreach (var row in session.Attendance)
        {
            row.IsPresent = presentMemberIds.Contains(row.CouncilMemberId);
        }

        // Attendance rows are not versioned: touching the session makes two secretaries' saves collide.
        db.ExpectVersion(session, version);
        db.Entry(session).Property(s => s.Version).IsModified = true;
        return await db.SaveOrConflictAsync(cancellationToken) is null ? CouncilResult.Ok(session.Id) : CouncilResult.Conflict("Council.Stale");
    }

    // ---- Agenda -----------------------------------------------------------------------------------------------

    /// <summary>Nominees that can go on an agenda: pending, in a proposal under council review, on no open session's agenda.</summary>
    public async Task<IReadOnlyList<AgendaCandidate>> CandidatesAsync(CancellationToken cancellationToken = default)
    {
        var rows = await Eligible()
            .OrderBy(n => n.Proposal!.Id).ThenBy(n => n.SortOrder).ThenBy(n => n.Id)
            .Select(n => new
            {
                n.Id,
                StaffName = n.StaffMember != null ? n.StaffMember.FullName : null,
                UnitName = n.Unit != null ? n.Unit.Name : null,
                AwardTypeName = n.AwardType!.Name,
                ProposalTitle = n.Proposal!.Title,
                ProposalUnit = n.Proposal.Unit!.Name,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new AgendaCandidate(r.Id, r.StaffName ?? r.UnitName ?? string.Empty, r.AwardTypeName, r.ProposalTitle, r.ProposalUnit)).ToList();
    }

    public async Task<CouncilResult> AddToAgendaAsync(int sessionId, IReadOnlyCollection<int> nomineeIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nomineeIds);
        var session = await db.CouncilSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return CouncilResult.NotFound();
        }

        if (session.Status != CouncilSessionStatus.Open)
        {
            return CouncilResult.Conflict("Council.Session.Closed");
        }

        var wanted = nomineeIds.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return CouncilResult.Invalid(new ServiceError("NomineeIds", "Council.Agenda.NoneChosen"));
        }

        var eligible = await Eligible().Where(n => wanted.Contains(n.Id)).Select(n => n.Id).ToListAsync(cancellationToken);
        if (eligible.Count != wanted.Count)
        {
            return CouncilResult.Invalid(new ServiceError("NomineeIds", "Council.Agenda.NotEligible"));
        }

        var order = await db.CouncilAgendaItems.Where(i => i.SessionId == sessionId).Select(i => (int?)i.SortOrder).MaxAsync(cancellationToken) ?? 0;
        foreach (var nomineeId in wanted)
        {
            db.CouncilAgendaItems.Add(new CouncilAgendaItem { SessionId = sessionId, NomineeId = nomineeId, SortOrder = ++order });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another secretary put the same nominee on the agenda meanwhile (unique session + nominee).
            return CouncilResult.Conflict("Council.Agenda.OnOtherSession");
        }

        return CouncilResult.Ok(sessionId);
    }

    public async Task<CouncilResult> RemoveFromAgendaAsync(int sessionId, int itemId, CancellationToken cancellationToken = default)
    {
        var item = await db.CouncilAgendaItems.Include(i => i.Session).FirstOrDefaultAsync(i => i.Id == itemId && i.SessionId == sessionId, cancellationToken);
        if (item is null)
        {
            return CouncilResult.NotFound();
        }

        if (item.Session!.Status != CouncilSessionStatus.Open)
        {
            return CouncilResult.Conflict("Council.Session.Closed");
        }

        if (await db.CouncilBallotRecords.AnyAsync(b => b.AgendaItemId == itemId, cancellationToken))
        {
            return CouncilResult.Invalid(new ServiceError(string.Empty, "Council.Agenda.HasBallots"));
        }

        db.CouncilAgendaItems.Remove(item);
        await db.SaveChangesAsync(cancellationToken);
        return CouncilResult.Ok(sessionId);
    }

    private IQueryable<Nominee> Eligible() =>
        db.Nominees.AsNoTracking().Where(n =>
            n.Outcome == NomineeOutcome.Pending
            && n.Proposal!.Status == ProposalStatus.CouncilReview
            && !db.CouncilAgendaItems.Any(i => i.NomineeId == n.Id && i.Session!.Status == CouncilSessionStatus.Open));

    // ---- Results ----------------------------------------------------------------------------------------------

    /// <summary>
    /// Enters the paper tallies of one item: each ≥ 0, their sum at most the members present, only with a quorum and
    /// while the session is open. The result shown is provisional until the session is closed.
    /// </summary>
    public async Task<CouncilResult> RecordTalliesAsync(
        int sessionId, int itemId, int version, int agree, int disagree, int invalid, CancellationToken cancellationToken = default)
    {
        var item = await db.CouncilAgendaItems.Include(i => i.Nominee).ThenInclude(n => n!.AwardType)
            .FirstOrDefaultAsync(i => i.Id == itemId && i.SessionId == sessionId, cancellationToken);
        if (item is null)
        {
            return CouncilResult.NotFound();
        }

        var session = await db.CouncilSessions.AsNoTracking().Include(s => s.Attendance).FirstAsync(s => s.Id == sessionId, cancellationToken);
        if (session.Status != CouncilSessionStatus.Open)
        {
            return CouncilResult.Conflict("Council.Session.Closed");
        }

        if (session.VotingMode != VotingMode.Paper)
        {
            return CouncilResult.Invalid(new ServiceError(string.Empty, "Council.Tally.OnlineMode"));
        }

        if (item.Version != version)
        {
            return CouncilResult.Conflict("Council.Stale");
        }

        var members = session.Attendance.Count;
        var present = session.Attendance.Count(a => a.IsPresent);
        if (!CouncilMath.HasQuorum(present, members, session.QuorumNumerator, session.QuorumDenominator))
        {
            return CouncilResult.Invalid(QuorumError(session, present, members));
        }

        if (agree < 0 || disagree < 0 || invalid < 0)
        {
            return CouncilResult.Invalid(new ServiceError(string.Empty, "Council.Tally.Negative"));
        }

        if (!CouncilMath.TalliesFit(agree, disagree, invalid, present))
        {
            return CouncilResult.Invalid(new ServiceError(string.Empty, "Council.Tally.BeyondPresent", (long)agree + disagree + invalid, present));
        }

        db.ExpectVersion(item, version);
        item.Agree = agree;
        item.Disagree = disagree;
        item.Invalid = invalid;
        item.Result = ResultOf(item, present, members);
        return await db.SaveOrConflictAsync(cancellationToken) is null ? CouncilResult.Ok(item.Id) : CouncilResult.Conflict("Council.Stale");
    }

    /// <summary>What the signed-in user (through <c>PortalUser.StaffMemberId</c>) may vote on: open online sessions where they are present.</summary>
    public async Task<BallotPage> BallotAsync(string userId, CancellationToken cancellationToken = default)
    {
        var member = await MemberOfUserAsync(userId, cancellationToken);
        if (member is null)
        {
            return new BallotPage(false, null, []);
        }

        var sessions = await db.CouncilSessions.AsNoTracking()
            .Where(s => s.Status == CouncilSessionStatus.Open && s.VotingMode == VotingMode.OnlineSecret
                && s.Attendance.Any(a => a.CouncilMemberId == member.Value.Id && a.IsPresent))
            .OrderBy(s => s.HeldOn).ThenBy(s => s.Id)
            .Select(s => new
            {
                s.Id, s.Title, s.HeldOn, s.Place, s.QuorumNumerator, s.QuorumDenominator,
                Members = s.Attendance.Count, Present = s.Attendance.Count(a => a.IsPresent),
                Items = s.Agenda.OrderBy(i => i.SortOrder).ThenBy(i => i.Id).Select(i => new
                {
                    i.Id,
                    StaffName = i.Nominee!.StaffMember != null ? i.Nominee.StaffMember.FullName : null,
                    StaffUnit = i.Nominee.StaffMember != null ? i.Nominee.StaffMember.Unit!.Name : null,
                    UnitName = i.Nominee.Unit != null ? i.Nominee.Unit.Name : null,
                    AwardTypeName = i.Nominee.AwardType!.Name,
                    i.Nominee.Achievement,
                    HasVoted = db.CouncilBallotRecords.Any(b => b.AgendaItemId == i.Id && b.CouncilMemberId == member.Value.Id),
                }).ToList(),
            })
            .ToListAsync(cancellationToken);
        return new BallotPage(true, member.Value.Name, sessions.Select(s => new BallotSession(
            s.Id, s.Title, s.HeldOn, s.Place, CouncilMath.HasQuorum(s.Present, s.Members, s.QuorumNumerator, s.QuorumDenominator),
            s.Items.Select(i => new BallotItem(i.Id, i.StaffName ?? i.UnitName ?? string.Empty, i.StaffUnit ?? i.UnitName ?? string.Empty, i.AwardTypeName, i.Achievement, i.HasVoted)).ToList()))
            .ToList());
    }

    /// <summary>
    /// Casts the member's secret ballot on one item: the record that they voted and the raised counter are written in
    /// one transaction; the counter by a set-based update, so the change tracker (and the audit log, which names the
    /// user) never sees which counter moved. A second ballot on the item is refused (409) and changes nothing.
    /// </summary>
    public async Task<CouncilResult> CastBallotAsync(string userId, int itemId, bool agree, CancellationToken cancellationToken = default)
    {
        var member = await MemberOfUserAsync(userId, cancellationToken);
        if (member is null)
        {
            return CouncilResult.Forbidden("Council.Ballot.NotMember");
        }

        var item = await db.CouncilAgendaItems.AsNoTracking()
            .Where(i => i.Id == itemId)
            .Select(i => new { i.Id, i.SessionId, i.Session!.Status, i.Session.VotingMode, i.Session.QuorumNumerator, i.Session.QuorumDenominator })
            .FirstOrDefaultAsync(cancellationToken);
        if (item is null)
        {
            return CouncilResult.NotFound();
        }

        var attendance = await db.CouncilAttendance.AsNoTracking().Where(a => a.SessionId == item.SessionId).ToListAsync(cancellationToken);
        if (!attendance.Any(a => a.CouncilMemberId == member.Value.Id && a.IsPresent))
        {
            return CouncilResult.Forbidden("Council.Ballot.NotPresent");
        }

        if (item.Status != CouncilSessionStatus.Open)
        {
            return CouncilResult.Conflict("Council.Session.Closed");
        }

        if (item.VotingMode != VotingMode.OnlineSecret)
        {
            return CouncilResult.Invalid(new ServiceError(string.Empty, "Council.Ballot.NotOnline"));
        }

        if (!CouncilMath.HasQuorum(attendance.Count(a => a.IsPresent), attendance.Count, item.QuorumNumerator, item.QuorumDenominator))
        {
            return CouncilResult.Invalid(new ServiceError(string.Empty, "Council.Ballot.NoQuorum"));
        }

        if (await db.CouncilBallotRecords.AnyAsync(b => b.AgendaItemId == itemId && b.CouncilMemberId == member.Value.Id, cancellationToken))
        {
            return CouncilResult.Conflict("Council.Ballot.AlreadyVoted");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = new CouncilBallotRecord { AgendaItemId = itemId, CouncilMemberId = member.Value.Id };
        db.CouncilBallotRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same member's other tab won the race (primary key item + member).
            db.Entry(record).State = EntityState.Detached;
            return CouncilResult.Conflict("Council.Ballot.AlreadyVoted");
        }

        var raised = agree
            ? await db.CouncilAgendaItems.Where(i => i.Id == itemId && i.Session!.Status == CouncilSessionStatus.Open)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.Agree, i => i.Agree + 1), cancellationToken)
            : await db.CouncilAgendaItems.Where(i => i.Id == itemId && i.Session!.Status == CouncilSessionStatus.Open)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.Disagree, i => i.Disagree + 1), cancellationToken);
        if (raised != 1)
        {
            // Closed meanwhile: nothing is kept.
            await transaction.RollbackAsync(cancellationToken);
            db.Entry(record).State = EntityState.Detached;
            return CouncilResult.Conflict("Council.Session.Closed");
        }

        await transaction.CommitAsync(cancellationToken);
        db.Entry(record).State = EntityState.Detached;
        return CouncilResult.Ok(itemId);
    }

    private async Task<(int Id, string Name)?> MemberOfUserAsync(string? userId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return null;
        }

        var staffMemberId = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.StaffMemberId).FirstOrDefaultAsync(cancellationToken);
        if (staffMemberId is null)
        {
            return null;
        }

        var member = await db.CouncilMembers.AsNoTracking()
            .Where(m => m.StaffMemberId == staffMemberId && m.IsActive)
            .Select(m => new { m.Id, m.StaffMember!.FullName })
            .FirstOrDefaultAsync(cancellationToken);
        return member is null ? null : (member.Id, member.FullName);
    }

    // ---- Closing ----------------------------------------------------------------------------------------------

    /// <summary>
    /// Closes the session: needs a quorum and a result for every item (paper: tallies entered; online: at least one
    /// ballot). Sets each item's result and its nominee's outcome, locks the session, and moves on every proposal under
    /// council review whose nominees all have a result, in the same save; the units are notified after it.
    /// </summary>
    public async Task<CouncilResult> CloseAsync(int sessionId, int version, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var session = await db.CouncilSessions
            .Include(s => s.Attendance)
            .Include(s => s.Agenda).ThenInclude(i => i.Nominee).ThenInclude(n => n!.AwardType)
            .AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return CouncilResult.NotFound();
        }

        if (session.Status != CouncilSessionStatus.Open)
        {
            return CouncilResult.Conflict("Council.Session.Closed");
        }

        if (session.Version != version)
        {
            return CouncilResult.Conflict("Council.Stale");
        }

        var members = session.Attendance.Count;
        var present = session.Attendance.Count(a => a.IsPresent);
        if (!CouncilMath.HasQuorum(present, members, session.QuorumNumerator, session.QuorumDenominator))
        {
            return CouncilResult.Invalid(QuorumError(session, present, members));
        }

        if (session.Agenda.Count == 0)
        {
            return CouncilResult.Invalid(new ServiceError(string.Empty, "Council.Close.EmptyAgenda"));
        }

        var itemIds = session.Agenda.Select(i => i.Id).ToList();
        var withBallots = await db.CouncilBallotRecords.AsNoTracking()
            .Where(b => itemIds.Contains(b.AgendaItemId)).Select(b => b.AgendaItemId).Distinct().ToListAsync(cancellationToken);
        var missing = session.VotingMode == VotingMode.Paper
            ? session.Agenda.Count(i => i.Result == AgendaResult.Pending)
            : session.Agenda.Count(i => !withBallots.Contains(i.Id));
        if (missing > 0)
        {
            return CouncilResult.Invalid(new ServiceError(string.Empty, "Council.Close.ResultsMissing", missing));
        }

        foreach (var item in session.Agenda)
        {
            item.Result = ResultOf(item, present, members);
            item.Nominee!.Outcome = item.Result == AgendaResult.Passed ? NomineeOutcome.Passed : NomineeOutcome.Failed;
        }

        db.ExpectVersion(session, version);
        session.Status = CouncilSessionStatus.Closed;
        session.ClosedAt = clock.UtcNow;
        session.ClosedById = actor.UserId;

        var transitions = new List<ProposalTransition>();
        foreach (var proposalId in session.Agenda.Select(i => i.Nominee!.ProposalId).Distinct())
        {
            var proposal = await workflow.LoadAsync(proposalId, cancellationToken);
            if (proposal is null || proposal.Status != ProposalStatus.CouncilReview)
            {
                continue;
            }

            var active = proposal.Nominees.Where(n => n.Outcome != NomineeOutcome.Excluded).ToList();
            if (active.Count > 0 && active.All(n => n.Outcome is NomineeOutcome.Passed or NomineeOutcome.Failed)
                && workflow.Record(proposal, ProposalAction.ForwardForDecision, actor) is { } transition)
            {
                transitions.Add(transition);
            }
        }

        if (await db.SaveOrConflictAsync(cancellationToken) is not null)
        {
            return CouncilResult.Conflict("Council.Stale");
        }

        await workflow.NotifyAsync(transitions, cancellationToken);
        return CouncilResult.Ok(session.Id);
    }

    // ---- Minutes ----------------------------------------------------------------------------------------------

    /// <summary>Attaches (or replaces) the signed minutes, a PDF, while the session is open or after it is closed.</summary>
    public async Task<CouncilResult> UploadMinutesAsync(int sessionId, IncomingFile? upload, CancellationToken cancellationToken = default)
    {
        var session = await db.CouncilSessions.FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return CouncilResult.NotFound();
        }

        if (upload is null)
        {
            return CouncilResult.Invalid(new ServiceError("Minutes", "Council.Minutes.Required"));
        }

        var (file, error) = await IncomingFiles.CheckAsync(upload, "Minutes", uploads, MinutesKinds, cancellationToken);
        if (error is not null)
        {
            return CouncilResult.Invalid(error);
        }

        await using (file!.Content)
        {
            session.MinutesFile = await files.StoreAsync(file, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return CouncilResult.Ok(session.Id);
    }

    public async Task<CouncilMinutesFile?> MinutesAsync(int sessionId, CancellationToken cancellationToken = default) =>
        await db.CouncilSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.MinutesFile != null)
            .Select(s => new CouncilMinutesFile(s.MinutesFile!.StorageKey, s.MinutesFile.ContentType, s.MinutesFile.OriginalName))
            .FirstOrDefaultAsync(cancellationToken);

    private static AgendaResult ResultOf(CouncilAgendaItem item, int present, int members)
    {
        var award = item.Nominee!.AwardType!;
        var basis = CouncilMath.ThresholdBasis(award.ThresholdBase, present, members);
        return CouncilMath.Passes(item.Agree, basis, award.ThresholdNumerator, award.ThresholdDenominator) ? AgendaResult.Passed : AgendaResult.Failed;
    }

    private static ServiceError QuorumError(CouncilSession session, int present, int members) =>
        new(string.Empty, "Council.Quorum.NotMet", present, members, CouncilMath.QuorumNeeded(members, session.QuorumNumerator, session.QuorumDenominator));
}
