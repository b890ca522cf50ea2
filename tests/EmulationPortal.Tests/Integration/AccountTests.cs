using System.Net;
using EmulationPortal.Accounts;
using EmulationPortal.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EmulationPortal.Tests.Integration;

/// <summary>Sign-in, roles and lockout through the Vietnamese login form.</summary>
public sealed class AccountTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private const string AuthCookie = ".EmulationPortal.Auth";

    private Task<string> CreateUserAsync(string userName, string password, string role) =>
        TestUsers.CreateAsync(factory, role, userName, password: password);

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password, string? returnUrl = null) =>
        TestUsers.SignInAsync(client, userName, password, returnUrl);

    private static bool HasAuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(AuthCookie + "=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task Admin_WhenAnonymous_RedirectsToVietnameseLogin()
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.GetAsync(new Uri("/Admin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Contains("/dang-nhap?ReturnUrl=", location, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString("/Admin"), location, StringComparison.OrdinalIgnoreCase);

        var login = await client.GetStringAsync(response.Headers.Location);
        Assert.Contains("Đăng nhập", Html.Text(login), StringComparison.Ordinal);
        Assert.Contains("__RequestVerificationToken", login, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WhenPostedWithoutAntiforgeryToken_IsRejected()
    {
        using var client = factory.CreateBrowserlikeClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = IdentitySeeder.AdminUserName, ["Password"] = PortalAppFactory.AdminPassword });

        using var response = await client.PostAsync(new Uri("/dang-nhap", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(HasAuthCookie(response));
    }

    [Fact]
    public async Task Admin_WhenSignedInAsStaff_IsForbidden()
    {
        await CreateUserAsync("canbo.staff", "Mat-khau-staff-1", Roles.Staff);
        using var client = factory.CreateBrowserlikeClient();
        using var signIn = await SignInAsync(client, "canbo.staff", "Mat-khau-staff-1");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.True(HasAuthCookie(signIn), "the staff member should be signed in");

        using var response = await client.GetAsync(new Uri("/Admin", UriKind.Relative));

        var final = response;
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            // Cookie authentication sends a forbidden user to the access-denied page, which answers 403.
            var location = response.Headers.Location!;
            Assert.Equal("/khong-co-quyen", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]);
            final = await client.GetAsync(response.Headers.Location);
        }

        Assert.Equal(HttpStatusCode.Forbidden, final.StatusCode);
        Html.AssertNoStackTrace(await final.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Login_WhenFiveWrongPasswords_LocksTheAccountEvenForTheRightOne()
    {
        await CreateUserAsync("canbo.khoa", "Mat-khau-dung-1", Roles.Staff);
        using var client = factory.CreateBrowserlikeClient();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await SignInAsync(client, "canbo.khoa", "sai-mat-khau-" + i);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.False(HasAuthCookie(wrong));
        }

        using var right = await SignInAsync(client, "canbo.khoa", "Mat-khau-dung-1");
        var page = Html.Text(await right.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.False(HasAuthCookie(right), "a locked-out account must not get a sign-in cookie");
        // The one failure message (unknown user, wrong password, locked out) also says an account may be locked for a while.
        Assert.Contains("tạm thời bị khóa", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SignIn.", page, StringComparison.Ordinal);
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByNameAsync("canbo.khoa"))!));
    }

    [Fact]
    public async Task Login_WhenPasswordWrong_ShowsVietnameseErrorAndNoCookie()
    {
        await CreateUserAsync("canbo.sai", "Mat-khau-dung-2", Roles.Staff);
        using var client = factory.CreateBrowserlikeClient();

        using var response = await SignInAsync(client, "canbo.sai", "khong-dung");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(HasAuthCookie(response));
        Assert.Contains("Đăng nhập", Html.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WhenAdminMustChangePassword_IsSentToChangePasswordPage()
    {
        using var client = factory.CreateBrowserlikeClient();

        using var signIn = await SignInAsync(client, IdentitySeeder.AdminUserName, PortalAppFactory.AdminPassword, "/Admin");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.True(HasAuthCookie(signIn));

        using var admin = await client.GetAsync(signIn.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.Equal("/doi-mat-khau", admin.Headers.Location!.OriginalString);

        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/doi-mat-khau", home.Headers.Location!.OriginalString);

        using var change = await client.GetAsync(new Uri("/doi-mat-khau", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Contains("mật khẩu", Html.Text(await change.Content.ReadAsStringAsync()), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Login_WhenReturnUrlIsExternal_RedirectsHomeInstead()
    {
        await CreateUserAsync("canbo.chuyenhuong", "Mat-khau-dung-3", Roles.Staff);
        using var client = factory.CreateBrowserlikeClient();

        using var response = await SignInAsync(client, "canbo.chuyenhuong", "Mat-khau-dung-3", "https://evil.example/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
