using EmulationPortal.Common;
using EmulationPortal.Mail;
using EmulationPortal.Participation;
using EmulationPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace EmulationPortal.Tests.Participation;

/// <summary>Mail without SMTP: each message is an .eml file in the pickup folder that MimeKit reads back unchanged.</summary>
public sealed class MailPickupTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "emulation-portal-mail-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task PickupSender_WritesEmlWithVietnameseSubjectAndBody()
    {
        var options = new MailOptions { FromAddress = "vanphong@example.gov.vn", FromName = "Văn phòng Sở" };
        var sender = new PickupFolderMailSender(_folder, options, new FakeTimeProvider(new DateTimeOffset(2026, 3, 16, 3, 0, 0, TimeSpan.Zero)));

        await sender.SendAsync(new OutgoingMail(["a@example.gov.vn", "b@example.gov.vn"], "[Nhắc nhở] Đơn vị chưa gửi báo cáo Sơ kết 6 tháng", "Kính gửi Phòng Công nghệ thông tin,\nHạn gửi: 10/07/2026."));

        var file = Assert.Single(Directory.GetFiles(_folder));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("[Nhắc nhở] Đơn vị chưa gửi báo cáo Sơ kết 6 tháng", message.Subject);
        Assert.Equal("Kính gửi Phòng Công nghệ thông tin,\nHạn gửi: 10/07/2026.", message.TextBody!.ReplaceLineEndings("\n").TrimEnd('\n'));
        Assert.Equal(["a@example.gov.vn", "b@example.gov.vn"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("Văn phòng Sở", message.From.Mailboxes.Single().Name);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }
}

/// <summary>The daily job in the real app (its timer off): its core run writes the automatic reminders and their mails once.</summary>
public sealed class MailFromDailyJobTests(ReminderAppFactory factory) : IClassFixture<ReminderAppFactory>
{
    [Fact]
    public async Task RunOnce_TwiceOnTheSameDay_RemindsEachUnitOnceAndWritesEachMailOnce()
    {
        var (roundId, unitId) = await factory.WithDbAsync(async db => (
            await db.ReportRounds.Where(r => r.Name == "Báo cáo tiến độ đợt 4").Select(r => r.Id).SingleAsync(),
            await db.Units.Where(u => u.Name == "Phòng Công nghệ thông tin").Select(u => u.Id).SingleAsync()));
        var userName = await TestUsersWithMail.CreateReporterAsync(factory, unitId, "cntt-job@example.gov.vn");
        Assert.NotNull(userName);
        var job = factory.Services.GetRequiredService<ReminderJob>();
        var clock = factory.Services.GetRequiredService<PortalClock>();
        var round = await factory.WithDbAsync(db => db.ReportRounds.SingleAsync(r => r.Id == roundId));
        var today = round.DueOn.AddDays(-2) > clock.Today ? round.DueOn.AddDays(-2) : clock.Today;

        var first = await job.RunOnceAsync(today);
        var second = await job.RunOnceAsync(today);

        Assert.True(first.Reminders > 0);
        Assert.Equal(0, second.Reminders);
        var reminders = await factory.WithDbAsync(db => db.Reminders.Where(r => r.RoundId == roundId && r.Kind == ReminderKind.Automatic).ToListAsync());
        Assert.Equal(reminders.Count, reminders.Select(r => r.UnitId).Distinct().Count());
        Assert.Contains(reminders, r => r.UnitId == unitId && r.DedupKey == Reminder.AutomaticKey(roundId, unitId) && r.MailCount == 1);

        var mails = Directory.GetFiles(factory.PickupFolder, "*.eml").Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(a => a.Address == "cntt-job@example.gov.vn")).ToList();
        var mail = Assert.Single(mails);
        Assert.StartsWith("[Nhắc nhở] Đơn vị chưa gửi báo cáo: Báo cáo tiến độ đợt 4", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Phòng Công nghệ thông tin", mail.TextBody, StringComparison.Ordinal);
    }
}

internal static class TestUsersWithMail
{
    public static async Task<string> CreateReporterAsync(ReminderAppFactory factory, int unitId, string email)
    {
        var userName = await EmulationPortal.Tests.Integration.TestUsers.CreateAsync(factory, EmulationPortal.Accounts.Roles.UnitReporter, unitId: unitId);
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<EmulationPortal.Accounts.PortalUser>>();
        var user = await users.FindByNameAsync(userName);
        await users.SetEmailAsync(user!, email);
        return userName;
    }
}
