
namespace EmulationPortal.Tests.Security.Headers;

/// <summary>What every response of the portal must carry (docs/security.md), written out here on purpose: a
/// test that read the expected values from the production constants would pass whatever they said.</summary>
internal static class HeaderAssert
{
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'self'; form-action 'self'";

    public const string NonDocumentPolicy = "default-src 'none'; frame-ancestors 'self'; sandbox";

    /// <summary>The headers of every response, page or not.</summary>
    public static void Common(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Single(response, "Referrer-Policy"));
        Assert.Equal("SAMEORIGIN", Single(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Single(response, "Cross-Origin-Opener-Policy"));
        Assert.Contains("camera=()", Single(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"), "a Server header names the software");
        Assert.False(response.Headers.Contains("X-Powered-By"), "an X-Powered-By header names the software");
    }

    /// <summary>A page: the common headers and the page policy, with every directive the issue names.</summary>
    public static void Page(HttpResponseMessage response)
    {
        Common(response);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = Single(response, "Content-Security-Policy");
        Assert.Equal(PagePolicy, policy);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
    }

    /// <summary>A header's one value, from the response or its content headers; fails when absent or repeated.</summary>
    public static string Single(HttpResponseMessage response, string name)
    {
        ArgumentNullException.ThrowIfNull(response);
        IEnumerable<string>? values = null;
        if (!response.Headers.TryGetValues(name, out values) && !response.Content.Headers.TryGetValues(name, out values))
        {
            Assert.Fail($"{name} is missing from {response.RequestMessage?.RequestUri} ({(int)response.StatusCode})");
        }

        return Assert.Single(values);
    }

}
