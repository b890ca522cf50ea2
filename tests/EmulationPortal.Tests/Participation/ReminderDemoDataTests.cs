using EmulationPortal.Participation;
using EmulationPortal.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmulationPortal.Tests.Participation;

/// <summary>After the first seeding, the current year's campaign tells a story: registrations, late and missing reports, reminders.</summary>
public sealed class ReminderDemoDataTests(ReminderAppFactory factory) : IClassFixture<ReminderAppFactory>
{
    [Fact]
    public async Task Seeding_CurrentYearCampaign_HasSettingsIndicatorsRoundsRegistrationsReportsAndReminders()
    {
        var today = factory.Services.GetRequiredService<EmulationPortal.Common.PortalClock>().Today;
        var title = $"Thi đua thực hiện thắng lợi nhiệm vụ chính trị năm {today.Year}";

        await factory.WithDbAsync(async db =>
        {
            var campaignId = await db.Campaigns.Where(c => c.Title == title).Select(c => c.Id).SingleAsync();
            var expected = await db.ParticipationSettings.Where(s => s.CampaignId == campaignId).SelectMany(s => s.ExpectedUnits).Select(u => u.Name).ToListAsync();
            Assert.Contains("Văn phòng Sở", expected);
            Assert.Contains("Trung tâm Công nghệ thông tin và Truyền thông", expected);
            Assert.DoesNotContain("Ban Giám đốc Sở", expected);

            var indicators = await db.CampaignIndicators.Where(i => i.CampaignId == campaignId).Select(i => i.Name).ToListAsync();
            Assert.Contains("Số người tham gia", indicators);
            Assert.InRange(indicators.Count, 3, 4);

            var rounds = await db.ReportRounds.Where(r => r.CampaignId == campaignId).ToListAsync();
            Assert.Contains(rounds, r => r.Kind == ReportKind.Interim);
            Assert.Contains(rounds, r => r.Kind == ReportKind.Final);
            Assert.Contains(rounds, r => r.DueOn > today);

            var registered = await db.Registrations.Where(r => r.CampaignId == campaignId && r.UnitId != null).Select(r => r.Unit!.Name).ToListAsync();
            Assert.Equal(expected.Count - 1, registered.Count);
            Assert.DoesNotContain(DemoParticipation.UnregisteredUnit, registered);

            var reports = await db.ProgressReports.Where(p => p.Round!.CampaignId == campaignId)
                .Select(p => new { p.RoundId, p.SubmittedOn, p.Round!.DueOn }).ToListAsync();
            Assert.Contains(reports, r => r.SubmittedOn > r.DueOn); // some late
            Assert.Contains(reports, r => r.SubmittedOn <= r.DueOn); // most on time
            Assert.True(reports.Count(r => r.SubmittedOn <= r.DueOn) > reports.Count(r => r.SubmittedOn > r.DueOn));
            Assert.All(reports, r => Assert.True(r.SubmittedOn <= today));

            // Some missing: a past round with fewer reports than expected units.
            var past = rounds.Where(r => r.DueOn < today).ToList();
            Assert.NotEmpty(past);
            Assert.All(past, r => Assert.True(reports.Count(p => p.RoundId == r.Id) < expected.Count));

            Assert.True(await db.Reminders.AnyAsync(r => r.Round!.CampaignId == campaignId && r.Kind == ReminderKind.Manual));
            Assert.True(await db.Reminders.AnyAsync(r => r.Round!.CampaignId == campaignId && r.Kind == ReminderKind.Automatic));
            return true;
        });
    }
}
