using System.Net;
using EmulationPortal.Accounts;
using EmulationPortal.Tests.Integration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EmulationPortal.Tests.Admin.AccountsTestHelpers;
using static EmulationPortal.Tests.Security.Accounts.AccountSecurityHelpers;

namespace EmulationPortal.Tests.Security.Accounts;

/// <summary>
/// ASVS V7: server-side sessions. The factory's clock only moves when a test moves it, so the security-stamp check
/// (every minute) never runs here unless time is advanced: what ends a session below is the session store.
/// </summary>
public sealed class SessionTests(SessionClockFactory factory) : IClassFixture<SessionClockFactory>
{
    private const string Protected = "/doi-mat-khau";

    private async Task<(string CookiePair, string UserName)> SignInAsync(string role = Roles.Staff)
    {
        var userName = await TestUsers.CreateAsync(factory, role);
        using var client = factory.CreateBrowserlikeClient();
        using var response = await TestUsers.SignInAsync(client, userName, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = SetCookie(response, AuthCookie);
        Assert.NotNull(cookie);
        return (CookiePair(cookie), userName);
    }

    /// <summary>The session cookies of two sign-ins of the same new Staff member.</summary>
    private async Task<List<string>> TwoSessionsOfOneUserAsync()
    {
        var userName = await TestUsers.CreateAsync(factory, Roles.Staff);
        var sessions = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var client = factory.CreateBrowserlikeClient();
            using var signIn = await TestUsers.SignInAsync(client, userName, TestUsers.Password);
            sessions.Add(CookiePair(SetCookie(signIn, AuthCookie)!));
        }

        return sessions;
    }

