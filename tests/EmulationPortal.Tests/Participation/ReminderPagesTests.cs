using System.Net;
using EmulationPortal.Accounts;
using EmulationPortal.Participation;
using EmulationPortal.Seeding;
using EmulationPortal.Tests.Integration;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace EmulationPortal.Tests.Participation;

/// <summary>The Office's reminders page, one-click reminders, the mails in the pickup folder and the reporter's notice.</summary>
public sealed class ReminderPagesTests(ReminderAppFactory factory) : IClassFixture<ReminderAppFactory>
{
    private async Task<(int RoundId, string RoundName, int UnitId)> DueSoonRoundAsync() =>
        await factory.WithDbAsync(async db =>
        {
            var unitId = await db.Units.Where(u => u.Name == DemoParticipation.UnregisteredUnit).Select(u => u.Id).SingleAsync();
            var round = await db.ReportRounds.Where(r => r.Name == "Báo cáo tiến độ đợt 4").Select(r => new { r.Id, r.Name }).SingleAsync();
            return (round.Id, round.Name, unitId);
        });

    /// <summary>A unit reporter of the unit, with an e-mail address.</summary>
    private async Task<string> ReporterAsync(int unitId, string email)
    {
        var userName = await TestUsers.CreateAsync(factory, Roles.UnitReporter, unitId: unitId);
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByNameAsync(userName);
        await users.SetEmailAsync(user!, email);
        return userName;
    }

