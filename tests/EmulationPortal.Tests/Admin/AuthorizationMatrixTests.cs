using System.Net;
using EmulationPortal.Accounts;
using EmulationPortal.Tests.Integration;
using static EmulationPortal.Tests.Admin.AccountsTestHelpers;

namespace EmulationPortal.Tests.Admin;

/// <summary>
/// Role × admin URL: anonymous → login, Staff and UnitReporter → 403 (via /khong-co-quyen), Leader reads but not
/// accounts or the audit log, Administrator everything; a POST without antiforgery token → 400.
/// </summary>
public sealed class AuthorizationMatrixTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    /// <summary>Every page of the admin menu (the Administrator-only ones last).</summary>
    public static readonly string[] ReadUrls =
    [
        "/Admin", "/Admin/Campaigns", "/Admin/Articles", "/Admin/Documents", "/Admin/Commendations", "/Admin/Feedback",
        "/Admin/Catalogues", "/Admin/Units", "/Admin/Staff", "/Admin/Organisation", "/Admin/Participation", "/Admin/Reminders",
    ];

    public static readonly string[] AdministratorOnlyUrls = ["/Admin/Users", "/Admin/Audit"];

    /// <summary>Whether the Admin-area controller of a URL exists in this build.</summary>
    public static bool Exists(string url)
    {
        var name = url.TrimEnd('/').Split('/').Skip(2).FirstOrDefault() ?? "Home";
        return typeof(Program).Assembly.GetTypes().Any(t =>
            t.Name == name + "Controller" && t.Namespace?.Contains("Areas.Admin", StringComparison.Ordinal) == true);
    }

    private static async Task<List<string>> MismatchesAsync(HttpClient client, IEnumerable<string> urls, Func<HttpResponseMessage, bool> expected)
    {
        var wrong = new List<string>();
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            if (!expected(response))
            {
                wrong.Add($"{url} → {(int)response.StatusCode} {Location(response)}");
            }
        }

        return wrong;
    }

    private static bool IsForbidden(HttpResponseMessage r) =>
        r.StatusCode == HttpStatusCode.Forbidden || (r.StatusCode == HttpStatusCode.Redirect && Location(r).Contains("/khong-co-quyen", StringComparison.Ordinal));

    [Fact]
    public async Task Anonymous_IsSentToLogin_OnEveryAdminUrl()
    {
        using var client = factory.CreateBrowserlikeClient();

        var wrong = await MismatchesAsync(client, ReadUrls.Concat(AdministratorOnlyUrls), r =>
            r.StatusCode == HttpStatusCode.Redirect && Location(r).Contains("/dang-nhap", StringComparison.Ordinal));

        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.UnitReporter)]
    public async Task StaffAndUnitReporter_AreForbidden_OnEveryAdminUrl(string role)
    {
        var (client, _) = await SignInNewAsync(factory, role);

        var wrong = await MismatchesAsync(client, ReadUrls.Concat(AdministratorOnlyUrls), IsForbidden);

        Assert.Empty(wrong);
        using var denied = await client.GetAsync(new Uri("/khong-co-quyen", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task Leader_ReadsAdminLists_ButNotAccountsOrTheAuditLog()
    {
        var (client, _) = await SignInNewAsync(factory, Roles.Leader);

        var wrongRead = await MismatchesAsync(client, ReadUrls, r => r.StatusCode == HttpStatusCode.OK);
        var wrongAdmin = await MismatchesAsync(client, AdministratorOnlyUrls, IsForbidden);

        Assert.Empty(wrongRead);
        Assert.Empty(wrongAdmin);
    }

    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.Editor)]
    public async Task AdministratorReadsEverything_EditorAllButAccountsAndAudit(string role)
    {
        var (client, _) = await SignInNewAsync(factory, role);

        var wrongRead = await MismatchesAsync(client, ReadUrls, r => r.StatusCode == HttpStatusCode.OK);
        var wrongAdmin = await MismatchesAsync(client, AdministratorOnlyUrls, r => role == Roles.Administrator ? r.StatusCode == HttpStatusCode.OK : IsForbidden(r));

        Assert.Empty(wrongRead);
        Assert.Empty(wrongAdmin);
    }

    [Theory]
    [InlineData("/Admin/Users/Create")]
    [InlineData("/Admin/Feedback/Detail/1")]
    [InlineData("/dang-xuat")]
    public async Task Post_WithoutAntiforgeryToken_Returns400(string url)
    {
        var (client, _) = await SignInNewAsync(factory, Roles.Administrator);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "khong-co-token", ["DisplayName"] = "X", ["Roles"] = Roles.Staff });

        using var response = await client.PostAsync(new Uri(url, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public void AdminMenuPages_AllExist()
    {
        var missing = ReadUrls.Concat(AdministratorOnlyUrls).Where(u => !Exists(u)).ToList();

        Assert.Empty(missing);
    }
}
