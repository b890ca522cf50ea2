using System.Net;
using EmulationPortal.Accounts;
using EmulationPortal.Tests.Integration;
using static EmulationPortal.Tests.Security.Accounts.AccountSecurityHelpers;

namespace EmulationPortal.Tests.Security.Accounts;

/// <summary>ASVS V6.2: 8–128 characters, no composition rules, common passwords and the user's own names refused.</summary>
public sealed class PasswordPolicyTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private const string CommonMessage = "danh sách các mật khẩu phổ biến";

    private async Task<HttpClient> SignedInAsync(string? userName = null, string displayName = "Người dùng thử nghiệm") =>
        (await SignedInWithNameAsync(userName, displayName)).Client;

    private async Task<(HttpClient Client, string UserName)> SignedInWithNameAsync(string? userName = null, string displayName = "Người dùng thử nghiệm")
    {
        userName ??= "mk-" + Guid.NewGuid().ToString("N")[..10];
        var created = await CreateUserAsync(factory, userName, displayName, TestUsers.Password);
        Assert.True(created.Succeeded);
        var client = factory.CreateBrowserlikeClient();
        using var signIn = await TestUsers.SignInAsync(client, userName, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return (client, userName);
    }

    [Fact]
    public void CommonPasswordList_HoldsAtLeastTenThousandEntries_IncludingWellKnownOnes()
    {
        Assert.True(CommonPasswords.Count >= 10_000, $"only {CommonPasswords.Count} entries");
        Assert.True(CommonPasswords.Contains("password1"));
        Assert.True(CommonPasswords.Contains("PASSWORD1"));
        Assert.False(CommonPasswords.Contains(TestUsers.Password));
    }

    [Theory]
    [InlineData("password1")]
    [InlineData("12345678")]
    [InlineData("Qwertyuiop")]
    public async Task ChangePassword_ToACommonPassword_IsRefusedWithAVietnameseMessage(string common)
    {
        var (client, userName) = await SignedInWithNameAsync();
        using (client)
        {
            using var response = await ChangePasswordAsync(client, TestUsers.Password, common);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(CommonMessage, Html.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        // The old password still signs in: nothing was changed.
        using var again = factory.CreateBrowserlikeClient();
        using var signIn = await TestUsers.SignInAsync(again, userName, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task ChangePassword_ToALongVietnamesePassphrase_IsAccepted_AndSignsIn()
    {
        const string passphrase = "Chiều nay trời Hà Nội mưa phùn, tôi đi bộ quanh hồ Gươm rồi uống cà phê trứng";
        Assert.True(passphrase.Length >= 64);
        var userName = "cau-" + Guid.NewGuid().ToString("N")[..10];
        using var client = await SignedInAsync(userName);

        using var response = await ChangePasswordAsync(client, TestUsers.Password, passphrase);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var fresh = factory.CreateBrowserlikeClient();
        using var signIn = await TestUsers.SignInAsync(fresh, userName, passphrase);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task ChangePassword_Of128Characters_IsAccepted_And129_IsRefused()
    {
        var userName = "dai-" + Guid.NewGuid().ToString("N")[..10];
        using var client = await SignedInAsync(userName);
        var exactly128 = string.Concat(Enumerable.Repeat("Mùa thu Hà Nội ", 9))[..128];
        var tooLong = exactly128 + "x";

        using var refused = await ChangePasswordAsync(client, TestUsers.Password, tooLong);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("128", Html.Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var accepted = await ChangePasswordAsync(client, TestUsers.Password, exactly128);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        using var fresh = factory.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await TestUsers.SignInAsync(fresh, userName, exactly128)).StatusCode);
    }

    [Fact]
    public async Task NewPassword_Of129Characters_IsRefusedByTheRuleItself_NotOnlyByTheForm()
    {
        var created = await CreateUserAsync(factory, "qua-dai-" + Guid.NewGuid().ToString("N")[..8], "Người dùng thử nghiệm", new string('k', 60) + "-Lúa chín vàng-" + new string('z', 54));

        Assert.False(created.Succeeded);
        Assert.Contains(created.Errors, e => e.Description == "Mật khẩu dài tối đa 128 ký tự.");
    }

    [Fact]
    public async Task ChangePassword_ContainingTheUserName_IsRefused()
    {
        var userName = "tranvanbinh" + Random.Shared.Next(100, 999);
        using var client = await SignedInAsync(userName, "Người dùng thử nghiệm");

        using var response = await ChangePasswordAsync(client, TestUsers.Password, "Toi-la-" + userName.ToUpperInvariant() + "-2026");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Mật khẩu không được chứa tên đăng nhập.", Html.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_ContainingTheFullNameWithoutMarks_IsRefused()
    {
        using var client = await SignedInAsync(displayName: "Nguyễn Thị Hồng Nhung");

        using var response = await ChangePasswordAsync(client, TestUsers.Password, "nguyen thi hong nhung sinh nam 1990");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Mật khẩu không được chứa họ tên của người dùng.", Html.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_WithAWrongCurrentPassword_IsRefused()
    {
        using var client = await SignedInAsync();

        using var response = await ChangePasswordAsync(client, "Khong-phai-mat-khau-cu", "Mot-mat-khau-moi-hop-le-2026");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PasswordFields_DoNotBlockPasting()
    {
        using var client = await SignedInAsync();

        var login = await factory.CreateClient().GetStringAsync(new Uri("/dang-nhap", UriKind.Relative));
        var change = await client.GetStringAsync(new Uri("/doi-mat-khau", UriKind.Relative));

        foreach (var page in new[] { login, change })
        {
            Assert.Contains("type=\"password\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("onpaste", page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("oncopy", page, StringComparison.OrdinalIgnoreCase);
        }
    }
}
