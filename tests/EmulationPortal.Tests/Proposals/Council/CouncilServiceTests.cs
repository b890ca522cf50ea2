using EmulationPortal.Council;
using EmulationPortal.Proposals;
using Microsoft.EntityFrameworkCore;
using Moq;

namespace EmulationPortal.Tests.Proposals.Council;

/// <summary>Members, sessions, quorum, paper tallies and closing, against SQLite in memory.</summary>
public sealed class CouncilServiceTests : CouncilTestBase
{
    [Fact]
    public async Task AddMember_SecondActiveChair_IsRefusedAndNothingSaved()
    {
        var result = await NewService().AddMemberAsync(new CouncilMemberInput(StaffIds[9], CouncilRole.Chair, 10));

        Assert.Equal(CouncilOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Errors, e => e.Code == "Council.Member.ChairTaken" && (string)e.Args[0] == "Nguyễn Văn An");
        Assert.Equal(9, await NewContext().CouncilMembers.CountAsync());
    }

    [Fact]
    public async Task ChangeRole_ToSecretaryWhileOneIsActive_IsRefused_AfterDeactivatingTheOld_Works()
    {
        var members = await NewService().MembersAsync();
        var member = members.Single(m => m.Id == MemberIds[5]);
        var refused = await NewService().UpdateMemberAsync(member.Id, new CouncilMemberChange(member.Version, CouncilRole.Secretary, 5, true));
        Assert.Contains(refused.Errors, e => e.Code == "Council.Member.SecretaryTaken");

        var old = members.Single(m => m.Id == MemberIds[2]);
        Assert.True((await NewService().UpdateMemberAsync(old.Id, new CouncilMemberChange(old.Version, CouncilRole.Secretary, 2, false))).Succeeded);
        var changed = await NewService().UpdateMemberAsync(member.Id, new CouncilMemberChange(member.Version, CouncilRole.Secretary, 5, true));

        Assert.True(changed.Succeeded);
        var after = await NewService().MembersAsync();
        Assert.Equal(CouncilRole.Secretary, after.Single(m => m.Id == member.Id).Role);
        Assert.False(after.Single(m => m.Id == old.Id).IsActive);
    }

    [Fact]
    public async Task AddMember_SameStaffTwice_IsRefused()
    {
        var result = await NewService().AddMemberAsync(new CouncilMemberInput(StaffIds[0], CouncilRole.Member, 3));
        Assert.Contains(result.Errors, e => e.Code == "Council.Member.AlreadyMember");
    }

    [Fact]
    public async Task CreateSession_CopiesQuorumFromSettings_AndAddsAttendanceForActiveMembersOnly()
    {
        var db = NewContext();
        var settings = await db.ProposalSettings.FirstOrDefaultAsync();
        if (settings is null)
        {
            settings = new ProposalSettings();
            db.ProposalSettings.Add(settings);
        }

        settings.QuorumNumerator = 3;
        settings.QuorumDenominator = 4;
        var inactive = await db.CouncilMembers.SingleAsync(m => m.Id == MemberIds[8]);
        inactive.IsActive = false;
        await db.SaveChangesAsync();

        var created = await NewService().CreateSessionAsync(new CouncilSessionInput("Phiên họp tháng 12", new DateOnly(2026, 12, 20), "Hội trường", VotingMode.Paper));

        var detail = await DetailAsync(created.Id!.Value);
        Assert.Equal((3, 4), (detail.QuorumNumerator, detail.QuorumDenominator));
        Assert.Equal(8, detail.Members);
        Assert.DoesNotContain(detail.Attendance, a => a.CouncilMemberId == MemberIds[8]);
        Assert.Equal(CouncilRole.Chair, detail.Attendance.Single(a => a.CouncilMemberId == MemberIds[0]).Role);
        Assert.All(detail.Attendance, a => Assert.False(a.IsPresent));
    }

    [Fact]
    public async Task CreateSession_WithoutSettingsRow_UsesTwoThirdsAndCreatesTheRow()
    {
        var db = NewContext();
        db.ProposalSettings.RemoveRange(db.ProposalSettings);
        await db.SaveChangesAsync();

        var created = await NewService().CreateSessionAsync(new CouncilSessionInput("Phiên họp", new DateOnly(2026, 12, 20), null, VotingMode.Paper));

        var detail = await DetailAsync(created.Id!.Value);
        Assert.Equal((2, 3), (detail.QuorumNumerator, detail.QuorumDenominator));
        Assert.Equal(1, await NewContext().ProposalSettings.CountAsync());
    }

