using EmulationPortal.Feedbacks;
using EmulationPortal.Proposals;
using EmulationPortal.Tests.Participation;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Tests.Proposals.Certificates;

public sealed class ConsultationServiceTests
{
    // Friday 27 November 2026, 09:00 in Vietnam.
    private static readonly DateTimeOffset FridayMorning = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-11-27", 5, "2026-12-03")] // Friday + 5 working days: Fri, Mon, Tue, Wed, Thu
    [InlineData("2026-11-23", 5, "2026-11-27")] // Monday + 5: the same week's Friday
    [InlineData("2026-11-28", 5, "2026-12-04")] // Saturday: counts from Monday
    [InlineData("2026-11-27", 1, "2026-11-27")] // one day: that day
    [InlineData("2026-11-26", 10, "2026-12-09")] // Thursday + 10: two weekends skipped
    public void EndDate_CountsMondayToFriday(string start, int days, string end) =>
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), ConsultationService.EndDate(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), days));

    [Fact]
    public async Task Candidates_AreNomineesPastAppraisalOfAwardTypesWithAConsultation()
    {
        var (connection, db) = await DashboardTestData.InMemoryAsync();
        await using var _ = connection;
        await using var __ = db;
        var service = new ConsultationService(db, CertificateTestData.Clock(FridayMorning));
        var seeded = await CertificateTestData.ConsultationProposalAsync(db, ["Nguyễn Văn An", "Trần Thị Bình"]);

        var candidates = await service.CandidatesAsync();

        Assert.Equal(seeded.NomineeIds, candidates.Select(c => c.NomineeId));
        Assert.DoesNotContain(candidates, c => c.NomineeId == seeded.OtherAwardNomineeId || c.NomineeId == seeded.DraftNomineeId);
    }

    [Fact]
    public async Task Open_PublishesForTheConfiguredWorkingDays_ThenCloseHidesIt()
    {
        var (connection, db) = await DashboardTestData.InMemoryAsync();
        await using var _ = connection;
        await using var __ = db;
        var service = new ConsultationService(db, CertificateTestData.Clock(FridayMorning));
        var seeded = await CertificateTestData.ConsultationProposalAsync(db, ["Nguyễn Văn An", "Trần Thị Bình"]);

        var result = await service.OpenAsync(new OpenConsultationInput("Lấy ý kiến danh sách đề nghị Chiến sĩ thi đua cơ sở năm 2026", new DateOnly(2026, 11, 27), seeded.NomineeIds));

        Assert.True(result.Succeeded);
        var current = Assert.Single(await service.CurrentAsync());
        Assert.Equal(new DateOnly(2026, 12, 3), current.EndsOn);
        Assert.Equal(["Nguyễn Văn An", "Trần Thị Bình"], current.Nominees.Select(n => n.Name));
        Assert.Empty(await service.CandidatesAsync());
        Assert.NotNull(await service.CurrentNomineeAsync(seeded.NomineeIds[0]));

        Assert.True((await service.CloseAsync(current.Id, current.Version)).Succeeded);
        Assert.Empty(await service.CurrentAsync());
        Assert.Null(await service.CurrentNomineeAsync(seeded.NomineeIds[0]));
    }

    [Fact]
    public async Task Open_WithANomineeThatNeedsNoConsultation_OrAStartInThePast_ChangesNothing()
    {
        var (connection, db) = await DashboardTestData.InMemoryAsync();
        await using var _ = connection;
        await using var __ = db;
        var service = new ConsultationService(db, CertificateTestData.Clock(FridayMorning));
        var seeded = await CertificateTestData.ConsultationProposalAsync(db, ["Nguyễn Văn An"]);

        var wrongNominee = await service.OpenAsync(new OpenConsultationInput("Lấy ý kiến", new DateOnly(2026, 11, 27), [seeded.NomineeIds[0], seeded.OtherAwardNomineeId]));
        var pastStart = await service.OpenAsync(new OpenConsultationInput("Lấy ý kiến", new DateOnly(2026, 11, 26), seeded.NomineeIds));

        Assert.Contains(wrongNominee.Errors, e => e.Code == "Consultations.Error.NomineeNotEligible");
        Assert.Contains(pastStart.Errors, e => e.Code == "Consultations.Error.StartInPast");
        Assert.Equal(0, await db.Consultations.CountAsync());
        Assert.False(await db.Nominees.AnyAsync(n => n.ConsultationId != null));
    }

    [Fact]
    public async Task Feedback_FromTheLinkBesideAName_RemembersTheNominee_OnlyWhileTheConsultationRuns()
    {
        var (connection, db) = await DashboardTestData.InMemoryAsync();
        await using var _ = connection;
        await using var __ = db;
        var clock = CertificateTestData.Clock(FridayMorning);
        var consultations = new ConsultationService(db, clock);
        var feedback = new FeedbackService(db, clock);
        var seeded = await CertificateTestData.ConsultationProposalAsync(db, ["Nguyễn Văn An"]);
        await consultations.OpenAsync(new OpenConsultationInput("Lấy ý kiến", new DateOnly(2026, 11, 27), seeded.NomineeIds));

        var sent = await feedback.SubmitAsync(new FeedbackSubmission(
            FeedbackCategory.Award, null, "Ý kiến", "Thành tích nêu chưa đúng thực tế.", true, null, null, null, seeded.NomineeIds[0]));
        var notListed = await feedback.SubmitAsync(new FeedbackSubmission(
            FeedbackCategory.Award, null, "Ý kiến", "Nội dung", true, null, null, null, seeded.OtherAwardNomineeId));

        Assert.True(sent.Succeeded);
        Assert.Equal(seeded.NomineeIds[0], await db.Feedbacks.Where(f => f.Id == sent.Id).Select(f => f.NomineeId).SingleAsync());
        Assert.Equal("Feedback.Error.NomineeNotInConsultation", Assert.Single(notListed.Errors).Code);
        Assert.Equal(1, await db.Feedbacks.CountAsync());
    }
}
