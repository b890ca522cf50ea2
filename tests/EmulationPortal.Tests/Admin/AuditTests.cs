using System.Net;
using System.Text.RegularExpressions;
using EmulationPortal.Accounts;
using EmulationPortal.Audit;
using EmulationPortal.Tests.Integration;
using Microsoft.EntityFrameworkCore;
using static EmulationPortal.Tests.Admin.AccountsTestHelpers;

namespace EmulationPortal.Tests.Admin;

/// <summary>The audit log: sign-ins and account changes are recorded with old → new values; administrators browse it, nobody edits it.</summary>
public sealed partial class AuditTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private Task<List<AuditEntry>> EntriesAsync(string action, string userName) =>
        factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == action && a.UserName == userName).ToListAsync());

    [Fact]
    public async Task SignIn_SuccessAndFailure_AreRecorded_WithTheUserNameAsTyped_AndNoPassword()
    {
        var userName = await TestUsers.CreateAsync(factory, Roles.Staff);
        var user = await UserAsync(factory, userName);
        using var client = factory.CreateBrowserlikeClient();

        using var failed = await TestUsers.SignInAsync(client, userName, "Sai-mat-khau-123");
        using var unknown = await TestUsers.SignInAsync(client, "  khong.ton.tai.ai  ", "Sai-mat-khau-456");
        using var succeeded = await TestUsers.SignInAsync(client, userName, TestUsers.Password);

        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, succeeded.StatusCode);
        var failure = Assert.Single(await EntriesAsync(AuditActions.LoginFailed, userName));
        Assert.Null(failure.UserId);
        Assert.Equal(user.Id, failure.EntityId);
        Assert.Contains("InvalidCredentials", failure.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("Sai-mat-khau", failure.Changes, StringComparison.Ordinal);
        Assert.Single(await EntriesAsync(AuditActions.LoginFailed, "khong.ton.tai.ai"));
        var success = Assert.Single(await EntriesAsync(AuditActions.Login, userName));
        Assert.Equal(user.Id, success.UserId);
        var all = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Select(a => a.Changes).ToListAsync());
        Assert.DoesNotContain(all, c => c.Contains("Sai-mat-khau", StringComparison.Ordinal) || c.Contains(TestUsers.Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UserChange_IsRecordedWithOldAndNewValues_AndShownOnTheAuditPage()
    {
        var (admin, adminName) = await SignInNewAsync(factory, Roles.Administrator);
        var userName = await TestUsers.CreateAsync(factory, Roles.Staff);
        var id = (await UserAsync(factory, userName)).Id;
        var stamp = ConcurrencyStamp(await admin.GetStringAsync(new Uri($"/Admin/Users/Edit/{id}", UriKind.Relative)));

        using var saved = await PostFormAsync(
            admin, $"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}", ("DisplayName", "Hoàng Thị Đổi Tên"), ("Roles", Roles.Staff), ("ConcurrencyStamp", stamp));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var entry = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(PortalUser) && a.EntityId == id && a.Action == AuditActions.Update && a.Changes.Contains("DisplayName"))
            .SingleAsync());
        Assert.Equal(adminName, entry.UserName);
        var change = Assert.Single(AuditQueryService.ParseChanges(entry.Changes), c => c.Field == "DisplayName");
        Assert.Equal("Người dùng thử nghiệm", change.Old);
        Assert.Equal("Hoàng Thị Đổi Tên", change.New);

        var page = Html.Text(await admin.GetStringAsync(new Uri($"/Admin/Audit?nguoi-dung={adminName}&doi-tuong=PortalUser&hanh-dong=Update", UriKind.Relative)));
        Assert.Contains("Họ và tên hiển thị", page, StringComparison.Ordinal);
        Assert.Contains("Người dùng thử nghiệm", page, StringComparison.Ordinal);
        Assert.Contains("Hoàng Thị Đổi Tên", page, StringComparison.Ordinal);
        Assert.Contains("Giá trị cũ", page, StringComparison.Ordinal);
        Assert.Contains("Giá trị mới", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Đăng nhập thất bại</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPage_HasNoEditOrDeleteForms_AndNoSuchActionsExist()
    {
        var (admin, _) = await SignInNewAsync(factory, Roles.Administrator);

        var page = await admin.GetStringAsync(new Uri("/Admin/Audit", UriKind.Relative));

        var postForms = PostForm().Matches(page).Select(m => m.Value).ToList();
        Assert.All(postForms, form => Assert.Contains("dang-xuat", form, StringComparison.Ordinal));
        Assert.DoesNotContain("/admin/audit/edit", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("/admin/audit/delete", page, StringComparison.OrdinalIgnoreCase);
        foreach (var path in new[] { "/Admin/Audit/Delete/1", "/Admin/Audit/Edit/1" })
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Html.AntiforgeryToken(page) });
            using var response = await admin.PostAsync(new Uri(path, UriKind.Relative), content);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task AuditPage_WithBadFilterValues_ShowsANoticeNotAnError()
    {
        var (admin, _) = await SignInNewAsync(factory, Roles.Administrator);

        using var response = await admin.GetAsync(new Uri($"/Admin/Audit?tu-ngay=99999-01-01&den-ngay=abc&trang=xyz&nguoi-dung={new string('a', 500)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Html.AssertNoStackTrace(body);
    }

    [GeneratedRegex("""<form[^>]*method="post"[^>]*>""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PostForm();
}
