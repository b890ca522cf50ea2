using System.Net;
using EmulationPortal.Accounts;
using EmulationPortal.Audit;
using EmulationPortal.Tests.Integration;
using Microsoft.EntityFrameworkCore;
using static EmulationPortal.Tests.Security.Accounts.AccountSecurityHelpers;

namespace EmulationPortal.Tests.Security.Accounts;

/// <summary>ASVS V6.3: lockout, no user enumeration, audit of sign-ins.</summary>
public sealed class SignInProtectionTests(SessionClockFactory factory) : IClassFixture<SessionClockFactory>
{
    private const string FailureMessage = "Tên đăng nhập hoặc mật khẩu không đúng.";

    private static string NewName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task FiveFailures_LockTheAccount_TheSixthWithTheRightPasswordIsRefused_AndItOpensAfterTheConfiguredTime()
    {
        var userName = NewName("khoa");
        Assert.True((await CreateUserAsync(factory, userName, "Người dùng thử nghiệm", TestUsers.Password)).Succeeded);
        using var client = factory.CreateBrowserlikeClient();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await TestUsers.SignInAsync(client, userName, "Sai-mat-khau-" + i);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Null(SetCookie(wrong, AuthCookie));
        }

        using var right = await TestUsers.SignInAsync(client, userName, TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Null(SetCookie(right, AuthCookie));
        Assert.Contains(FailureMessage, ErrorSummary(await right.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var user = await factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName));
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow);
        Assert.True(user.LockoutEnd < DateTimeOffset.UtcNow.AddMinutes(1), "the configured lockout (about two seconds) is used, not the default 15 minutes");

        // Identity's lockout reads the real clock: wait out the configured ~2 s instead of the default 15 minutes.
        await Task.Delay(user.LockoutEnd!.Value - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300));
        using var afterLockout = await TestUsers.SignInAsync(client, userName, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, afterLockout.StatusCode);
        Assert.NotNull(SetCookie(afterLockout, AuthCookie));
    }

    [Fact]
    public async Task UnknownUser_WrongPassword_AndLockedAccount_GetTheSameAnswer()
    {
        var known = NewName("biet");
        var locked = NewName("khoa");
        Assert.True((await CreateUserAsync(factory, known, "Người dùng thử nghiệm", TestUsers.Password)).Succeeded);
        Assert.True((await CreateUserAsync(factory, locked, "Người dùng thử nghiệm", TestUsers.Password)).Succeeded);
        await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == locked)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddHours(1))));
        var unknown = NewName("khong");

        using var client = factory.CreateBrowserlikeClient();
        using var wrongPassword = await TestUsers.SignInAsync(client, known, "Sai-mat-khau-99");
        using var unknownUser = await TestUsers.SignInAsync(client, unknown, "Sai-mat-khau-99");
        using var lockedAccount = await TestUsers.SignInAsync(client, locked, TestUsers.Password);

        var answers = new[] { (wrongPassword, known), (unknownUser, unknown), (lockedAccount, locked) };
        foreach (var (response, _) in answers)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Null(SetCookie(response, AuthCookie));
        }

        var pages = new List<string>();
        foreach (var (response, name) in answers)
        {
            pages.Add(Comparable(await response.Content.ReadAsStringAsync(), name));
        }

        Assert.Contains(FailureMessage, ErrorSummary(pages[0]), StringComparison.Ordinal);
        Assert.Equal(pages[0], pages[1]);
        Assert.Equal(pages[0], pages[2]);
    }

    [Fact]
    public async Task SignIns_FailuresLockoutsAndSignOut_AreAudited_WithoutThePassword()
    {
        var userName = NewName("nhatky");
        Assert.True((await CreateUserAsync(factory, userName, "Người dùng thử nghiệm", TestUsers.Password)).Succeeded);
        using var client = factory.CreateBrowserlikeClient();

        using (var wrong = await TestUsers.SignInAsync(client, userName, "Sai-mat-khau-nhat-ky"))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using (var right = await TestUsers.SignInAsync(client, userName, TestUsers.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        }

        using (var signOut = await TestUsers.PostFormAsync(client, "/doi-mat-khau", "/dang-xuat", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        }

        await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == userName)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddHours(1))));
        using (var lockedOut = await TestUsers.SignInAsync(client, userName, TestUsers.Password))
        {
            Assert.Equal(HttpStatusCode.OK, lockedOut.StatusCode);
        }

        var entries = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.UserName == userName).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([AuditActions.LoginFailed, AuditActions.Login, AuditActions.Logout, AuditActions.LoginFailed], entries.Select(e => e.Action).ToArray());
        Assert.Contains("InvalidCredentials", entries[0].Changes, StringComparison.Ordinal);
        Assert.Contains("LockedOut", entries[3].Changes, StringComparison.Ordinal);
        Assert.DoesNotContain(entries, e => e.Changes.Contains("Sai-mat-khau", StringComparison.Ordinal) || e.Changes.Contains(TestUsers.Password, StringComparison.Ordinal));
    }
}

/// <summary>ASVS V6.3: the sign-in POST is rate-limited per client address, with a Vietnamese 429 page.</summary>
public sealed class SignInRateLimitTests(LowRateLimitFactory factory) : IClassFixture<LowRateLimitFactory>
{
    [Fact]
    public async Task SignInPosts_BeyondTheLimit_Get429WithRetryAfterAndAVietnamesePage()
    {
        using var client = factory.CreateBrowserlikeClient();
        for (var i = 0; i < LowRateLimitFactory.PermitLimit; i++)
        {
            using var allowed = await TestUsers.SignInAsync(client, "ai-do", "Sai-mat-khau-" + i);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await TestUsers.SignInAsync(client, "ai-do", "Sai-mat-khau-cuoi");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta is { } delay && delay > TimeSpan.Zero && delay <= TimeSpan.FromSeconds(60), "Retry-After in seconds");
        var page = Html.Text(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Quá nhiều lần đăng nhập", page, StringComparison.Ordinal);
        Assert.Contains("Vui lòng đợi", page, StringComparison.Ordinal);
        Html.AssertNoStackTrace(page);

        // Only the POST is limited: the form itself still opens.
        using var form = await client.GetAsync(new Uri("/dang-nhap", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }
}
