using EmulationPortal.Council;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Tests.Proposals.Council;

/// <summary>The online secret ballot: a present member's vote counts once, and nothing stored ties a choice to a member.</summary>
public sealed class CouncilBallotTests : CouncilTestBase
{
    [Fact]
    public async Task Vote_ByPresentMember_CountsOnce_SecondVoteRefusedAndNothingChanges()
    {
        var session = await SessionAsync(VotingMode.OnlineSecret, 7, NomineeIds[0]);
        var itemId = (await ItemAsync(session, NomineeIds[0])).Id;

        var first = await NewService().CastBallotAsync(MemberUserIds[3], itemId, agree: true);
        var second = await NewService().CastBallotAsync(MemberUserIds[3], itemId, agree: false);

        Assert.True(first.Succeeded);
        Assert.Equal(CouncilOutcome.Conflict, second.Outcome);
        Assert.Contains(second.Errors, e => e.Code == "Council.Ballot.AlreadyVoted");
        var stored = await NewContext().CouncilAgendaItems.AsNoTracking().SingleAsync(i => i.Id == itemId);
        Assert.Equal((1, 0), (stored.Agree, stored.Disagree));
        Assert.Equal(1, await NewContext().CouncilBallotRecords.CountAsync(b => b.AgendaItemId == itemId));
        var page = await NewService().BallotAsync(MemberUserIds[3]);
        Assert.True(page.Sessions.Single().Items.Single().HasVoted);
    }

    [Fact]
    public async Task Vote_ByNonMemberOrAbsentMember_IsForbiddenAndNothingCounted()
    {
        var session = await SessionAsync(VotingMode.OnlineSecret, 7, NomineeIds[0]);
        var itemId = (await ItemAsync(session, NomineeIds[0])).Id;

        var outsider = await NewService().CastBallotAsync(OutsiderUserId, itemId, agree: true);
        var absent = await NewService().CastBallotAsync(MemberUserIds[8], itemId, agree: true);

        Assert.Equal(CouncilOutcome.Forbidden, outsider.Outcome);
        Assert.Equal(CouncilOutcome.Forbidden, absent.Outcome);
        var stored = await NewContext().CouncilAgendaItems.AsNoTracking().SingleAsync(i => i.Id == itemId);
        Assert.Equal((0, 0), (stored.Agree, stored.Disagree));
        Assert.Equal(0, await NewContext().CouncilBallotRecords.CountAsync());
        Assert.False((await NewService().BallotAsync(OutsiderUserId)).IsMember);
        Assert.Empty((await NewService().BallotAsync(MemberUserIds[8])).Sessions);
    }

    [Fact]
    public async Task Vote_NoStoredRowOrAuditEntryHoldsTheChoiceNextToTheMember()
    {
        var session = await SessionAsync(VotingMode.OnlineSecret, 7, NomineeIds[0]);
        var itemId = (await ItemAsync(session, NomineeIds[0])).Id;
        var auditBefore = await NewContext().AuditEntries.CountAsync();

        // As in a request: the audit log names the signed-in member.
        Actor.Current = (MemberUserIds[4], "Hoàng Văn Đức");
        Assert.True((await NewService().CastBallotAsync(MemberUserIds[4], itemId, agree: false)).Succeeded);
        Actor.Current = (MemberUserIds[5], "Vũ Thị Hà");
        Assert.True((await NewService().CastBallotAsync(MemberUserIds[5], itemId, agree: true)).Succeeded);
        Actor.Current = null;

        var db = NewContext();
        var audit = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).Skip(auditBefore).ToListAsync();
        Assert.DoesNotContain(audit, a => a.EntityType == nameof(CouncilAgendaItem));
        Assert.DoesNotContain(audit, a => a.Changes.Contains("Agree", StringComparison.Ordinal) || a.Changes.Contains("Disagree", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, a => a.UserId == MemberUserIds[4] || a.UserId == MemberUserIds[5]);

        // The ballot record holds only the item and the member: no choice, no time.
        var columns = db.Model.FindEntityType(typeof(CouncilBallotRecord))!.GetProperties().Select(p => p.Name).Order().ToList();
        Assert.Equal(["AgendaItemId", "CouncilMemberId"], columns);
        var stored = await db.CouncilAgendaItems.AsNoTracking().SingleAsync(i => i.Id == itemId);
        Assert.Equal((1, 1), (stored.Agree, stored.Disagree));
    }

    [Fact]
    public async Task OpenOnlineSession_AdminViewShowsBallotsCastButNotHowTheyWent()
    {
        var session = await SessionAsync(VotingMode.OnlineSecret, 7, NomineeIds[0]);
        var itemId = (await ItemAsync(session, NomineeIds[0])).Id;
        Assert.True((await NewService().CastBallotAsync(MemberUserIds[0], itemId, agree: true)).Succeeded);

        var row = await ItemAsync(session, NomineeIds[0]);

        Assert.Equal(1, row.BallotsCast);
        Assert.Equal((0, 0), (row.Agree, row.Disagree));
    }

    [Fact]
    public async Task Close_OnlineSession_CountsTheBallots_AndLaterVotesAreRefused()
    {
        var session = await SessionAsync(VotingMode.OnlineSecret, 6, NomineeIds[0]);
        var itemId = (await ItemAsync(session, NomineeIds[0])).Id;
        foreach (var (user, agree) in new[] { (0, true), (1, true), (2, true), (3, false), (4, false) })
        {
            Assert.True((await NewService().CastBallotAsync(MemberUserIds[user], itemId, agree)).Succeeded);
        }

        Assert.True((await CloseAsync(session)).Succeeded);
        var late = await NewService().CastBallotAsync(MemberUserIds[5], itemId, agree: false);

        Assert.Equal(CouncilOutcome.Conflict, late.Outcome);
        var row = await ItemAsync(session, NomineeIds[0]);
        Assert.Equal((3, 2, AgendaResult.Passed), (row.Agree, row.Disagree, row.Result));
        Assert.Equal(5, await NewContext().CouncilBallotRecords.CountAsync());
    }

    [Fact]
    public async Task Vote_WithoutQuorum_IsRefused()
    {
        var session = await SessionAsync(VotingMode.OnlineSecret, 5, NomineeIds[0]);
        var itemId = (await ItemAsync(session, NomineeIds[0])).Id;

        var result = await NewService().CastBallotAsync(MemberUserIds[0], itemId, agree: true);

        Assert.Contains(result.Errors, e => e.Code == "Council.Ballot.NoQuorum");
        Assert.Equal(0, await NewContext().CouncilBallotRecords.CountAsync());
    }

    [Fact]
    public async Task Attendance_MemberWhoVoted_CannotBeMarkedAbsent()
    {
        var session = await SessionAsync(VotingMode.OnlineSecret, 8, NomineeIds[0]);
        var itemId = (await ItemAsync(session, NomineeIds[0])).Id;
        Assert.True((await NewService().CastBallotAsync(MemberUserIds[7], itemId, agree: true)).Succeeded);

        var result = await NewService().SetAttendanceAsync(session, (await DetailAsync(session)).Version, MemberIds.Take(7).ToList());

        Assert.Contains(result.Errors, e => e.Code == "Council.Attendance.AlreadyVoted");
    }
}
