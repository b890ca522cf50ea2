using EmulationPortal.Search;

namespace EmulationPortal.Tests.Search;

/// <summary>The readable text of stored HTML, as descriptions, snippets and the search index show it.</summary>
public sealed class PlainTextTests
{
    [Theory]
    [InlineData("<p>Thi đua</p><p>yêu nước</p>", "Thi đua yêu nước")]
    [InlineData("Khen thưởng &amp; vinh danh", "Khen thưởng & vinh danh")]
    [InlineData("  Đơn vị   tiêu biểu\n\tnăm 2025 ", "Đơn vị tiêu biểu năm 2025")]
    [InlineData("Tập thể lao động xuất sắc", "Tập thể lao động xuất sắc")]
    [InlineData("a\u00a0\u00a0b", "a b")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void FromHtml_GivesTheTextAReaderSees(string? html, string text) =>
        Assert.Equal(text, PlainText.FromHtml(html));

    [Fact]
    public void Squeeze_ReturnsCleanTextUnchanged_AndFoldsEveryKindOfSpace()
    {
        const string clean = "Bằng khen của Chủ tịch UBND tỉnh";
        Assert.Same(clean, PlainText.Squeeze(clean));
        Assert.Equal("a b c", PlainText.Squeeze("a \r\n b\u2003\u2003c"));
        Assert.Equal("a b", PlainText.Squeeze(" a  b"));
    }

    [Fact]
    public void Lead_OfALongArticle_ReadsLikeTheWholeText_ForTheLengthAsked()
    {
        var paragraph = "<p>Phong trào <strong>thi đua</strong> được triển khai sâu rộng đến từng đơn vị, cá nhân.</p>";
        var html = string.Concat(Enumerable.Repeat(paragraph, 400));
        var whole = PlainText.FromHtml(html);

        var lead = PlainText.Lead(html, 200);

        Assert.True(lead.Length > 200);
        Assert.True(lead.Length < whole.Length);
        Assert.StartsWith(lead[..200], whole, StringComparison.Ordinal);
    }

    [Fact]
    public void Lead_WhenTheOpeningIsAllMarkup_ReadsTheWholeText()
    {
        var html = string.Concat(Enumerable.Repeat("<span class=\"x\"></span>", 1000)) + "<p>Nội dung chính</p>";

        Assert.Equal("Nội dung chính", PlainText.Lead(html, 200));
    }
}
