using System.Text.RegularExpressions;
using EmulationPortal.Accounts;
using Microsoft.Playwright;

namespace EmulationPortal.BrowserTests.Security;

/// <summary>Sign-in and sign-out in Chromium with the hardened cookies and server-side sessions (issue 8, items 3–4).</summary>
public sealed class AccountSessionBrowserTests(PortalServerFixture portal) : IClassFixture<PortalServerFixture>
{
    [BrowserFact]
    public async Task SignIn_SetsHardenedCookies_AndAfterSignOut_TheCopiedCookieNoLongerWorks()
    {
        var userName = await portal.CreateUserAsync("phien-", "Người dùng phiên", null, Roles.Staff);
        var page = await portal.NewPageAsync();

        await page.GotoAsync("/dang-nhap");
        await page.Locator("#UserName").FillAsync(userName);
        await page.Locator("#Password").FillAsync(PortalServerFixture.UserPassword);
        await page.Locator("form[action^='/dang-nhap'] button[type='submit']").ClickAsync();
        await page.WaitForURLAsync(new Regex("^[^?#]*://[^/]+/$", RegexOptions.CultureInvariant));

        var cookies = await page.Context.CookiesAsync();
        var auth = Assert.Single(cookies, c => c.Name == ".EmulationPortal.Auth");
        var antiforgery = Assert.Single(cookies, c => c.Name == ".EmulationPortal.Antiforgery");
        Assert.True(auth.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, auth.SameSite);
        Assert.Equal("/", auth.Path);
        Assert.True(antiforgery.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, antiforgery.SameSite);

        // Signed in: the change-password page opens.
        await page.GotoAsync("/doi-mat-khau");
        Assert.EndsWith("/doi-mat-khau", page.Url, StringComparison.Ordinal);

        // Sign out through the menu's form, then replay the copied cookie in a fresh browser context.
        await page.EvaluateAsync("() => document.querySelector(\"form[action='/dang-xuat']\").submit()");
        await page.WaitForURLAsync(new Regex("^[^?#]*://[^/]+/$", RegexOptions.CultureInvariant));
        await page.Context.CloseAsync();

        var replay = await portal.NewPageAsync();
        await replay.Context.AddCookiesAsync([new Cookie { Name = auth.Name, Value = auth.Value, Domain = auth.Domain, Path = "/" }]);
        await replay.GotoAsync("/doi-mat-khau");
        Assert.Contains("/dang-nhap", replay.Url, StringComparison.Ordinal);
        await replay.Context.CloseAsync();
    }
}
