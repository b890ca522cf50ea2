using System.Net;
using EmulationPortal.Accounts;
using EmulationPortal.Tests.Integration;
using static EmulationPortal.Tests.Security.Accounts.AccountSecurityHelpers;

namespace EmulationPortal.Tests.Security.Accounts;

/// <summary>ASVS V3.3: the authentication and antiforgery cookies' attributes, on plain HTTP (the demo) and HTTPS only.</summary>
public sealed class CookieAttributeTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task OnPlainHttp_Cookies_AreHttpOnly_SameSite_PathRoot_WithoutDomain()
    {
        var userName = await TestUsers.CreateAsync(factory, Roles.Staff);
        using var client = factory.CreateBrowserlikeClient();

        using var loginPage = await client.GetAsync(new Uri("/dang-nhap", UriKind.Relative));
        var antiforgery = SetCookie(loginPage, ".EmulationPortal.Antiforgery");
        using var signIn = await TestUsers.SignInAsync(client, userName, TestUsers.Password);
        var auth = SetCookie(signIn, AuthCookie);

        Assert.NotNull(antiforgery);
        Assert.NotNull(auth);
        AssertAttributes(auth, "lax", secure: false);
        AssertAttributes(antiforgery, "strict", secure: false);
    }

    internal static void AssertAttributes(string setCookie, string sameSite, bool secure)
    {
        var attributes = setCookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=" + sameSite, attributes);
        Assert.Contains("path=/", attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain", StringComparison.Ordinal));
        Assert.Equal(secure, attributes.Contains("secure"));
    }
}

/// <summary>With <c>Security:HttpsOnly</c>, over HTTPS: <c>__Host-</c> names, Secure, Path=/, no Domain.</summary>
public sealed class HttpsCookieAttributeTests(HttpsOnlyFactory factory) : IClassFixture<HttpsOnlyFactory>
{
    [Fact]
    public async Task OverHttps_Cookies_AreHostPrefixed_Secure_HttpOnly_SameSite_PathRoot_WithoutDomain()
    {
        var userName = await TestUsers.CreateAsync(factory, Roles.Staff);
        using var client = factory.CreateHttpsClient();

        using var loginPage = await client.GetAsync(new Uri("/dang-nhap", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, loginPage.StatusCode);
        var antiforgery = SetCookie(loginPage, "__Host-EmulationPortal.Antiforgery");
        using var signIn = await TestUsers.SignInAsync(client, userName, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var auth = SetCookie(signIn, "__Host-EmulationPortal.Auth");

        Assert.NotNull(antiforgery);
        Assert.NotNull(auth);
        CookieAttributeTests.AssertAttributes(auth, "lax", secure: true);
        CookieAttributeTests.AssertAttributes(antiforgery, "strict", secure: true);
        Assert.Null(SetCookie(signIn, AuthCookie));

        // The secure session works: the signed-in page opens over HTTPS.
        using var page = await client.GetAsync(new Uri("/doi-mat-khau", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
