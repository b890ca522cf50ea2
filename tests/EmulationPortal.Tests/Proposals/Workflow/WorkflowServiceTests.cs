using EmulationPortal.Accounts;
using EmulationPortal.Common;
using EmulationPortal.Proposals;
using Microsoft.EntityFrameworkCore;
using Moq;

namespace EmulationPortal.Tests.Proposals.Workflow;

/// <summary>
/// The workflow service against the real schema: every move of the state machine, every refusal (wrong status, wrong
/// role, another unit, a stale version, a missing reason or paper, a blocking rule, missing council results), the
/// history row, and the notifier called once the move is saved.
/// </summary>
public sealed class WorkflowServiceTests : IAsyncLifetime
{
    private const string Reason = "Thiếu biên bản họp bình xét của đơn vị.";

    private readonly Mock<IProposalChecks> _checks = new();
    private readonly Mock<IProposalNotifier> _notifier = new();
    private readonly List<ProposalTransition> _notified = [];
    private readonly List<ProposalStatus?> _statusSeenByNotifier = [];
    private WorkflowTestDb _test = null!;

    public async Task InitializeAsync()
    {
        _test = await WorkflowTestDb.CreateAsync();
        _checks.Setup(c => c.CheckAsync(It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        _notifier.Setup(n => n.NotifyAsync(It.IsAny<IReadOnlyList<ProposalTransition>>(), It.IsAny<CancellationToken>()))
            .Returns<IReadOnlyList<ProposalTransition>, CancellationToken>(async (transitions, cancellationToken) =>
            {
                _notified.AddRange(transitions);

                // What another request would read now: the move must already be saved when the unit is told.
                await using var other = _test.NewContext();
                foreach (var t in transitions)
                {
                    _statusSeenByNotifier.Add(await other.Proposals.Where(p => p.Id == t.ProposalId).Select(p => (ProposalStatus?)p.Status).SingleOrDefaultAsync(cancellationToken));
                }
            });
    }

    public async Task DisposeAsync() => await _test.DisposeAsync();

    public static TheoryData<int, ProposalStatus> EveryUserMove()
    {
        var data = new TheoryData<int, ProposalStatus>();
        for (var i = 0; i < ProposalStateMachine.Transitions.Count; i++)
        {
            var rule = ProposalStateMachine.Transitions[i];
            if (rule.Action is ProposalAction.Award or ProposalAction.CancelDecision)
            {
                continue;
            }

            foreach (var from in rule.From)
            {
                data.Add(i, from);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryUserMove))]
    public async Task Move_ByEachAllowedRole_FromEachOfItsStatuses_Succeeds_AndIsKept(int ruleIndex, ProposalStatus from)
    {
        var rule = ProposalStateMachine.Transitions[ruleIndex];
        var outcomes = from == ProposalStatus.CouncilReview ? new[] { NomineeOutcome.Passed, NomineeOutcome.Failed } : [NomineeOutcome.Pending];
        foreach (var role in rule.Roles)
        {
            var id = await _test.ProposalAsync(from, rule.WhenSteps, null, outcomes);
            var reason = rule.RequiresReason ? Reason : null;

            await using var db = _test.NewContext();
            var result = await Service(db).MoveAsync(new MoveRequest(id, rule.Action, 0, reason), WorkflowTestDb.Actor(role, _test.UnitId));

            Assert.True(result.Outcome == MoveOutcome.Done, $"{rule.Action} from {from} by {role}: {result.Outcome} {string.Join(",", result.Errors.Select(e => e.Code))}");
            await using var check = _test.NewContext();
            var stored = await check.Proposals.SingleAsync(p => p.Id == id);
            Assert.Equal(rule.To, stored.Status);
            Assert.Equal(1, stored.Version);
            var history = Assert.Single(await check.ProposalTransitions.Where(t => t.ProposalId == id).ToListAsync());
            Assert.Equal((rule.Action, from, rule.To, reason, $"user-{role}", $"Người dùng {role}"), (history.Action, history.From, history.To, history.Reason, history.UserId, history.UserName));
            Assert.Equal(_test.Time.GetUtcNow().UtcDateTime, history.At);
        }

        Assert.Equal(rule.Roles.Count, _notified.Count);
        Assert.All(_statusSeenByNotifier, s => Assert.Equal(rule.To, s));
    }

    [Fact]
    public async Task EveryOtherActionAndStatus_IsRefusedAsConflict_AndChangesNothing()
    {
        var everyone = new WorkflowActor("all", "Mọi vai trò", Roles.All, _test.UnitId);
        var wrong = new List<string>();
        var cases = 0;
        foreach (var steps in new[] { ProposalSteps.None, ProposalSteps.Appraisal, ProposalSteps.Council, ProposalSteps.Appraisal | ProposalSteps.Council })
        {
            var id = await _test.ProposalAsync(ProposalStatus.Draft, steps);
            foreach (var status in Enum.GetValues<ProposalStatus>())
            {
                await using (var set = _test.NewContext())
                {
                    await set.Proposals.Where(p => p.Id == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, status).SetProperty(p => p.Version, 0));
                }

                foreach (var action in Enum.GetValues<ProposalAction>())
                {
                    var valid = ProposalStateMachine.Find(action, status, steps) is not null && action is not (ProposalAction.Award or ProposalAction.CancelDecision);
                    if (valid)
                    {
                        continue;
                    }

                    cases++;
                    await using var db = _test.NewContext();
                    var result = await Service(db).MoveAsync(new MoveRequest(id, action, 0, Reason), everyone);
                    await using var check = _test.NewContext();
                    var stored = await check.Proposals.AsNoTracking().SingleAsync(p => p.Id == id);
                    if (result.Outcome != MoveOutcome.Conflict || stored.Status != status || stored.Version != 0 || await check.ProposalTransitions.AnyAsync(t => t.ProposalId == id))
                    {
                        wrong.Add($"{action} from {status} ({steps}): {result.Outcome}, now {stored.Status} v{stored.Version}");
                    }
                }
            }
        }

        Assert.True(cases > 150, $"only {cases} refused cases were tried");
        Assert.True(wrong.Count == 0, string.Join("; ", wrong));
        Assert.Empty(_notified);
    }

    [Theory]
    [InlineData(ProposalAction.Award, ProposalStatus.AwaitingDecision)]
    [InlineData(ProposalAction.CancelDecision, ProposalStatus.Awarded)]
    [InlineData(ProposalAction.CancelDecision, ProposalStatus.Published)]
    public async Task DecisionMoves_AreRefusedFromTheProposalPage_EvenForTheLeader(ProposalAction action, ProposalStatus from)
    {
        var id = await _test.ProposalAsync(from, ProposalSteps.None);

        await using var db = _test.NewContext();
        var result = await Service(db).MoveAsync(new MoveRequest(id, action, 0, Reason), WorkflowTestDb.Actor(Roles.Leader));

        Assert.Equal(MoveOutcome.Conflict, result.Outcome);
        await AssertUnchangedAsync(id, from);
    }

    [Theory]
    [InlineData(ProposalAction.Receive, ProposalStatus.Submitted, Roles.Specialist)]
    [InlineData(ProposalAction.Receive, ProposalStatus.Submitted, Roles.UnitReporter)]
    [InlineData(ProposalAction.Submit, ProposalStatus.Draft, Roles.Editor)]
    [InlineData(ProposalAction.StartAppraisal, ProposalStatus.Received, Roles.Editor)]
    [InlineData(ProposalAction.SendToCouncil, ProposalStatus.Appraised, Roles.Leader)]
    [InlineData(ProposalAction.Publish, ProposalStatus.Awarded, Roles.Leader)]
    [InlineData(ProposalAction.ReturnToUnit, ProposalStatus.Received, Roles.CouncilSecretary)]
    public async Task Move_ByWrongRole_IsForbidden_AndChangesNothing(ProposalAction action, ProposalStatus from, string role)
    {
        var id = await _test.ProposalAsync(from, ProposalSteps.Appraisal | ProposalSteps.Council);

        await using var db = _test.NewContext();
        var result = await Service(db).MoveAsync(new MoveRequest(id, action, 0, Reason), WorkflowTestDb.Actor(role, _test.UnitId));

        Assert.Equal(MoveOutcome.Forbidden, result.Outcome);
        Assert.Equal("Proposal.Move.WrongRole", Assert.Single(result.Errors).Code);
        await AssertUnchangedAsync(id, from);
    }

    [Theory]
    [InlineData(ProposalAction.Submit, ProposalStatus.Draft)]
    [InlineData(ProposalAction.Withdraw, ProposalStatus.Submitted)]
    public async Task UnitReporter_OfAnotherUnit_GetsNotFound(ProposalAction action, ProposalStatus from)
    {
        var id = await _test.ProposalAsync(from, ProposalSteps.None);

        await using var db = _test.NewContext();
        var result = await Service(db).MoveAsync(new MoveRequest(id, action, 0, null), WorkflowTestDb.Actor(Roles.UnitReporter, _test.OtherUnitId));

        Assert.Equal(MoveOutcome.NotFound, result.Outcome);
        await AssertUnchangedAsync(id, from);
    }

    [Fact]
    public async Task UnitReporter_OfTheUnit_Submits()
    {
        var id = await _test.ProposalAsync(ProposalStatus.Draft, ProposalSteps.None);

        await using var db = _test.NewContext();
        var result = await Service(db).MoveAsync(new MoveRequest(id, ProposalAction.Submit, 0, null), WorkflowTestDb.Actor(Roles.UnitReporter, _test.UnitId));

        Assert.Equal(MoveOutcome.Done, result.Outcome);
        await using var check = _test.NewContext();
        Assert.Equal(_test.Time.GetUtcNow().UtcDateTime, (await check.Proposals.SingleAsync(p => p.Id == id)).SubmittedAt);
    }

    [Fact]
    public async Task Move_WithAStaleVersion_IsAConflict_AndChangesNothing()
    {
        var id = await _test.ProposalAsync(ProposalStatus.Submitted, ProposalSteps.None);
        await using (var first = _test.NewContext())
        {
            Assert.Equal(MoveOutcome.Done, (await Service(first).MoveAsync(new MoveRequest(id, ProposalAction.Receive, 0, null), WorkflowTestDb.Actor(Roles.Editor))).Outcome);
        }

        // A second clerk still looking at version 0 returns it to the unit.
        await using var db = _test.NewContext();
        var result = await Service(db).MoveAsync(new MoveRequest(id, ProposalAction.ReturnToUnit, 0, Reason), WorkflowTestDb.Actor(Roles.Editor));

        Assert.Equal(MoveOutcome.Conflict, result.Outcome);
        Assert.Equal("Proposal.Move.Stale", Assert.Single(result.Errors).Code);
        await using var check = _test.NewContext();
        Assert.Equal(ProposalStatus.Received, (await check.Proposals.SingleAsync(p => p.Id == id)).Status);
        Assert.Single(await check.ProposalTransitions.Where(t => t.ProposalId == id).ToListAsync());
    }

    [Theory]
    [InlineData(null, "Proposal.Move.ReasonRequired")]
    [InlineData("   ", "Proposal.Move.ReasonRequired")]
    [InlineData("x2001", "Proposal.Move.ReasonTooLong")]
    public async Task Return_WithoutAReasonOrWithATooLongOne_IsInvalid_AndChangesNothing(string? reason, string code)
    {
        var id = await _test.ProposalAsync(ProposalStatus.Received, ProposalSteps.None);
        if (reason == "x2001")
        {
            reason = new string('x', 2001);
        }

        await using var db = _test.NewContext();
        var result = await Service(db).MoveAsync(new MoveRequest(id, ProposalAction.ReturnToUnit, 0, reason), WorkflowTestDb.Actor(Roles.Editor));

        Assert.Equal(MoveOutcome.Invalid, result.Outcome);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("Reason", code), (error.Field, error.Code));
        await AssertUnchangedAsync(id, ProposalStatus.Received);
    }

