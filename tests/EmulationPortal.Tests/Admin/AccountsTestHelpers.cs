using System.Net;
using System.Text.RegularExpressions;
using EmulationPortal.Accounts;
using EmulationPortal.Tests.Integration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace EmulationPortal.Tests.Admin;

/// <summary>The portal with sessions re-validated on every request, so that ending a session shows at the next request.</summary>
public sealed class AccountsAppFactory : PortalAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:SessionValidationInterval", "00:00:00");
        builder.ConfigureAppConfiguration((_, config) =>
            config.AddInMemoryCollection(new Dictionary<string, string?> { ["Security:SessionValidationInterval"] = "00:00:00" }));
    }
}

/// <summary>Form posts with repeated keys (check boxes) and small readers of the accounts pages.</summary>
internal static partial class AccountsTestHelpers
{
    /// <summary>Gets a form page, then posts the fields (keys may repeat) with that page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, string action, params (string Key, string Value)[] fields)
    {
        var page = await client.GetAsync(new Uri(formPage, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();
        all.Add(new("__RequestVerificationToken", Html.AntiforgeryToken(html)));
        using var content = new FormUrlEncodedContent(all);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    /// <summary>A signed-in client of a new user of the role, and that user's name.</summary>
    public static async Task<(HttpClient Client, string UserName)> SignInNewAsync(PortalAppFactory factory, string role)
    {
        var userName = await TestUsers.CreateAsync(factory, role);
        var client = factory.CreateBrowserlikeClient();
        using var response = await TestUsers.SignInAsync(client, userName, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, userName);
    }

    public static Task<PortalUser> UserAsync(PortalAppFactory factory, string userName) =>
        factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName));

    public static string GeneratedPassword(string html)
    {
        var match = PasswordPattern().Match(html);
        Assert.True(match.Success, "The page shows no generated password.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>The hidden concurrency stamp of the edit form.</summary>
    public static string ConcurrencyStamp(string html)
    {
        var match = StampPattern().Match(html);
        Assert.True(match.Success, "The edit page has no concurrency stamp.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static string Location(HttpResponseMessage response) => response.Headers.Location?.ToString() ?? string.Empty;

    [GeneratedRegex("""<code id="generated-password"[^>]*>([^<]+)</code>""", RegexOptions.CultureInvariant)]
    private static partial Regex PasswordPattern();

    [GeneratedRegex("""name="ConcurrencyStamp" value="([^"]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex StampPattern();
}
