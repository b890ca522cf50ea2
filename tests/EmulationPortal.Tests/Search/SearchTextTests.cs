using EmulationPortal.Search;

namespace EmulationPortal.Tests.Search;

/// <summary>Folding, tokenising, query reading and highlighting: the rules a Vietnamese reader relies on.</summary>
public sealed class SearchTextTests
{
    [Theory]
    [InlineData("thi dua", "thi dua")]
    [InlineData("thi đua", "thi dua")]
    [InlineData("THI ĐUA", "thi dua")]
    [InlineData("Thi Đua", "thi dua")]
    [InlineData("Khen thưởng", "khen thuong")]
    [InlineData("Ủy ban nhân dân", "uy ban nhan dan")]
    [InlineData("QĐ-UBND", "qd-ubnd")]
    public void Fold_IgnoresCaseAndDiacritics_AndMapsDToD(string text, string folded) =>
        Assert.Equal(folded, SearchText.Fold(text));

    [Fact]
    public void Fold_KeepsTheLengthOfNfcText_SoMatchesMapBack()
    {
        const string text = "Phong trào “Thi đua yêu nước” – Đợt 1";
        Assert.Equal(text.Length, SearchText.Fold(text).Length);
    }

    [Fact]
    public void Fold_ComposesDecomposedInput()
    {
        var decomposed = "khen thưởng".Normalize(System.Text.NormalizationForm.FormD);
        Assert.Equal("khen thuong", SearchText.Fold(decomposed));
    }

    [Fact]
    public void Tokenize_SplitsOnPunctuationAndKeepsPositions()
    {
        var tokens = SearchText.Tokenize("93/kh-ubnd, ngày 12");
        Assert.Equal(["93", "kh", "ubnd", "ngay", "12"], tokens.Select(t => SearchText.Fold(t.Text)));
        Assert.Equal(3, tokens[1].Start);
    }

    [Fact]
    public void FoldedWords_AreSpaceDelimited_ForWholeWordMatching() =>
        Assert.Equal(" ke hoach 93 kh ubnd ", SearchText.FoldedWords("Kế hoạch 93/KH-UBND"));

    [Fact]
    public void Parse_ReadsWordsPhrasesAndNumbers()
    {
        var query = SearchQuery.Parse("  \"thi đua yêu nước\" khen  93/KH-UBND ");
        Assert.Equal(3, query.Terms.Count);
        Assert.Equal(["thi", "dua", "yeu", "nuoc"], query.Terms[0].Folded);
        Assert.Equal(["khen"], query.Terms[1].Folded);
        Assert.Equal(["93", "kh", "ubnd"], query.Terms[2].Folded);
        Assert.True(query.HasAccents);
        Assert.Null(query.NumberFolded);
        Assert.Equal("15/qd-ubnd", SearchQuery.Parse("15/QĐ-UBND").NumberFolded);
        Assert.Equal("06/2022/qh15", SearchQuery.Parse("06/2022/QH15").NumberFolded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ... ???")]
    [InlineData("\"")]
    [InlineData("* : - ( ) ^")]
    public void Parse_WithoutWords_IsEmpty(string raw) => Assert.True(SearchQuery.Parse(raw).IsEmpty);

    [Fact]
    public void Parse_NeverLetsFtsSyntaxThrough()
    {
        var query = SearchQuery.Parse("thi* OR NEAR(dua) -khen Tags:k2 \"unbalanced");
        var expression = query.ToFtsExpression(exact: false);
        // Only letters and digits inside quotes: operators become plain words; a run without spaces is a phrase.
        Assert.Equal("\"thi\" \"or\" \"near dua\" \"khen\" \"tags k2\" \"unbalanced\"", expression);
    }

    [Fact]
    public void Parse_CutsLongQueries_AndSaysSo()
    {
        var query = SearchQuery.Parse(string.Join(' ', Enumerable.Repeat("khen thưởng", 400)));
        Assert.True(query.WasCut);
        Assert.True(query.Text.Length <= SearchQuery.MaxLength);
        Assert.True(query.Terms.Count <= SearchQuery.MaxTerms);
    }

    [Fact]
    public void Highlighter_MarksANumberAsOnePiece_AndPhrasesOnlyWhereTheyFollow()
    {
        var terms = SearchQuery.Parse("93/KH-UBND").Terms;
        var pieces = Highlighter.Whole("Thực hiện Kế hoạch số 93/KH-UBND của UBND tỉnh", terms);
        Assert.Equal(["93/KH-UBND"], pieces.Where(p => p.IsMatch).Select(p => p.Text));
        Assert.Equal("Thực hiện Kế hoạch số 93/KH-UBND của UBND tỉnh", string.Concat(pieces.Select(p => p.Text)));
    }

    [Fact]
    public void Highlighter_MarksAccentedWordsForAnUnaccentedQuery()
    {
        var pieces = Highlighter.Whole("Tổng kết công tác Thi Đua, khen thưởng", SearchQuery.Parse("thi dua khen thuong").Terms);
        Assert.Equal(["Thi", "Đua", "khen", "thưởng"], pieces.Where(p => p.IsMatch).Select(p => p.Text));
    }

    [Fact]
    public void Snippet_CentresOnTheFirstMatch_AndCutsAtWords()
    {
        var text = string.Join(' ', Enumerable.Repeat("nội dung chung", 60)) + " cuối cùng là gương người tốt việc tốt " + string.Join(' ', Enumerable.Repeat("phần sau", 60));
        var pieces = Highlighter.Snippet(text, SearchQuery.Parse("\"nguoi tot\"").Terms);
        var shown = string.Concat(pieces.Select(p => p.Text));
        Assert.StartsWith("… ", shown, StringComparison.Ordinal);
        Assert.EndsWith(" …", shown, StringComparison.Ordinal);
        Assert.Equal(["người tốt"], pieces.Where(p => p.IsMatch).Select(p => p.Text));
        Assert.True(shown.Length <= Highlighter.SnippetLength + 4);
    }
}