    [Fact]
    public async Task CreateSession_WithoutTitle_IsRefused()
    {
        var result = await NewService().CreateSessionAsync(new CouncilSessionInput("  ", new DateOnly(2026, 12, 20), null, VotingMode.Paper));
        Assert.Contains(result.Errors, e => e.Code == "Council.Session.TitleRequired");
        Assert.Equal(0, await NewContext().CouncilSessions.CountAsync());
    }

    [Theory]
    [InlineData(6, true)]
    [InlineData(5, false)]
    public async Task Tallies_NineMembers_NeedSixPresent(int present, bool accepted)
    {
        var session = await SessionAsync(VotingMode.Paper, present, NomineeIds[0]);

        var result = await TallyAsync(session, NomineeIds[0], 3, 1, 0);

        Assert.Equal(accepted, result.Succeeded);
        if (!accepted)
        {
            Assert.Contains(result.Errors, e => e.Code == "Council.Quorum.NotMet");
            Assert.Equal(0, (await ItemAsync(session, NomineeIds[0])).Agree);
        }
    }

    [Fact]
    public async Task Quorum_ThreeMembers_TwoPresentIsEnough()
    {
        var db = NewContext();
        foreach (var member in await db.CouncilMembers.Where(m => !MemberIds.Take(3).Contains(m.Id)).ToListAsync())
        {
            member.IsActive = false;
        }

        await db.SaveChangesAsync();
        var session = await SessionAsync(VotingMode.Paper, 2, NomineeIds[0]);

        var detail = await DetailAsync(session);
        Assert.Equal(3, detail.Members);
        Assert.True(detail.HasQuorum);
        Assert.True((await TallyAsync(session, NomineeIds[0], 2, 0, 0)).Succeeded);
    }

    [Fact]
    public async Task Tallies_BeyondMembersPresent_AreRefusedAndNothingChanges()
    {
        var session = await SessionAsync(VotingMode.Paper, 7, NomineeIds[0]);
        Assert.True((await TallyAsync(session, NomineeIds[0], 4, 2, 1)).Succeeded);

        var result = await TallyAsync(session, NomineeIds[0], 5, 2, 1);

        Assert.Equal(CouncilOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Errors, e => e.Code == "Council.Tally.BeyondPresent");
        var item = await ItemAsync(session, NomineeIds[0]);
        Assert.Equal((4, 2, 1), (item.Agree, item.Disagree, item.Invalid));
    }

    [Fact]
    public async Task Tallies_Negative_AreRefused()
    {
        var session = await SessionAsync(VotingMode.Paper, 7, NomineeIds[0]);
        var result = await TallyAsync(session, NomineeIds[0], 4, -1, 0);
        Assert.Contains(result.Errors, e => e.Code == "Council.Tally.Negative");
    }

    [Fact]
    public async Task Attendance_CannotDropBelowEnteredTallies()
    {
        var session = await SessionAsync(VotingMode.Paper, 8, NomineeIds[0]);
        Assert.True((await TallyAsync(session, NomineeIds[0], 5, 2, 1)).Succeeded);

        var result = await NewService().SetAttendanceAsync(session, (await DetailAsync(session)).Version, MemberIds.Take(7).ToList());

        Assert.Contains(result.Errors, e => e.Code == "Council.Attendance.BelowTallies");
        Assert.Equal(8, (await DetailAsync(session)).Present);
    }

    [Fact]
    public async Task Close_ExactlyTheThresholds_Pass_OneFewerFails_AndProposalMovesToAwaitingDecision()
    {
        // Eight present of nine. Nominee 0: 1/2 of present → 4 of 8 passes. Nominee 1: 3 of 8 fails.
        // Nominee 2: 2/3 of all nine members (not of the eight present) → exactly 6 passes.
        var session = await SessionAsync(VotingMode.Paper, 8, [.. NomineeIds]);
        Assert.True((await TallyAsync(session, NomineeIds[0], 4, 4, 0)).Succeeded);
        Assert.True((await TallyAsync(session, NomineeIds[1], 3, 5, 0)).Succeeded);
        Assert.True((await TallyAsync(session, NomineeIds[2], 6, 2, 0)).Succeeded);

        var closed = await CloseAsync(session);

        Assert.True(closed.Succeeded, string.Join(", ", closed.Errors.Select(e => e.Code)));
        var db = NewContext();
        var nominees = await db.Nominees.Where(n => n.ProposalId == ProposalId).OrderBy(n => n.SortOrder).ToListAsync();
        Assert.Equal([NomineeOutcome.Passed, NomineeOutcome.Failed, NomineeOutcome.Passed], nominees.Select(n => n.Outcome));
        var proposal = await db.Proposals.SingleAsync(p => p.Id == ProposalId);
        Assert.Equal(ProposalStatus.AwaitingDecision, proposal.Status);
        var transition = await db.ProposalTransitions.SingleAsync(t => t.ProposalId == ProposalId);
        Assert.Equal((ProposalAction.ForwardForDecision, ProposalStatus.CouncilReview, "secretary-user"), (transition.Action, transition.From, transition.UserId));
        Notifier.Verify(n => n.NotifyAsync(It.Is<IReadOnlyList<ProposalTransition>>(t => t.Count == 1 && t[0].ProposalId == ProposalId), It.IsAny<CancellationToken>()), Times.Once);
        var detail = await DetailAsync(session);
        Assert.Equal(CouncilSessionStatus.Closed, detail.Status);
        Assert.Equal([AgendaResult.Passed, AgendaResult.Failed, AgendaResult.Passed], detail.Agenda.Select(i => i.Result));
    }

