using EmulationPortal.Common;

namespace EmulationPortal.Tests.Domain;

public sealed class HtmlCleanerTests
{
    private readonly HtmlCleaner _cleaner = new();

    [Fact]
    public void Clean_WhenHtmlHasScript_RemovesScriptAndKeepsText()
    {
        var html = _cleaner.Clean("<p>Thi đua<script>alert('x')</script> yêu nước</p>");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert", html, StringComparison.Ordinal);
        Assert.Contains("Thi đua", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_WhenElementsHaveEventHandlers_RemovesOnAttributes()
    {
        var html = _cleaner.Clean("<p onclick=\"steal()\">Xin chào</p><img src=\"https://example.org/a.png\" onerror=\"steal()\" alt=\"Ảnh\">");

        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("steal", html, StringComparison.Ordinal);
        Assert.Contains("alt=\"Ảnh\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_WhenHtmlHasStrong_KeepsStrong()
    {
        var html = _cleaner.Clean("<p>Gương <strong>điển hình</strong> tiên tiến</p>");

        Assert.Contains("<strong>điển hình</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_WhenLinkUsesJavascriptScheme_DropsTheHref()
    {
        var html = _cleaner.Clean("<a href=\"javascript:alert(1)\">Bấm</a>");

        Assert.DoesNotContain("javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Bấm", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Clean_WhenEmpty_ReturnsEmpty(string? input) => Assert.Equal(string.Empty, _cleaner.Clean(input));
}