    [Fact]
    public async Task Return_WithAReasonOfExactly2000Characters_IsKeptWhole()
    {
        var id = await _test.ProposalAsync(ProposalStatus.Received, ProposalSteps.None);
        var reason = new string('ắ', 2000);

        await using var db = _test.NewContext();
        var result = await Service(db).MoveAsync(new MoveRequest(id, ProposalAction.ReturnToUnit, 0, reason), WorkflowTestDb.Actor(Roles.Editor));

        Assert.Equal(MoveOutcome.Done, result.Outcome);
        await using var check = _test.NewContext();
        Assert.Equal(reason, (await check.ProposalTransitions.SingleAsync(t => t.ProposalId == id)).Reason);
    }

    [Fact]
    public async Task Submit_WithoutTheRequiredPapers_IsInvalid_NamingEach_ThenSucceedsOnceTheyAreThere()
    {
        var id = await _test.ProposalAsync(ProposalStatus.Draft, ProposalSteps.None);
        await using (var setup = _test.NewContext())
        {
            var award = await setup.AwardTypes.SingleAsync(a => a.Id == _test.AwardTypeFor(ProposalSteps.None));
            award.RequiredDocuments = RequiredDocuments.CoverSubmission | RequiredDocuments.ReviewMinutes | RequiredDocuments.Evidence | RequiredDocuments.AchievementReport;
            await setup.SaveChangesAsync();
        }

        var unitActor = WorkflowTestDb.Actor(Roles.UnitReporter, _test.UnitId);
        await using (var db = _test.NewContext())
        {
            var refused = await Service(db).MoveAsync(new MoveRequest(id, ProposalAction.Submit, 0, null), unitActor);
            Assert.Equal(MoveOutcome.Invalid, refused.Outcome);
            Assert.Equal(
                ["Proposal.Submit.MissingCover", "Proposal.Submit.MissingEvidence", "Proposal.Submit.MissingMinutes", "Proposal.Submit.MissingReport"],
                refused.Errors.Select(e => e.Code).Order(StringComparer.Ordinal));
        }

        await AssertUnchangedAsync(id, ProposalStatus.Draft);
        int nomineeId;
        await using (var setup = _test.NewContext())
        {
            nomineeId = await setup.Nominees.Where(n => n.ProposalId == id).Select(n => n.Id).SingleAsync();
            await setup.Proposals.Where(p => p.Id == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.CoverText, "Kính gửi Giám đốc Sở …"));
        }

