using EmulationPortal.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EmulationPortal.Tests.Integration;

/// <summary>Accounts and signed-in clients for integration tests: users are created through Identity, then sign in through the real form.</summary>
internal static class TestUsers
{
    public const string Password = "Mat-khau-thu-nghiem-1";

    /// <summary>Creates a user with one role (a unique name per call) and returns its user name.</summary>
    public static async Task<string> CreateAsync(PortalAppFactory factory, string role, string? userName = null, int? unitId = null, string password = Password, bool mustChangePassword = false)
    {
        ArgumentNullException.ThrowIfNull(factory);
        userName ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..24];
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = userName, DisplayName = "Người dùng thử nghiệm", LockoutEnabled = true, UnitId = unitId, MustChangePassword = mustChangePassword };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var added = await users.AddToRoleAsync(user, role);
        Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Description)));
        return userName;
    }

    /// <summary>A cookie-keeping, non-redirecting client signed in as a new user of the role.</summary>
    public static async Task<HttpClient> SignedInClientAsync(PortalAppFactory factory, string role)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var userName = await CreateAsync(factory, role);
        var client = factory.CreateBrowserlikeClient();
        using var response = await SignInAsync(client, userName, Password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Opens the login page, then posts the form with the page's antiforgery token, as a browser does.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password, string? returnUrl = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetStringAsync(new Uri("/dang-nhap", UriKind.Relative));
        var form = new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = Html.AntiforgeryToken(page),
        };
        if (returnUrl is not null)
        {
            form["ReturnUrl"] = returnUrl;
        }

        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri("/dang-nhap", UriKind.Relative), content);
    }

    /// <summary>Gets a form page, then posts the fields with that page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, string action, IDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var page = await client.GetStringAsync(new Uri(formPage, UriKind.Relative));
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = Html.AntiforgeryToken(page) };
        using var content = new FormUrlEncodedContent(all);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }
}
