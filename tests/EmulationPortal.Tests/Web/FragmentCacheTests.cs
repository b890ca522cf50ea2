using EmulationPortal.Web.Infrastructure;

namespace EmulationPortal.Tests.Web;

/// <summary>What the fragment cache stores: the same page, without the views' indentation.</summary>
public sealed class FragmentCacheTests
{
    [Fact]
    public void Indentation_AndBlankLines_AreDropped_LineBreaksStay()
    {
        const string html = "\n    <select>\n        <option>Tất cả</option>\n\n        <option>Ban Giám đốc</option>\n    </select>\n    <p>Thi đua\n      yêu nước</p>";

        Assert.Equal("<select>\n<option>Tất cả</option>\n<option>Ban Giám đốc</option>\n</select>\n<p>Thi đua\nyêu nước</p>", FragmentCacheTagHelper.WithoutIndentation(html));
    }

    [Theory]
    [InlineData("<div>\n  <pre>\n    indented code\n  </pre>\n</div>")]
    [InlineData("<form>\n  <TEXTAREA>\n    kept\n  </TEXTAREA>\n</form>")]
    public void TextWhereSpaceShows_IsLeftAsItIs(string html) =>
        Assert.Same(html, FragmentCacheTagHelper.WithoutIndentation(html));

    [Fact]
    public void AStoredFragment_IsFoundUnderItsKey_AndOnlyThere()
    {
        using var cache = new FragmentCache();
        cache.Set("honors|vi-VN|7|/vinh-danh?nam=2025", "<p>2025</p>", TimeSpan.FromMinutes(5));

        Assert.True(cache.TryGet("honors|vi-VN|7|/vinh-danh?nam=2025", out var html));
        Assert.Equal("<p>2025</p>", html);
        Assert.False(cache.TryGet("honors|vi-VN|8|/vinh-danh?nam=2025", out _));
    }
}