    [Fact]
    public async Task Close_TwoThirdsOfAllMembers_FiveOfNineFails_EvenWhenFiveOfSixPresentWouldPass()
    {
        var session = await SessionAsync(VotingMode.Paper, 6, NomineeIds[2]);
        Assert.True((await TallyAsync(session, NomineeIds[2], 5, 1, 0)).Succeeded);

        Assert.True((await CloseAsync(session)).Succeeded);

        Assert.Equal(NomineeOutcome.Failed, (await NewContext().Nominees.SingleAsync(n => n.Id == NomineeIds[2])).Outcome);
    }

    [Fact]
    public async Task Close_WithSomeNomineesLeft_KeepsTheProposalInCouncilReview()
    {
        var session = await SessionAsync(VotingMode.Paper, 9, NomineeIds[0]);
        Assert.True((await TallyAsync(session, NomineeIds[0], 9, 0, 0)).Succeeded);

        Assert.True((await CloseAsync(session)).Succeeded);

        Assert.Equal(ProposalStatus.CouncilReview, (await NewContext().Proposals.SingleAsync(p => p.Id == ProposalId)).Status);
        Assert.Equal(NomineeOutcome.Passed, (await NewContext().Nominees.SingleAsync(n => n.Id == NomineeIds[0])).Outcome);
    }

    [Fact]
    public async Task Close_WithoutResultForEveryItem_IsRefused()
    {
        var session = await SessionAsync(VotingMode.Paper, 9, NomineeIds[0], NomineeIds[1]);
        Assert.True((await TallyAsync(session, NomineeIds[0], 9, 0, 0)).Succeeded);

        var result = await CloseAsync(session);

        Assert.Contains(result.Errors, e => e.Code == "Council.Close.ResultsMissing");
        Assert.Equal(CouncilSessionStatus.Open, (await DetailAsync(session)).Status);
        Assert.Equal(NomineeOutcome.Pending, (await NewContext().Nominees.SingleAsync(n => n.Id == NomineeIds[0])).Outcome);
    }

    [Fact]
    public async Task Close_WithoutQuorum_IsRefused()
    {
        var session = await SessionAsync(VotingMode.Paper, 9, NomineeIds[0]);
        Assert.True((await TallyAsync(session, NomineeIds[0], 5, 0, 0)).Succeeded);
        Assert.True((await NewService().SetAttendanceAsync(session, (await DetailAsync(session)).Version, MemberIds.Take(5).ToList())).Succeeded);

        var result = await CloseAsync(session);

        Assert.Contains(result.Errors, e => e.Code == "Council.Quorum.NotMet");
        Assert.Equal(CouncilSessionStatus.Open, (await DetailAsync(session)).Status);
    }

    [Fact]
    public async Task AfterClose_EveryChange_IsAConflictAndNothingChanges()
    {
        var session = await SessionAsync(VotingMode.Paper, 9, NomineeIds[0]);
        Assert.True((await TallyAsync(session, NomineeIds[0], 6, 3, 0)).Succeeded);
        Assert.True((await CloseAsync(session)).Succeeded);
        var before = await DetailAsync(session);
        var item = before.Agenda[0];

        var tallies = await NewService().RecordTalliesAsync(session, item.Id, item.Version, 1, 8, 0);
        var attendance = await NewService().SetAttendanceAsync(session, before.Version, MemberIds.Take(6).ToList());
        var agenda = await NewService().AddToAgendaAsync(session, [NomineeIds[1]]);
        var removal = await NewService().RemoveFromAgendaAsync(session, item.Id);
        var again = await NewService().CloseAsync(session, before.Version, Secretary);

        Assert.All([tallies, attendance, agenda, removal, again], r => Assert.Equal(CouncilOutcome.Conflict, r.Outcome));
        Assert.All([tallies, attendance, agenda, removal, again], r => Assert.Contains(r.Errors, e => e.Code == "Council.Session.Closed"));
        var after = await DetailAsync(session);
        Assert.Equal((6, 3, 0, AgendaResult.Passed), (after.Agenda[0].Agree, after.Agenda[0].Disagree, after.Agenda[0].Invalid, after.Agenda[0].Result));
        Assert.Equal(9, after.Present);
        Assert.Single(after.Agenda);
    }

