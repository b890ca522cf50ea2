using EmulationPortal.Accounts;
using EmulationPortal.Council;
using EmulationPortal.Mail;
using EmulationPortal.Proposals;
using EmulationPortal.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace EmulationPortal.Tests.Proposals.Workflow;

/// <summary>The notices and mails of moves, the Office's inbox and appraisal exclusions, and the award types' settings.</summary>
public sealed class NotifierAndOfficeTests : IAsyncLifetime
{
    private readonly Mock<IMailSender> _mail = new();
    private readonly List<OutgoingMail> _sent = [];
    private WorkflowTestDb _test = null!;

    public async Task InitializeAsync()
    {
        _test = await WorkflowTestDb.CreateAsync();
        _mail.Setup(m => m.SendAsync(It.IsAny<OutgoingMail>(), It.IsAny<CancellationToken>()))
            .Callback<OutgoingMail, CancellationToken>((m, _) => _sent.Add(m))
            .Returns(Task.CompletedTask);
        await using var db = _test.NewContext();
        var reporter = new IdentityRole(Roles.UnitReporter) { NormalizedName = Roles.UnitReporter.ToUpperInvariant() };
        var editor = new IdentityRole(Roles.Editor) { NormalizedName = Roles.Editor.ToUpperInvariant() };
        db.Roles.AddRange(reporter, editor);
        var users = new[]
        {
            (new PortalUser { UserName = "dau-moi-1", Email = "dau-moi-1@example.gov.vn", UnitId = _test.UnitId }, reporter),
            (new PortalUser { UserName = "dau-moi-2", Email = "dau-moi-2@example.gov.vn", UnitId = _test.UnitId }, reporter),
            (new PortalUser { UserName = "da-khoa", Email = "khoa@example.gov.vn", UnitId = _test.UnitId, IsDisabled = true }, reporter),
            (new PortalUser { UserName = "khong-thu", Email = "", UnitId = _test.UnitId }, reporter),
            (new PortalUser { UserName = "don-vi-khac", Email = "khac@example.gov.vn", UnitId = _test.OtherUnitId }, reporter),
            (new PortalUser { UserName = "bien-tap", Email = "bientap@example.gov.vn", UnitId = _test.UnitId }, editor),
        };
        foreach (var (user, role) in users)
        {
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
        }

        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _test.DisposeAsync();

    [Fact]
    public async Task Notify_WritesTheUnitsNotice_AndMailsItsEnabledReportersWithAnAddress()
    {
        var id = await _test.ProposalAsync(ProposalStatus.Returned, ProposalSteps.None);
        var transition = new ProposalTransition
        {
            ProposalId = id, Action = ProposalAction.ReturnToUnit, From = ProposalStatus.Received, To = ProposalStatus.Returned,
            Reason = "Thiếu biên bản họp bình xét.", UserName = "Lê Văn Thư", At = _test.Time.GetUtcNow().UtcDateTime,
        };
        var composer = new RecordingComposer();

        await using (var db = _test.NewContext())
        {
            await Notifier(db, composer, "https://thidua.example.gov.vn").NotifyAsync([transition]);
        }

        await using var check = _test.NewContext();
        var notice = Assert.Single(await check.UnitNotices.ToListAsync());
        Assert.Equal((_test.UnitId, (int?)id, "notice"), (notice.UnitId, notice.ProposalId, notice.Text));
        var mail = Assert.Single(_sent);
        Assert.Equal(["dau-moi-1@example.gov.vn", "dau-moi-2@example.gov.vn"], mail.To);
        var message = Assert.Single(composer.Messages);
        Assert.Equal("Phòng Công nghệ thông tin", message.UnitName);
        Assert.Equal("Thiếu biên bản họp bình xét.", message.Reason);
        Assert.Equal("Lê Văn Thư", message.UserName);
        Assert.Equal(new DateTime(2026, 3, 16, 10, 0, 0), message.AtLocal);
        Assert.Equal($"https://thidua.example.gov.vn/don-vi/de-nghi/{id}", message.Link);
    }

    [Fact]
    public async Task Notify_WhenTheMailFails_KeepsTheNotice_AndDoesNotThrow()
    {
        var id = await _test.ProposalAsync(ProposalStatus.Received, ProposalSteps.None);
        _mail.Setup(m => m.SendAsync(It.IsAny<OutgoingMail>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("SMTP down"));
        var transition = new ProposalTransition
        {
            ProposalId = id, Action = ProposalAction.Receive, From = ProposalStatus.Submitted, To = ProposalStatus.Received, UserName = "Văn thư", At = _test.Time.GetUtcNow().UtcDateTime,
        };

        await using (var db = _test.NewContext())
        {
            await Notifier(db, new RecordingComposer(), null).NotifyAsync([transition]);
        }

        await using var check = _test.NewContext();
        Assert.Single(await check.UnitNotices.Where(n => n.ProposalId == id).ToListAsync());
        _mail.Verify(m => m.SendAsync(It.IsAny<OutgoingMail>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Inbox_LeavesDraftsToTheUnit_FiltersAndCountsPerStatus()
    {
        await _test.ProposalAsync(ProposalStatus.Draft, ProposalSteps.None);
        var submitted = await _test.ProposalAsync(ProposalStatus.Submitted, ProposalSteps.None);
        await _test.ProposalAsync(ProposalStatus.Submitted, ProposalSteps.None, _test.OtherUnitId);
        await _test.ProposalAsync(ProposalStatus.Received, ProposalSteps.None);

        await using var db = _test.NewContext();
        var office = new ProposalOfficeService(db, _test.Clock);
        var all = await office.InboxAsync(new ProposalInboxFilter(null, null, null, null));
        var mine = await office.InboxAsync(new ProposalInboxFilter(ProposalStatus.Submitted, 2025, _test.UnitId, ProposalKind.YearEnd));
        var otherYear = await office.InboxAsync(new ProposalInboxFilter(null, 2024, null, null));
        var counts = await office.CountsAsync(null, null, null);

        Assert.Equal(3, all.TotalCount);
        Assert.Equal(submitted, Assert.Single(mine.Items).Id);
        Assert.Equal(0, otherYear.TotalCount);
        Assert.Equal(2, counts[ProposalStatus.Submitted]);
        Assert.Equal(1, counts[ProposalStatus.Received]);
        Assert.False(counts.ContainsKey(ProposalStatus.Draft));
        Assert.Null(await office.GetAsync(await _test.ProposalAsync(ProposalStatus.Draft, ProposalSteps.None), WorkflowTestDb.Actor(Roles.Editor)));
    }

    [Fact]
    public async Task Details_ListNomineesHistoryAndTheMovesOfTheUsersRole()
    {
        var id = await _test.ProposalAsync(ProposalStatus.Submitted, ProposalSteps.Appraisal);
        await _test.AddDocumentAsync(id, ProposalDocumentKind.ReviewMinutes);

        await using var db = _test.NewContext();
        var details = await new ProposalOfficeService(db, _test.Clock).GetAsync(id, WorkflowTestDb.Actor(Roles.Editor));

        Assert.NotNull(details);
        Assert.Equal("Nguyễn Thị Ánh", Assert.Single(details.Nominees).Name);
        Assert.Equal(ProposalDocumentKind.ReviewMinutes, Assert.Single(details.Documents).Kind);
        Assert.Equal([ProposalAction.Receive, ProposalAction.ReturnToUnit], details.Moves.Select(m => m.Action));
        Assert.Equal(ProposalSteps.Appraisal, details.Steps);
    }

    [Fact]
    public async Task ExcludeNominee_BySpecialistUnderAppraisalWithAReason_ThenRestore()
    {
        var id = await _test.ProposalAsync(ProposalStatus.UnderAppraisal, ProposalSteps.Appraisal, null, NomineeOutcome.Pending, NomineeOutcome.Pending);
        int nomineeId;
        await using (var db = _test.NewContext())
        {
            nomineeId = await db.Nominees.Where(n => n.ProposalId == id).OrderBy(n => n.SortOrder).Select(n => n.Id).FirstAsync();
        }

        var specialist = WorkflowTestDb.Actor(Roles.Specialist);
        await using (var db = _test.NewContext())
        {
            var office = new ProposalOfficeService(db, _test.Clock);
            Assert.Equal(MoveOutcome.Forbidden, (await office.ExcludeNomineeAsync(id, nomineeId, 0, "Lý do", WorkflowTestDb.Actor(Roles.Editor))).Outcome);
            var noReason = await office.ExcludeNomineeAsync(id, nomineeId, 0, " ", specialist);
            Assert.Equal((MoveOutcome.Invalid, "Proposal.Move.ReasonRequired"), (noReason.Outcome, Assert.Single(noReason.Errors).Code));
            Assert.Equal(MoveOutcome.NotFound, (await office.ExcludeNomineeAsync(id + 1000, nomineeId, 0, "Lý do", specialist)).Outcome);
        }

        await using (var db = _test.NewContext())
        {
            Assert.Equal(MoveOutcome.Done, (await new ProposalOfficeService(db, _test.Clock).ExcludeNomineeAsync(id, nomineeId, 0, "Đang bị kỷ luật khiển trách", specialist)).Outcome);
        }

        await using (var db = _test.NewContext())
        {
            var stored = await db.Nominees.SingleAsync(n => n.Id == nomineeId);
            Assert.Equal((NomineeOutcome.Excluded, "Đang bị kỷ luật khiển trách", 1), (stored.Outcome, stored.OutcomeReason, stored.Version));

            // The page another specialist opened before the exclusion.
            Assert.Equal(MoveOutcome.Conflict, (await new ProposalOfficeService(db, _test.Clock).RestoreNomineeAsync(id, nomineeId, 0, specialist)).Outcome);
        }

        await using (var db = _test.NewContext())
        {
            Assert.Equal(MoveOutcome.Done, (await new ProposalOfficeService(db, _test.Clock).RestoreNomineeAsync(id, nomineeId, 1, specialist)).Outcome);
        }

        await using var check = _test.NewContext();
        var restored = await check.Nominees.SingleAsync(n => n.Id == nomineeId);
        Assert.Equal((NomineeOutcome.Pending, (string?)null), (restored.Outcome, restored.OutcomeReason));
    }

    [Fact]
    public async Task ExcludeNominee_OutsideAppraisal_IsAConflict()
    {
        var id = await _test.ProposalAsync(ProposalStatus.Appraised, ProposalSteps.Appraisal);
        await using var db = _test.NewContext();
        var nomineeId = await db.Nominees.Where(n => n.ProposalId == id).Select(n => n.Id).SingleAsync();

        var result = await new ProposalOfficeService(db, _test.Clock).ExcludeNomineeAsync(id, nomineeId, 0, "Lý do", WorkflowTestDb.Actor(Roles.Specialist));

        Assert.Equal(MoveOutcome.Conflict, result.Outcome);
        Assert.Equal(NomineeOutcome.Pending, (await db.Nominees.AsNoTracking().SingleAsync(n => n.Id == nomineeId)).Outcome);
    }

    [Theory]
    [InlineData(1, 0, "AwardWorkflow.Denominator.Range")]
    [InlineData(1, 101, "AwardWorkflow.Denominator.Range")]
    [InlineData(0, 3, "AwardWorkflow.Numerator.Range")]
    [InlineData(4, 3, "AwardWorkflow.Numerator.Range")]
    public async Task AwardTypeThreshold_OutOfRange_IsRefused(int numerator, int denominator, string code)
    {
        await using var db = _test.NewContext();
        var service = new AwardWorkflowSettingsService(db);
        var id = _test.AwardTypeFor(ProposalSteps.Council);
        var form = (await service.GetAsync(id))!;
        form.ThresholdNumerator = numerator;
        form.ThresholdDenominator = denominator;

        var result = await service.SaveAsync(id, form);

        Assert.Equal(code, Assert.Single(result!.Errors).Code);
        await using var check = _test.NewContext();
        Assert.Equal((1, 2), await check.AwardTypes.Where(a => a.Id == id).Select(a => new ValueTuple<int, int>(a.ThresholdNumerator, a.ThresholdDenominator)).SingleAsync());
    }

    [Fact]
    public async Task AwardTypeSettings_AtTheBoundaries_AreSaved_AndAStaleFormIsAConflict()
    {
        var id = _test.AwardTypeFor(ProposalSteps.None);
        await using (var db = _test.NewContext())
        {
            var service = new AwardWorkflowSettingsService(db);
            var form = (await service.GetAsync(id))!;
            form.Steps = ProposalSteps.Appraisal | ProposalSteps.Council;
            form.RequiredDocuments = RequiredDocuments.CoverSubmission | RequiredDocuments.AchievementReport;
            form.ThresholdNumerator = 100;
            form.ThresholdDenominator = 100;
            form.ThresholdBase = ThresholdBase.AllMembers;
            Assert.True((await service.SaveAsync(id, form))!.Succeeded);

            form.ThresholdNumerator = 1;
            var stale = await new AwardWorkflowSettingsService(_test.NewContext()).SaveAsync(id, form);
            Assert.NotNull(stale!.Conflict);
        }

        await using var check = _test.NewContext();
        var award = await check.AwardTypes.SingleAsync(a => a.Id == id);
        Assert.Equal(
            (ProposalSteps.Appraisal | ProposalSteps.Council, RequiredDocuments.CoverSubmission | RequiredDocuments.AchievementReport, 100, 100, ThresholdBase.AllMembers),
            (award.Steps, award.RequiredDocuments, award.ThresholdNumerator, award.ThresholdDenominator, award.ThresholdBase));
    }

    [Fact]
    public async Task Settings_ShowDefaultsWithoutSaving_AreCreatedOnFirstSave_AndValidated()
    {
        await using var db = _test.NewContext();
        var service = new AwardWorkflowSettingsService(db);
        var defaults = await service.GetSettingsAsync();
        Assert.Equal((2, 3, 5), (defaults.QuorumNumerator, defaults.QuorumDenominator, defaults.ConsultationWorkingDays));
        Assert.Equal((2, 3), ((await AwardWorkflowSettingsService.CurrentAsync(db)).QuorumNumerator, (await AwardWorkflowSettingsService.CurrentAsync(db)).QuorumDenominator));
        Assert.False(await db.ProposalSettings.AnyAsync());

        defaults.QuorumNumerator = 4;
        defaults.ConsultationWorkingDays = 0;
        defaults.DecidedBy = "";
        var refused = await service.SaveSettingsAsync(defaults);
        Assert.Equal(
            ["AwardWorkflow.ConsultationDays.Range", "AwardWorkflow.Numerator.Range", "AwardWorkflow.Required"],
            refused.Errors.Select(e => e.Code).Order(StringComparer.Ordinal));
        Assert.False(await db.ProposalSettings.AnyAsync());

        defaults.QuorumNumerator = 3;
        defaults.QuorumDenominator = 4;
        defaults.ConsultationWorkingDays = 10;
        defaults.DecidedBy = "Giám đốc Sở";
        defaults.DecisionPlace = "Lâm Đồng";
        Assert.True((await service.SaveSettingsAsync(defaults)).Succeeded);
        var stored = await AwardWorkflowSettingsService.CurrentAsync(db);
        Assert.Equal((3, 4, 10, "Lâm Đồng"), (stored.QuorumNumerator, stored.QuorumDenominator, stored.ConsultationWorkingDays, stored.DecisionPlace));
        Assert.Single(await db.ProposalSettings.ToListAsync());
    }

    [Fact]
    public async Task DemoSettings_ConfigureTheSeededAwardTypesByName_AndTheSettingsRow()
    {
        await using (var setup = _test.NewContext())
        {
            setup.AwardTypes.AddRange(
                new EmulationPortal.Honors.AwardType { Name = "Giấy khen của Giám đốc Sở", RecipientKind = EmulationPortal.Honors.RecipientKind.Both },
                new EmulationPortal.Honors.AwardType { Name = "Chiến sĩ thi đua cơ sở" });
            await setup.SaveChangesAsync();
        }

        await using (var db = _test.NewContext())
        {
            await DemoProposalSettings.ApplyAsync(db);
            await DemoProposalSettings.ApplyAsync(db);
        }

        await using var check = _test.NewContext();
        var paper = await check.AwardTypes.SingleAsync(a => a.Name == "Giấy khen của Giám đốc Sở");
        var cstd = await check.AwardTypes.SingleAsync(a => a.Name == "Chiến sĩ thi đua cơ sở");
        Assert.False(paper.Steps.HasFlag(ProposalSteps.Council));
        Assert.Equal(ProposalSteps.Appraisal | ProposalSteps.Council, cstd.Steps);
        Assert.Equal((2, 3), (cstd.ThresholdNumerator, cstd.ThresholdDenominator));
        Assert.Single(await check.ProposalSettings.ToListAsync());
    }

    private ProposalNotifier Notifier(EmulationPortal.Data.PortalDbContext db, IProposalMessageComposer composer, string? baseUrl) =>
        new(db, _mail.Object, composer, _test.Clock, new ProposalNotifierOptions { BaseUrl = baseUrl }, NullLogger<ProposalNotifier>.Instance);

    private sealed class RecordingComposer : IProposalMessageComposer
    {
        public List<ProposalMoveMessage> Messages { get; } = [];

        public string Notice(ProposalMoveMessage message)
        {
            Messages.Add(message);
            return "notice";
        }

        public (string Subject, string Body) Mail(ProposalMoveMessage message) => ("subject", "body");
    }
}
