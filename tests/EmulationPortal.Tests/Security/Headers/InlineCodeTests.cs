using System.Net;
using System.Text.RegularExpressions;
using EmulationPortal.Accounts;
using EmulationPortal.Tests.Integration;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace EmulationPortal.Tests.Security.Headers;

/// <summary>
/// The policy allows no inline script, style or event handler, so none may be in a page: the browser would refuse it
/// and the feature would silently stop working. Crawls the public menu and every admin link a user holding all the
/// office's roles sees, and reads each page's markup.
/// </summary>
public sealed partial class InlineCodeTests(PortalAppFactory factory, ITestOutputHelper output) : IClassFixture<PortalAppFactory>
{
    private static readonly string[] PublicPages =
    [
        "/", "/tin-tuc", "/van-ban", "/vinh-danh", "/phong-trao", "/tim-kiem?q=thi+%C4%91ua",
        "/dang-nhap", "/phan-anh", "/xac-thuc", "/khong-co-trang-nay",
    ];

    [Fact]
    public async Task PublicPages_HoldNoInlineScriptStyleOrHandler()
    {
        var client = factory.CreateBrowserlikeClient();
        var pages = new List<string>(PublicPages);

        // One of each kind of detail page, found from the lists.
        foreach (var (list, pattern) in new[] { ("/tin-tuc", "/tin-tuc/[a-z0-9-]+"), ("/van-ban", "/van-ban/\\d+"), ("/phong-trao", "/phong-trao/[a-z0-9-]+") })
        {
            var html = await client.GetStringAsync(new Uri(list, UriKind.Relative));
            var link = Regex.Match(html, "href=\"(" + pattern + ")\"");
            Assert.True(link.Success, $"no link like {pattern} on {list}");
            pages.Add(link.Groups[1].Value);
        }

        output.WriteLine($"{await AssertCleanAsync(client, pages)} public pages read");
    }

    [Fact]
    public async Task AdminPages_HoldNoInlineScriptStyleOrHandler()
    {
        var client = await AllRolesClientAsync();
        var dashboard = await client.GetStringAsync(new Uri("/Admin", UriKind.Relative));
        var pages = AdminLink().Matches(dashboard).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct().ToList();
        Assert.True(pages.Count >= 15, $"only {pages.Count} admin links found");

        // The forms behind the lists (create pages hold the editor and most fields).
        foreach (var list in pages.ToList())
        {
            var html = await client.GetStringAsync(new Uri(list, UriKind.Relative));
            pages.AddRange(AdminLink().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
                .Where(u => !u.Contains("/Delete", StringComparison.OrdinalIgnoreCase) && !u.Contains("/Export", StringComparison.OrdinalIgnoreCase)));
        }

        output.WriteLine($"{await AssertCleanAsync(client, pages.Distinct().Take(300).ToList())} admin pages read");
    }

    /// <summary>Reads every page and fails listing each inline script, style or handler; returns how many pages were HTML.</summary>
    private static async Task<int> AssertCleanAsync(HttpClient client, List<string> pages)
    {
        var problems = new List<string>();
        var checkedPages = 0;
        foreach (var url in pages)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True((int)response.StatusCode < 500, $"{url}: {(int)response.StatusCode}");
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            checkedPages++;
            var html = await response.Content.ReadAsStringAsync();
            problems.AddRange(InlineScript().Matches(html).Select(m => $"{url}: inline script {m.Value}"));
            problems.AddRange(StyleElement().Matches(html).Select(m => $"{url}: <style> element"));
            problems.AddRange(StyleAttribute().Matches(html).Select(m => $"{url}: style attribute {m.Value}"));
            problems.AddRange(Handler().Matches(html).Select(m => $"{url}: event handler {m.Value}"));
            problems.AddRange(JavascriptUrl().Matches(html).Select(m => $"{url}: javascript: URL"));
        }

        Assert.True(checkedPages >= pages.Count / 2, $"only {checkedPages} of {pages.Count} pages were HTML");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        return checkedPages;
    }

    private async Task<HttpClient> AllRolesClientAsync()
    {
        var userName = await TestUsers.CreateAsync(factory, Roles.Administrator);
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = await users.FindByNameAsync(userName);
            var added = await users.AddToRolesAsync(user!, [Roles.Editor, Roles.Leader, Roles.Specialist, Roles.OfficeHead, Roles.CouncilSecretary]);
            Assert.True(added.Succeeded);
        }

        var client = factory.CreateBrowserlikeClient();
        using var signedIn = await TestUsers.SignInAsync(client, userName, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    [GeneratedRegex("href=\"(/Admin/[^\"#]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex AdminLink();

    // A script element that runs: no src attribute and not a data block (type="application/json").
    [GeneratedRegex("<script(?![^>]*\\ssrc=)(?![^>]*type=\"application/(ld\\+)?json\")[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<style[\\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex StyleElement();

    [GeneratedRegex("<[a-z][^>]*\\sstyle\\s*=[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    [GeneratedRegex("<[a-z][^>]*\\son[a-z]+\\s*=[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Handler();

    [GeneratedRegex("(href|src|action)\\s*=\\s*\"\\s*javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex JavascriptUrl();
}
