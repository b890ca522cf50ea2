using System.Net;
using System.Text.RegularExpressions;

namespace EmulationPortal.Tests.Integration;

/// <summary>Small helpers for reading pages the way a user reads them.</summary>
internal static partial class Html
{
    /// <summary>The page text with entities decoded, so "&amp;" or a quote written as an entity compares as text.</summary>
    public static string Text(string html) => WebUtility.HtmlDecode(html);

    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token field.");
        return WebUtility.HtmlDecode(match.Groups["value"].Value);
    }

    /// <summary>Signs of a leaked exception page.</summary>
    public static void AssertNoStackTrace(string body)
    {
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", body, StringComparison.Ordinal);
        Assert.DoesNotContain("StackTrace", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Microsoft.EntityFrameworkCore", body, StringComparison.Ordinal);
        Assert.DoesNotContain("EmulationPortal.Web.Controllers", body, StringComparison.Ordinal);
        Assert.DoesNotMatch(ExceptionName(), body);
    }

    [GeneratedRegex(@"\b[A-Z]\w*Exception\b", RegexOptions.CultureInvariant)]
    private static partial Regex ExceptionName();

    [GeneratedRegex("""name="__RequestVerificationToken"[^>]*value="(?<value>[^"]+)"|value="(?<value>[^"]+)"[^>]*name="__RequestVerificationToken""", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