    private static Dictionary<string, string> Fields(int roundId, int? unitId = null)
    {
        var fields = new Dictionary<string, string> { ["RoundId"] = roundId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (unitId is { } u)
        {
            fields["UnitId"] = u.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return fields;
    }

    [Fact]
    public async Task Index_AsEditor_ListsDueSoonRoundWithUnitsThatHaveNotReported()
    {
        var (_, roundName, _) = await DueSoonRoundAsync();
        using var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);

        using var response = await editor.GetAsync(new Uri("/Admin/Reminders", UriKind.Relative));
        var html = Html.Text(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Đôn đốc, nhắc nhở", html, StringComparison.Ordinal);
        Assert.Contains(roundName, html, StringComparison.Ordinal);
        Assert.Contains(DemoParticipation.UnregisteredUnit, html, StringComparison.Ordinal);
        Assert.Contains("Quá hạn", html, StringComparison.Ordinal);
        Assert.Contains("Gửi nhắc nhở", html, StringComparison.Ordinal);
        Assert.Contains("Lịch sử nhắc nhở", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_AsEditorInOneClick_RecordsReminderAndWritesVietnameseMailToPickupFolder()
    {
        var (roundId, roundName, unitId) = await DueSoonRoundAsync();
        await ReporterAsync(unitId, "buuchinh@example.gov.vn");
        using var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var before = await factory.WithDbAsync(db => db.Reminders.CountAsync(r => r.RoundId == roundId && r.UnitId == unitId && r.Kind == ReminderKind.Manual));

        using var response = await TestUsers.PostFormAsync(editor, "/Admin/Reminders", "/Admin/Reminders/Send", Fields(roundId, unitId));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Admin/Reminders", response.Headers.Location?.OriginalString, ignoreCase: true);
        var after = await factory.WithDbAsync(db => db.Reminders.Where(r => r.RoundId == roundId && r.UnitId == unitId && r.Kind == ReminderKind.Manual).ToListAsync());
        Assert.Equal(before + 1, after.Count);
        Assert.Contains(after, r => r.MailCount >= 1 && r.DedupKey.StartsWith("manual:", StringComparison.Ordinal) && r.SentByUserId != null);

        var mails = Directory.GetFiles(factory.PickupFolder, "*.eml").Select(f => MimeMessage.Load(f)).ToList();
        var mail = Assert.Single(mails, m => m.To.Mailboxes.Any(a => a.Address == "buuchinh@example.gov.vn"));
        Assert.Contains("[Nhắc nhở] Đơn vị chưa gửi báo cáo: " + roundName, mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Kính gửi đầu mối thi đua – khen thưởng của " + DemoParticipation.UnregisteredUnit, mail.TextBody, StringComparison.Ordinal);

        var page = Html.Text(await editor.GetStringAsync(new Uri("/Admin/Reminders", UriKind.Relative)));
        Assert.Contains("Đã gửi nhắc nhở tới 1 đơn vị (", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ForWholeRound_RemindsEveryUnitThatOwesTheReport()
    {
        var (roundId, _, _) = await DueSoonRoundAsync();
        int owing;
        using (var scope = factory.Services.CreateScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<ReminderService>();
            var today = scope.ServiceProvider.GetRequiredService<EmulationPortal.Common.PortalClock>().Today;
            owing = (await service.DueRoundsAsync(today, 30)).Single(r => r.RoundId == roundId).Units.Count;
        }

        using var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var before = await factory.WithDbAsync(db => db.Reminders.CountAsync(r => r.RoundId == roundId));

        using var response = await TestUsers.PostFormAsync(editor, "/Admin/Reminders", "/Admin/Reminders/Send", Fields(roundId));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(owing >= 2);
        Assert.Equal(before + owing, await factory.WithDbAsync(db => db.Reminders.CountAsync(r => r.RoundId == roundId)));
    }

    [Fact]
    public async Task Send_UnknownRound_Returns404()
    {
        using var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);

        using var response = await TestUsers.PostFormAsync(editor, "/Admin/Reminders", "/Admin/Reminders/Send", Fields(987_654));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Send_WithoutAntiforgeryToken_Returns400AndRecordsNothing()
    {
        var (roundId, _, unitId) = await DueSoonRoundAsync();
        using var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var before = await factory.WithDbAsync(db => db.Reminders.CountAsync());

        using var content = new FormUrlEncodedContent(Fields(roundId, unitId));
        using var response = await editor.PostAsync(new Uri("/Admin/Reminders/Send", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Reminders.CountAsync()));
    }

    [Fact]
    public async Task Leader_ReadsThePageWithoutButtons_AndCannotSend()
    {
        var (roundId, roundName, unitId) = await DueSoonRoundAsync();
        using var leader = await TestUsers.SignedInClientAsync(factory, Roles.Leader);
        var before = await factory.WithDbAsync(db => db.Reminders.CountAsync());

        var page = Html.Text(await leader.GetStringAsync(new Uri("/Admin/Reminders", UriKind.Relative)));
        using var response = await TestUsers.PostFormAsync(leader, "/Admin/Reminders", "/Admin/Reminders/Send", Fields(roundId, unitId));

        Assert.Contains(roundName, page, StringComparison.Ordinal);
        Assert.DoesNotContain("Gửi nhắc nhở", page, StringComparison.Ordinal);
        Assert.True(
            response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/khong-co-quyen", StringComparison.Ordinal)),
            $"Expected 403, got {(int)response.StatusCode}");
        Assert.Equal(before, await factory.WithDbAsync(db => db.Reminders.CountAsync()));
    }

    [Fact]
    public async Task UnitReporter_IsForbiddenFromTheOfficePage()
    {
        using var reporter = await TestUsers.SignedInClientAsync(factory, Roles.UnitReporter);

        using var response = await reporter.GetAsync(new Uri("/Admin/Reminders", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/khong-co-quyen", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_ShowsTheNoticeToTheRemindedUnitsReporter_NotToOthers()
    {
        var (roundId, roundName, unitId) = await DueSoonRoundAsync();
        var reporterName = await ReporterAsync(unitId, "thongbao@example.gov.vn");
        var otherUnit = await factory.WithDbAsync(db => db.Units.Where(u => u.Name == "Văn phòng Sở").Select(u => u.Id).SingleAsync());
        var otherName = await TestUsers.CreateAsync(factory, Roles.UnitReporter, unitId: otherUnit);
        using var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        using (var sent = await TestUsers.PostFormAsync(editor, "/Admin/Reminders", "/Admin/Reminders/Send", Fields(roundId, unitId)))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        using var reporter = factory.CreateBrowserlikeClient();
        (await TestUsers.SignInAsync(reporter, reporterName, TestUsers.Password)).Dispose();
        var home = Html.Text(await reporter.GetStringAsync(new Uri("/", UriKind.Relative)));
        using var other = factory.CreateBrowserlikeClient();
        (await TestUsers.SignInAsync(other, otherName, TestUsers.Password)).Dispose();
        var otherHome = Html.Text(await other.GetStringAsync(new Uri("/", UriKind.Relative)));
        var anonymousHome = Html.Text(await factory.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative)));

        Assert.Contains("Văn phòng Sở nhắc: đơn vị chưa gửi báo cáo", home, StringComparison.Ordinal);
        Assert.Contains(roundName, home, StringComparison.Ordinal);
        Assert.DoesNotContain("Văn phòng Sở nhắc", otherHome, StringComparison.Ordinal);
        Assert.DoesNotContain("Văn phòng Sở nhắc", anonymousHome, StringComparison.Ordinal);
    }
}
