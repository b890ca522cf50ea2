using System.Net;
using EmulationPortal.Accounts;
using EmulationPortal.Tests.Integration;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EmulationPortal.Tests.Admin.AccountsTestHelpers;

namespace EmulationPortal.Tests.Admin;

/// <summary>Accounts administration (/Admin/Users) through the real pages, with sessions re-validated on every request.</summary>
public sealed class AccountsTests(AccountsAppFactory factory) : IClassFixture<AccountsAppFactory>
{
    private async Task<IList<string>> RolesOfAsync(string userName)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await users.GetRolesAsync((await users.FindByNameAsync(userName))!);
    }

    [Fact]
    public async Task CreateUser_WithGeneratedPassword_ShowsItOnce_AndTheUserMustChangeItAtSignIn()
    {
        var (admin, _) = await SignInNewAsync(factory, Roles.Administrator);
        var unitId = await factory.WithDbAsync(db => db.Units.Select(u => u.Id).FirstAsync());

        using var created = await PostFormAsync(
            admin, "/Admin/Users/Create", "/Admin/Users/Create",
            ("UserName", "tran.thi.moi"), ("DisplayName", "Trần Thị Mới"), ("Email", "moi@example.vn"), ("UnitId", unitId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Roles", Roles.Editor), ("Roles", Roles.Staff), ("PasswordMode", "generate"),
            ("IsDisabled", "true"), ("MustChangePassword", "false"), ("LockoutEnd", "9999-01-01")); // over-posting: not on the form

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("/admin/users/password/", Location(created), StringComparison.OrdinalIgnoreCase);
        var passwordPage = await admin.GetStringAsync(created.Headers.Location);
        var password = GeneratedPassword(passwordPage);
        Assert.Contains("chỉ hiển thị một lần", Html.Text(passwordPage), StringComparison.Ordinal);

        // Shown once: the same address no longer shows it.
        using var again = await admin.GetAsync(created.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.DoesNotContain(password, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var user = await UserAsync(factory, "tran.thi.moi");
        Assert.Equal("Trần Thị Mới", user.DisplayName);
        Assert.Equal(unitId, user.UnitId);
        Assert.True(user.MustChangePassword);
        Assert.False(user.IsDisabled);
        Assert.Null(user.LockoutEnd);
        Assert.Equal([Roles.Editor, Roles.Staff], (await RolesOfAsync("tran.thi.moi")).Order(StringComparer.Ordinal));

        using var newcomer = factory.CreateBrowserlikeClient();
        using var signIn = await TestUsers.SignInAsync(newcomer, "tran.thi.moi", password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        using var admin2 = await newcomer.GetAsync(new Uri("/Admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, admin2.StatusCode);
        Assert.Contains("/doi-mat-khau", Location(admin2), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUser_WithTypedPassword_CanSignIn()
    {
        var (admin, _) = await SignInNewAsync(factory, Roles.Administrator);

        using var created = await PostFormAsync(
            admin, "/Admin/Users/Create", "/Admin/Users/Create",
            ("UserName", "le.van.go"), ("DisplayName", "Lê Văn Gõ"), ("Roles", Roles.Leader), ("PasswordMode", "type"), ("Password", "Mat-khau-go-tay-1"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        using var client = factory.CreateBrowserlikeClient();
        using var signIn = await TestUsers.SignInAsync(client, "le.van.go", "Mat-khau-go-tay-1");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.True((await UserAsync(factory, "le.van.go")).MustChangePassword);
    }

    [Fact]
    public async Task CreateUser_WithBadInput_Returns400WithVietnameseMessages_AndSavesNothing()
    {
        var (admin, _) = await SignInNewAsync(factory, Roles.Administrator);
        var before = await factory.WithDbAsync(db => db.Users.CountAsync());

        using var response = await PostFormAsync(
            admin, "/Admin/Users/Create", "/Admin/Users/Create",
            ("UserName", ""), ("DisplayName", new string('a', 151)), ("Email", "khong-phai-email"), ("UnitId", "999999"), ("StaffMemberId", "abc"),
            ("Roles", "SuperUser"), ("PasswordMode", "type"), ("Password", "ngan"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = Html.Text(await response.Content.ReadAsStringAsync());
        Html.AssertNoStackTrace(text);
        Assert.Contains("Giá trị không hợp lệ.", text, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Users.CountAsync()));

        using var second = await PostFormAsync(
            admin, "/Admin/Users/Create", "/Admin/Users/Create",
            ("UserName", ""), ("DisplayName", new string('a', 151)), ("Email", "khong-phai-email"), ("UnitId", "999999"),
            ("Roles", "SuperUser"), ("PasswordMode", "type"), ("Password", "ngan"));
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        text = Html.Text(await second.Content.ReadAsStringAsync());
        Assert.Contains("Tên đăng nhập không được để trống.", text, StringComparison.Ordinal);
        Assert.Contains("Không được dài quá 150 ký tự.", text, StringComparison.Ordinal);
        Assert.Contains("Địa chỉ thư điện tử không hợp lệ.", text, StringComparison.Ordinal);
        Assert.Contains("Đơn vị đã chọn không tồn tại.", text, StringComparison.Ordinal);
        Assert.Contains("Vai trò đã chọn không tồn tại.", text, StringComparison.Ordinal);
        Assert.Contains("Mật khẩu phải dài từ 8 đến 128 ký tự.", text, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task CreateUser_WithTakenUserName_IsRefused()
    {
        var (admin, adminName) = await SignInNewAsync(factory, Roles.Administrator);

        using var response = await PostFormAsync(
            admin, "/Admin/Users/Create", "/Admin/Users/Create", ("UserName", adminName), ("DisplayName", "Trùng tên"), ("Roles", Roles.Staff));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Tên đăng nhập này đã có người dùng.", Html.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisableUser_EndsTheirSessionAtTheNextRequest_AndTheyCannotSignIn()
    {
        var (admin, _) = await SignInNewAsync(factory, Roles.Administrator);
        var (victim, victimName) = await SignInNewAsync(factory, Roles.Editor);
        using (var before = await victim.GetAsync(new Uri("/Admin", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var id = (await UserAsync(factory, victimName)).Id;
        using var disabled = await PostFormAsync(admin, $"/Admin/Users/Confirm/{id}?operation=Disable", $"/Admin/Users/Disable/{id}");
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.True((await UserAsync(factory, victimName)).IsDisabled);

        using var after = await victim.GetAsync(new Uri("/Admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/dang-nhap", Location(after), StringComparison.Ordinal);

        using var fresh = factory.CreateBrowserlikeClient();
        using var signIn = await TestUsers.SignInAsync(fresh, victimName, TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("không đúng", Html.Text(await signIn.Content.ReadAsStringAsync()), StringComparison.OrdinalIgnoreCase);

        // Enabled again: signing in works.
        using var enabled = await PostFormAsync(admin, $"/Admin/Users/Edit/{id}", $"/Admin/Users/Enable/{id}");
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        using var signInAgain = await TestUsers.SignInAsync(fresh, victimName, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, signInAgain.StatusCode);
    }

    [Fact]
    public async Task LockUser_EndsTheirSession_AndUnlockLetsThemBackIn()
    {
        var (admin, _) = await SignInNewAsync(factory, Roles.Administrator);
        var (victim, victimName) = await SignInNewAsync(factory, Roles.Leader);
        var id = (await UserAsync(factory, victimName)).Id;

        using var locked = await PostFormAsync(admin, $"/Admin/Users/Confirm/{id}?operation=Lock", $"/Admin/Users/Lock/{id}");
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);

        using var after = await victim.GetAsync(new Uri("/Admin", UriKind.Relative));
        Assert.Contains("/dang-nhap", Location(after), StringComparison.Ordinal);
        using var fresh = factory.CreateBrowserlikeClient();
        using var refused = await TestUsers.SignInAsync(fresh, victimName, TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);

        using var unlocked = await PostFormAsync(admin, $"/Admin/Users/Edit/{id}", $"/Admin/Users/Unlock/{id}");
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        using var signIn = await TestUsers.SignInAsync(fresh, victimName, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task ChangeRoles_EndsTheUsersExistingSession()
    {
        var (admin, _) = await SignInNewAsync(factory, Roles.Administrator);
        var (victim, victimName) = await SignInNewAsync(factory, Roles.Editor);
        var id = (await UserAsync(factory, victimName)).Id;
        var editPage = await admin.GetStringAsync(new Uri($"/Admin/Users/Edit/{id}", UriKind.Relative));

        using var saved = await PostFormAsync(
            admin, $"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}",
            ("DisplayName", "Người dùng thử nghiệm"), ("Roles", Roles.Staff), ("ConcurrencyStamp", ConcurrencyStamp(editPage)));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal([Roles.Staff], await RolesOfAsync(victimName));
        using var after = await victim.GetAsync(new Uri("/Admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/dang-nhap", Location(after), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditUser_WithStaleConcurrencyStamp_Returns409AndKeepsTheOtherChange()
    {
        var (admin, _) = await SignInNewAsync(factory, Roles.Administrator);
        var userName = await TestUsers.CreateAsync(factory, Roles.Staff);
        var id = (await UserAsync(factory, userName)).Id;
        var stale = ConcurrencyStamp(await admin.GetStringAsync(new Uri($"/Admin/Users/Edit/{id}", UriKind.Relative)));

        using var first = await PostFormAsync(admin, $"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}", ("DisplayName", "Tên thứ nhất"), ("Roles", Roles.Staff), ("ConcurrencyStamp", stale));
        using var second = await PostFormAsync(admin, $"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}", ("DisplayName", "Tên thứ hai"), ("Roles", Roles.Staff), ("ConcurrencyStamp", stale));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("vừa được người khác thay đổi", Html.Text(await second.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("Tên thứ nhất", (await UserAsync(factory, userName)).DisplayName);
    }

    [Fact]
    public async Task ResetPassword_ShowsANewPassword_EndsSessions_AndForcesAChange()
    {
        var (admin, _) = await SignInNewAsync(factory, Roles.Administrator);
        var (victim, victimName) = await SignInNewAsync(factory, Roles.Editor);
        var id = (await UserAsync(factory, victimName)).Id;

        using var reset = await PostFormAsync(admin, $"/Admin/Users/Confirm/{id}?operation=ResetPassword", $"/Admin/Users/ResetPassword/{id}");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var password = GeneratedPassword(await admin.GetStringAsync(reset.Headers.Location));

        using var after = await victim.GetAsync(new Uri("/Admin", UriKind.Relative));
        Assert.Contains("/dang-nhap", Location(after), StringComparison.Ordinal);
        using var fresh = factory.CreateBrowserlikeClient();
        using var oldPassword = await TestUsers.SignInAsync(fresh, victimName, TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        using var newPassword = await TestUsers.SignInAsync(fresh, victimName, password);
        Assert.Equal(HttpStatusCode.Redirect, newPassword.StatusCode);
        using var admin2 = await fresh.GetAsync(new Uri("/Admin", UriKind.Relative));
        Assert.Contains("/doi-mat-khau", Location(admin2), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrator_CannotDisableOrLockThemself_NorRemoveTheirOwnAdministratorRole()
    {
        var (admin, adminName) = await SignInNewAsync(factory, Roles.Administrator);
        var id = (await UserAsync(factory, adminName)).Id;

        using var disable = await PostFormAsync(admin, $"/Admin/Users/Edit/{id}", $"/Admin/Users/Disable/{id}");
        Assert.Equal(HttpStatusCode.BadRequest, disable.StatusCode);
        Assert.Contains("Bạn không thể tự vô hiệu hóa tài khoản của chính mình.", Html.Text(await disable.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var lockSelf = await PostFormAsync(admin, $"/Admin/Users/Edit/{id}", $"/Admin/Users/Lock/{id}");
        Assert.Equal(HttpStatusCode.BadRequest, lockSelf.StatusCode);
        Assert.Contains("Bạn không thể tự khóa tài khoản của chính mình.", Html.Text(await lockSelf.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var stamp = ConcurrencyStamp(await admin.GetStringAsync(new Uri($"/Admin/Users/Edit/{id}", UriKind.Relative)));
        using var demote = await PostFormAsync(admin, $"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}", ("DisplayName", "Tôi"), ("Roles", Roles.Editor), ("ConcurrencyStamp", stamp));
        Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
        Assert.Contains("Bạn không thể bỏ vai trò Quản trị hệ thống của chính mình.", Html.Text(await demote.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var user = await UserAsync(factory, adminName);
        Assert.False(user.IsDisabled);
        Assert.Null(user.LockoutEnd);
        Assert.Equal([Roles.Administrator], await RolesOfAsync(adminName));
        using var stillIn = await admin.GetAsync(new Uri("/Admin/Users", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
    }

    [Fact]
    public async Task UserList_FiltersByRoleAndSearch()
    {
        var (admin, _) = await SignInNewAsync(factory, Roles.Administrator);
        var leader = await TestUsers.CreateAsync(factory, Roles.Leader);
        var staff = await TestUsers.CreateAsync(factory, Roles.Staff);

        var leaders = Html.Text(await admin.GetStringAsync(new Uri("/Admin/Users?vai-tro=Leader", UriKind.Relative)));
        Assert.Contains(leader, leaders, StringComparison.Ordinal);
        Assert.DoesNotContain(staff, leaders, StringComparison.Ordinal);

        var search = Html.Text(await admin.GetStringAsync(new Uri($"/Admin/Users?q={staff}", UriKind.Relative)));
        Assert.Contains(staff, search, StringComparison.Ordinal);
        Assert.Contains("1 tài khoản", search, StringComparison.Ordinal);

        using var unknown = await admin.GetAsync(new Uri("/Admin/Users/Edit/khong-ton-tai", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Users_AsEditor_IsForbidden()
    {
        var (editor, _) = await SignInNewAsync(factory, Roles.Editor);

        using var response = await editor.GetAsync(new Uri("/Admin/Users/Create", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/khong-co-quyen", Location(response), StringComparison.Ordinal);
    }
}
