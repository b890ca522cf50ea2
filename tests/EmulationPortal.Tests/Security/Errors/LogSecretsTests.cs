using System.Net;
using EmulationPortal.Accounts;
using EmulationPortal.Data;
using EmulationPortal.Tests.Integration;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EmulationPortal.Tests.Security.Errors;

/// <summary>
/// ASVS V16: the log, written at Debug for every category (ASP.NET Core, Identity, EF Core included), holds no password,
/// antiforgery token, session cookie or anonymous feedback text after a sign-in, a password change and an anonymous
/// feedback.
/// </summary>
public sealed class LogSecretsTests(LoggingAppFactory factory) : IClassFixture<LoggingAppFactory>
{
    [Fact]
    public async Task AfterSignInPasswordChangeAndAnonymousFeedback_TheLogHoldsNoSecret()
    {
        var unique = Guid.NewGuid().ToString("N")[..10];
        var oldPassword = $"Mật-khẩu-cũ-{unique}";
        var newPassword = $"Mật-khẩu-mới-{unique}";
        var marker = $"Góp ý ẩn danh không được ghi vào nhật ký {unique}";
        var userName = await TestUsers.CreateAsync(factory, Roles.Staff, password: oldPassword);
        var cookies = new CookieContainer();
        using var client = factory.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        var secrets = new List<string> { oldPassword, newPassword, marker };

        var loginPage = await client.GetStringAsync(new Uri("/dang-nhap", UriKind.Relative));
        secrets.Add(Html.AntiforgeryToken(loginPage));
        using (var signedIn = await TestUsers.SignInAsync(client, userName, oldPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        var passwordPage = await client.GetStringAsync(new Uri("/doi-mat-khau", UriKind.Relative));
        secrets.Add(Html.AntiforgeryToken(passwordPage));
        using (var changed = await TestUsers.PostFormAsync(client, "/doi-mat-khau", "/doi-mat-khau", new Dictionary<string, string>
        {
            ["CurrentPassword"] = oldPassword, ["NewPassword"] = newPassword, ["ConfirmPassword"] = newPassword,
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        // The session and antiforgery cookies as they stand after the password change (a new session cookie).
        secrets.AddRange(cookies.GetAllCookies().Select(c => c.Value).Where(v => v.Length >= 16));
        Assert.Contains(cookies.GetAllCookies(), c => c.Value.Length > 100);

        using var visitor = factory.CreateBrowserlikeClient();
        using (var sent = await TestUsers.PostFormAsync(visitor, "/phan-anh", "/phan-anh", new Dictionary<string, string>
        {
            ["Category"] = "Other", ["Text"] = marker, ["IsAnonymous"] = "true",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var log = factory.ReadLog();

        // The log did record these requests, in detail: the test looks where secrets would be.
        Assert.Contains("POST /doi-mat-khau responded 302", log, StringComparison.Ordinal);
        Assert.Contains("POST /phan-anh responded 302", log, StringComparison.Ordinal);
        Assert.Contains("[DBG] Microsoft.EntityFrameworkCore", log, StringComparison.Ordinal);
        Assert.Contains("INSERT INTO \"Feedbacks\"", log, StringComparison.Ordinal);
        var found = secrets
            .SelectMany(s => new[] { s, Uri.EscapeDataString(s), WebUtility.UrlEncode(s) })
            .Distinct(StringComparer.Ordinal)
            .Where(s => log.Contains(s, StringComparison.Ordinal))
            .ToList();
        Assert.True(found.Count == 0, "The log holds: " + string.Join(" | ", found.Select(s => s.Length > 40 ? s[..40] + "…" : s)));
    }

    [Fact]
    public void EfCore_NeverLogsParameterValues()
    {
        using var scope = factory.Services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<PortalDbContext>>();

        Assert.False(options.FindExtension<CoreOptionsExtension>()?.IsSensitiveDataLoggingEnabled ?? false);
        Assert.False(options.FindExtension<CoreOptionsExtension>()?.DetailedErrorsEnabled ?? false);
    }
}