    [Fact]
    public async Task Minutes_PdfIsAttachedEvenAfterClose_OtherFilesAreRefused()
    {
        var session = await SessionAsync(VotingMode.Paper, 9, NomineeIds[0]);
        Assert.True((await TallyAsync(session, NomineeIds[0], 9, 0, 0)).Succeeded);
        Assert.True((await CloseAsync(session)).Succeeded);

        using var notPdf = new MemoryStream("<html>biên bản</html>"u8.ToArray());
        var refused = await NewService().UploadMinutesAsync(session, new Files.IncomingFile("bien-ban.pdf", notPdf));
        using var pdf = new MemoryStream("%PDF-1.4\n% biên bản họp\n"u8.ToArray());
        var stored = await NewService().UploadMinutesAsync(session, new Files.IncomingFile("Biên bản họp Hội đồng.pdf", pdf));

        Assert.Contains(refused.Errors, e => e.Code == "Upload.ContentMismatch");
        Assert.True(stored.Succeeded, string.Join(", ", stored.Errors.Select(e => e.Code)));
        var minutes = await NewService().MinutesAsync(session);
        Assert.Equal(("Biên bản họp Hội đồng.pdf", "application/pdf"), (minutes!.OriginalName, minutes.ContentType));
    }

    [Fact]
    public async Task Agenda_OnlyPendingNomineesOfProposalsInCouncilReview()
    {
        var db = NewContext();
        var other = new Proposal
        {
            UnitId = UnitId, Year = 2026, Title = "Hồ sơ còn ở đơn vị", Status = ProposalStatus.Draft,
            CreatedAt = Time.GetUtcNow().UtcDateTime, UpdatedAt = Time.GetUtcNow().UtcDateTime,
        };
        other.Nominees.Add(new Nominee { RecipientKind = Honors.RecipientKind.Individual, StaffMemberId = StaffIds[4], AwardTypeId = HalfOfPresentAwardId, Achievement = "x" });
        db.Proposals.Add(other);
        await db.SaveChangesAsync();
        var draftNominee = other.Nominees.Single().Id;
        var session = await SessionAsync(VotingMode.Paper, 9);

        var candidates = await NewService().CandidatesAsync();
        var refused = await NewService().AddToAgendaAsync(session, [NomineeIds[0], draftNominee]);

        Assert.Equal(NomineeIds.Order(), candidates.Select(c => c.NomineeId).Order());
        Assert.Contains(refused.Errors, e => e.Code == "Council.Agenda.NotEligible");
        Assert.Empty((await DetailAsync(session)).Agenda);
        Assert.True((await NewService().AddToAgendaAsync(session, [NomineeIds[0]])).Succeeded);
        Assert.DoesNotContain(await NewService().CandidatesAsync(), c => c.NomineeId == NomineeIds[0]);
    }
}

/// <summary>The demo council seeded from the demo staff.</summary>
public sealed class DemoCouncilTests : CouncilTestBase
{
    [Fact]
    public async Task DemoCouncil_HasOneChairOneSecretary_AndSkipsUnknownNames()
    {
        var db = NewContext();
        db.CouncilMembers.RemoveRange(db.CouncilMembers);
        await db.SaveChangesAsync();
        var unit = await db.Units.FirstAsync();
        var staff = Seeding.DemoCouncil.Members.Skip(1)
            .Select(m => new Organisation.StaffMember { FullName = m.Name, Position = "Cán bộ", UnitId = unit.Id })
            .ToDictionary(s => s.FullName, StringComparer.Ordinal);

        var added = Seeding.DemoCouncil.Add(db, staff);
        await db.SaveChangesAsync();

        Assert.Equal(Seeding.DemoCouncil.Members.Length - 1, added.Count);
        var members = await NewService().MembersAsync();
        Assert.DoesNotContain(members, m => m.Role == CouncilRole.Chair);
        Assert.Single(members, m => m.Role == CouncilRole.Secretary);
        Assert.Equal("Lê Thị Thu Hà", members[0].FullName);

        // The service can now take a chair: exactly one.
        Assert.True((await NewService().AddMemberAsync(new CouncilMemberInput(StaffIds[0], CouncilRole.Chair, 0))).Succeeded);
    }
}