        await _test.AddDocumentAsync(id, ProposalDocumentKind.ReviewMinutes);
        await _test.AddDocumentAsync(id, ProposalDocumentKind.Evidence);
        await using (var db = _test.NewContext())
        {
            var stillMissing = await Service(db).MoveAsync(new MoveRequest(id, ProposalAction.Submit, 0, null), unitActor);
            Assert.Equal("Proposal.Submit.MissingReport", Assert.Single(stillMissing.Errors).Code);
        }

        await _test.AddDocumentAsync(id, ProposalDocumentKind.AchievementReport, nomineeId);
        await using (var db = _test.NewContext())
        {
            Assert.Equal(MoveOutcome.Done, (await Service(db).MoveAsync(new MoveRequest(id, ProposalAction.Submit, 0, null), unitActor)).Outcome);
        }
    }

    [Theory]
    [InlineData(ProposalAction.Submit, ProposalStatus.Draft, Roles.UnitReporter)]
    [InlineData(ProposalAction.CompleteAppraisal, ProposalStatus.UnderAppraisal, Roles.Specialist)]
    public async Task ABlockingRuleFinding_RefusesTheMove_AWarningDoesNot(ProposalAction action, ProposalStatus from, string role)
    {
        var id = await _test.ProposalAsync(from, ProposalSteps.Appraisal);
        var warning = new RuleFinding(1, "Tỷ lệ nữ", AwardRuleKind.WomenShare, RuleSeverity.Warning, null, "Rule.WomenShare", 50);
        var block = new RuleFinding(2, "CSTĐCS cần LĐTT cùng năm", AwardRuleKind.PrerequisiteSameYear, RuleSeverity.Block, null, "Rule.Prerequisite.Missing", "Nguyễn Thị Ánh");
        _checks.Setup(c => c.CheckAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync([warning, block]);
        var actor = WorkflowTestDb.Actor(role, _test.UnitId);

        await using (var db = _test.NewContext())
        {
            var refused = await Service(db).MoveAsync(new MoveRequest(id, action, 0, null), actor);
            Assert.Equal(MoveOutcome.Invalid, refused.Outcome);
            var error = Assert.Single(refused.Errors);
            Assert.Equal("Rule.Prerequisite.Missing", error.Code);
            Assert.Equal(["Nguyễn Thị Ánh"], error.Args);
        }

        await AssertUnchangedAsync(id, from);
        _checks.Setup(c => c.CheckAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync([warning]);
        await using (var db = _test.NewContext())
        {
            Assert.Equal(MoveOutcome.Done, (await Service(db).MoveAsync(new MoveRequest(id, action, 0, null), actor)).Outcome);
        }
    }

    [Fact]
    public async Task CompleteAppraisal_WithEveryNomineeExcluded_IsInvalid()
    {
        var id = await _test.ProposalAsync(ProposalStatus.UnderAppraisal, ProposalSteps.Appraisal, null, NomineeOutcome.Excluded);

        await using var db = _test.NewContext();
        var result = await Service(db).MoveAsync(new MoveRequest(id, ProposalAction.CompleteAppraisal, 0, null), WorkflowTestDb.Actor(Roles.Specialist));

        Assert.Equal(MoveOutcome.Invalid, result.Outcome);
        Assert.Equal("Proposal.Appraisal.NoNominees", Assert.Single(result.Errors).Code);
        await AssertUnchangedAsync(id, ProposalStatus.UnderAppraisal);
    }

    [Fact]
    public async Task ForwardForDecision_FromCouncilReview_WaitsForEveryNomineesResult_ExcludedOnesAside()
    {
        var id = await _test.ProposalAsync(
            ProposalStatus.CouncilReview, ProposalSteps.Appraisal | ProposalSteps.Council, null, NomineeOutcome.Passed, NomineeOutcome.Pending, NomineeOutcome.Excluded);
        var secretary = WorkflowTestDb.Actor(Roles.CouncilSecretary);
        await using (var db = _test.NewContext())
        {
            var refused = await Service(db).MoveAsync(new MoveRequest(id, ProposalAction.ForwardForDecision, 0, null), secretary);
            Assert.Equal(MoveOutcome.Invalid, refused.Outcome);
            Assert.Equal("Proposal.Council.ResultsMissing", Assert.Single(refused.Errors).Code);
        }

        await AssertUnchangedAsync(id, ProposalStatus.CouncilReview);
        await using (var setup = _test.NewContext())
        {
            await setup.Nominees.Where(n => n.ProposalId == id && n.Outcome == NomineeOutcome.Pending)
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.Outcome, NomineeOutcome.Failed));
        }

        await using (var db = _test.NewContext())
        {
            Assert.Equal(MoveOutcome.Done, (await Service(db).MoveAsync(new MoveRequest(id, ProposalAction.ForwardForDecision, 0, null), secretary)).Outcome);
        }
    }

    [Fact]
    public async Task AvailableTo_OffersTheRolesMoves_AndNeverTheDecisionOnes()
    {
        var awaitingId = await _test.ProposalAsync(ProposalStatus.AwaitingDecision, ProposalSteps.Appraisal);
        var receivedId = await _test.ProposalAsync(ProposalStatus.Received, ProposalSteps.Appraisal);
        await using var db = _test.NewContext();
        var awaiting = await db.Proposals.Include(p => p.Nominees).ThenInclude(n => n.AwardType).SingleAsync(p => p.Id == awaitingId);
        var received = await db.Proposals.Include(p => p.Nominees).ThenInclude(n => n.AwardType).SingleAsync(p => p.Id == receivedId);

        Assert.Equal([ProposalAction.ReturnToAppraisal], ProposalWorkflowService.AvailableTo(awaiting, WorkflowTestDb.Actor(Roles.Leader)).Select(m => m.Action));
        Assert.Equal([ProposalAction.ReturnToUnit, ProposalAction.StartAppraisal], ProposalWorkflowService.AvailableTo(received, WorkflowTestDb.Actor(Roles.Specialist)).Select(m => m.Action));
        Assert.Equal([ProposalAction.ReturnToUnit], ProposalWorkflowService.AvailableTo(received, WorkflowTestDb.Actor(Roles.Editor)).Select(m => m.Action));
    }

    private ProposalWorkflowService Service(EmulationPortal.Data.PortalDbContext db) => new(db, _checks.Object, _notifier.Object, _test.Clock);

    private async Task AssertUnchangedAsync(int id, ProposalStatus status)
    {
        await using var check = _test.NewContext();
        var stored = await check.Proposals.AsNoTracking().SingleAsync(p => p.Id == id);
        Assert.Equal((status, 0), (stored.Status, stored.Version));
        Assert.False(await check.ProposalTransitions.AnyAsync(t => t.ProposalId == id));
        Assert.Empty(_notified);
    }
}