    private static async Task AssertSignedInAsync(HttpClient bare, string cookiePair, string path = Protected)
    {
        using var response = await GetWithCookieAsync(bare, path, cookiePair);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task AssertSentToLoginAsync(HttpClient bare, string cookiePair, string path = Protected)
    {
        using var response = await GetWithCookieAsync(bare, path, cookiePair);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/dang-nhap", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplayedCookie_AfterSignOut_IsRefused()
    {
        var (cookie, _) = await SignInAsync();
        using var bare = BareClient(factory);
        await AssertSignedInAsync(bare, cookie);

        // Sign out with that cookie, as the browser does (form with its antiforgery token).
        using (var page = await GetWithCookieAsync(bare, Protected, cookie))
        {
            var token = Html.AntiforgeryToken(await page.Content.ReadAsStringAsync());
            var antiforgery = CookiePair(SetCookie(page, ".EmulationPortal.Antiforgery")!);
            using var signOut = new HttpRequestMessage(HttpMethod.Post, new Uri("/dang-xuat", UriKind.Relative))
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
            };
            signOut.Headers.Add("Cookie", cookie + "; " + antiforgery);
            using var signedOut = await bare.SendAsync(signOut);
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        await AssertSentToLoginAsync(bare, cookie);
    }

    [Fact]
    public async Task SignIn_IssuesANewSessionKey_ACookieBroughtToTheLoginFormIsNotReused()
    {
        // An attacker's own session cookie planted in the victim's browser before the victim signs in.
        var (planted, _) = await SignInAsync(Roles.Staff);
        var victim = await TestUsers.CreateAsync(factory, Roles.Administrator);
        using var bare = BareClient(factory);

        using var loginPage = await GetWithCookieAsync(bare, "/dang-nhap", planted);
        var token = Html.AntiforgeryToken(await loginPage.Content.ReadAsStringAsync());
        var antiforgery = CookiePair(SetCookie(loginPage, ".EmulationPortal.Antiforgery")!);
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/dang-nhap", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = victim, ["Password"] = TestUsers.Password, ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", planted + "; " + antiforgery);
        using var signedIn = await bare.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var issued = CookiePair(SetCookie(signedIn, AuthCookie)!);

        Assert.NotEqual(planted, issued);
        await AssertSignedInAsync(bare, issued, "/Admin");

        // The planted cookie did not become the victim's session: it still cannot open the admin area.
        using var attacker = await GetWithCookieAsync(bare, "/Admin", planted);
        Assert.NotEqual(HttpStatusCode.OK, attacker.StatusCode);
    }

    [Fact]
    public async Task DisablingAUser_EndsTheirSessionAtOnce()
    {
        var (admin, _) = await SignInNewAsync(factory, Roles.Administrator);
        var (victim, victimName) = await SignInAsync(Roles.Editor);
        using var bare = BareClient(factory);
        await AssertSignedInAsync(bare, victim, "/Admin");
        var id = (await UserAsync(factory, victimName)).Id;

        using var disabled = await PostFormAsync(admin, $"/Admin/Users/Confirm/{id}?operation=Disable", $"/Admin/Users/Disable/{id}");
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);

        await AssertSentToLoginAsync(bare, victim, "/Admin");
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<UserSession>().CountAsync(s => s.UserId == id)));
        admin.Dispose();
    }

    [Fact]
    public async Task ChangingAUsersRoles_EndsTheirSessionAtOnce()
    {
        var (admin, _) = await SignInNewAsync(factory, Roles.Administrator);
        var (victim, victimName) = await SignInAsync(Roles.Editor);
        using var bare = BareClient(factory);
        await AssertSignedInAsync(bare, victim, "/Admin");
        var id = (await UserAsync(factory, victimName)).Id;
        var editPage = await admin.GetStringAsync(new Uri($"/Admin/Users/Edit/{id}", UriKind.Relative));

        using var saved = await PostFormAsync(
            admin, $"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}",
            ("DisplayName", "Người dùng thử nghiệm"), ("Roles", Roles.Editor), ("Roles", Roles.Leader), ("ConcurrencyStamp", ConcurrencyStamp(editPage)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // Even a role added (not removed) ends the session: the next sign-in carries the new roles.
        await AssertSentToLoginAsync(bare, victim);
        admin.Dispose();
    }

    [Fact]
    public async Task AdminPasswordReset_EndsTheUsersSessionsAtOnce()
    {
        var (admin, _) = await SignInNewAsync(factory, Roles.Administrator);
        var (victim, victimName) = await SignInAsync();
        using var bare = BareClient(factory);
        await AssertSignedInAsync(bare, victim);
        var id = (await UserAsync(factory, victimName)).Id;

        using var reset = await PostFormAsync(admin, $"/Admin/Users/Confirm/{id}?operation=ResetPassword", $"/Admin/Users/ResetPassword/{id}");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        await AssertSentToLoginAsync(bare, victim);
        admin.Dispose();
    }

    [Fact]
    public async Task ChangingOnesOwnPassword_EndsTheOtherSessions_AndKeepsThisOne()
    {
        var userName = await TestUsers.CreateAsync(factory, Roles.Staff);
        using var laptop = factory.CreateBrowserlikeClient();
        using var phone = factory.CreateBrowserlikeClient();
        using (var a = await TestUsers.SignInAsync(laptop, userName, TestUsers.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, a.StatusCode);
        }

        using (var b = await TestUsers.SignInAsync(phone, userName, TestUsers.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, b.StatusCode);
        }

        using var changed = await ChangePasswordAsync(laptop, TestUsers.Password, "Mot-cau-mat-khau-moi-cho-may-tinh");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        using var onLaptop = await laptop.GetAsync(new Uri(Protected, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, onLaptop.StatusCode);
        using var onPhone = await phone.GetAsync(new Uri(Protected, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, onPhone.StatusCode);
        Assert.Contains("/dang-nhap", onPhone.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdleSession_EndsAfterTheIdleTimeout_ButActivityKeepsItAlive()
    {
        var clock = factory.Clock!;
        var (active, _) = await SignInAsync();
        var (idle, _) = await SignInAsync();
        using var bare = BareClient(factory);

        // 25 minutes: both still valid; only one is used.
        clock.Advance(TimeSpan.FromMinutes(25));
        await AssertSignedInAsync(bare, active);

        // 25 more: 50 minutes since the idle one was last used, 25 since the active one was.
        clock.Advance(TimeSpan.FromMinutes(25));
        await AssertSignedInAsync(bare, active);
        await AssertSentToLoginAsync(bare, idle);
    }

    [Fact]
    public async Task Session_EndsAfterTheAbsoluteLifetime_EvenWhenAlwaysActive()
    {
        var clock = factory.Clock!;
        var (cookie, _) = await SignInAsync();
        using var bare = BareClient(factory);

        // Used every 20 minutes (never idle) for 11 h 40 min.
        for (var i = 0; i < 35; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            await AssertSignedInAsync(bare, cookie);
        }

        // 12 h 05 min after sign-in, 25 minutes after the last use: the absolute lifetime ends it.
        clock.Advance(TimeSpan.FromMinutes(25));
        await AssertSentToLoginAsync(bare, cookie);
    }

    [Fact]
    public async Task AStampChangedWhereThisInstanceDoesNotSee_EndsTheSessionAtTheNextStampCheck_NotBefore()
    {
        var clock = factory.Clock!;
        var (cookie, userName) = await SignInAsync();
        using var bare = BareClient(factory);
        await AssertSignedInAsync(bare, cookie);

        // Another instance of the portal changed the stamp (the session row and this instance's cache stay).
        await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == userName)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.SecurityStamp, Guid.NewGuid().ToString("N"))));

        // Within the check interval (1 minute) the stamp is not read: the session goes on.
        clock.Advance(TimeSpan.FromSeconds(30));
        await AssertSignedInAsync(bare, cookie);

        // Past it, the next request checks the stamp and ends the session.
        clock.Advance(TimeSpan.FromSeconds(45));
        await AssertSentToLoginAsync(bare, cookie);
    }

    [Fact]
    public async Task SignedInRequests_InTheSteadyState_DoNotReadTheSessionTable()
    {
        var (cookie, userName) = await SignInAsync();
        using var bare = BareClient(factory);
        await AssertSignedInAsync(bare, cookie);
        var id = (await UserAsync(factory, userName)).Id;

        // The cached ticket serves the request: emptying the row's ticket (but keeping the row) changes nothing.
        await factory.WithDbAsync(db => db.Set<UserSession>().Where(s => s.UserId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, new byte[] { 1 })));
        await AssertSignedInAsync(bare, cookie);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<UserSession>().CountAsync(s => s.UserId == id)));
    }

    [Fact]
    public async Task SigningIn_DoesNotEvictThePublicPageCaches()
    {
        var userName = await TestUsers.CreateAsync(factory, Roles.Staff);
        var publicData = factory.Services.GetRequiredService<EmulationPortal.Common.PublicDataCache>();
        var before = publicData.Generation;

        using var client = factory.CreateBrowserlikeClient();
        using var signIn = await TestUsers.SignInAsync(client, userName, TestUsers.Password);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(before, publicData.Generation);
    }

    [Fact]
    public async Task ASessionsPages_CarryOneFormToken_ThatStillPosts_NeverCached_AndAnotherSessionGetsItsOwn()
    {
        var sessions = await TwoSessionsOfOneUserAsync();

        using var bare = BareClient(factory);
        string antiforgery;
        using (var first = await GetWithCookieAsync(bare, "/", sessions[0]))
        {
            antiforgery = CookiePair(SetCookie(first, ".EmulationPortal.Antiforgery")!);
        }

        async Task<(string Token, string CacheControl)> PageAsync(string session)
        {
            using var page = await GetWithCookieAsync(bare, "/", session + "; " + antiforgery);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            return (Html.AntiforgeryToken(await page.Content.ReadAsStringAsync()), page.Headers.CacheControl?.ToString() ?? string.Empty);
        }

        var first1 = await PageAsync(sessions[0]);
        var first2 = await PageAsync(sessions[0]);
        var second = await PageAsync(sessions[1]);

        Assert.Equal(first1.Token, first2.Token);
        Assert.NotEqual(first1.Token, second.Token);
        Assert.All(new[] { first1, first2, second }, p => Assert.Contains("no-store", p.CacheControl, StringComparison.Ordinal));

        // The token given again is the one the sign-out form posts: it still works.
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/dang-xuat", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = first2.Token }),
        };
        post.Headers.Add("Cookie", sessions[0] + "; " + antiforgery);
        using var signedOut = await bare.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        await AssertSentToLoginAsync(bare, sessions[0]);
    }

    [Fact]
    public async Task AFormTokenFromAnotherSessionOfTheSameUser_IsRefused()
    {
        var sessions = await TwoSessionsOfOneUserAsync();

        using var bare = BareClient(factory);
        using var page = await GetWithCookieAsync(bare, Protected, sessions[0]);
        var token = Html.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        var antiforgery = CookiePair(SetCookie(page, ".EmulationPortal.Antiforgery")!);

        async Task<HttpStatusCode> SignOutWithAsync(string session)
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/dang-xuat", UriKind.Relative))
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
            };
            post.Headers.Add("Cookie", session + "; " + antiforgery);
            using var response = await bare.SendAsync(post);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.BadRequest, await SignOutWithAsync(sessions[1]));
        await AssertSignedInAsync(bare, sessions[1]);
        Assert.Equal(HttpStatusCode.Redirect, await SignOutWithAsync(sessions[0]));
    }
}
