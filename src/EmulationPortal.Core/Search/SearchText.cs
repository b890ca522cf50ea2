using System.Globalization;
using System.Text;
using EmulationPortal.Common;

namespace EmulationPortal.Search;

/// <summary>
/// Vietnamese folding and tokenising for search. Folding works a character at a time and keeps the length of the
/// (NFC) text, so a match found in folded text is at the same place in the original: that is how matches are
/// highlighted in titles and snippets.
/// </summary>
public static class SearchText
{
    /// <summary>Texts longer than this are cut before indexing (a 300-page PDF still gives 100,000 characters).</summary>
    public const int MaxIndexedLength = 100_000;

    /// <summary>A lower-case letter or digit without its diacritics; đ/Đ → d. Other characters are kept.</summary>
    public static char FoldChar(char c)
    {
        if (c < 128)
        {
            return char.ToLowerInvariant(c);
        }

        if (c is 'đ' or 'Đ')
        {
            return 'd';
        }

        var lower = char.ToLowerInvariant(c);
        if (!char.IsLetter(lower))
        {
            return lower;
        }

        var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
        return decomposed.Length > 0 && CharUnicodeInfo.GetUnicodeCategory(decomposed[0]) != UnicodeCategory.NonSpacingMark
            ? decomposed[0]
            : lower;
    }

    /// <summary>Text folded character by character after NFC; NFC text keeps its length, so positions carry over.</summary>
    public static string Fold(string? value)
    {
        var text = Nfc(value);
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = FoldChar(source[i]);
            }
        });
    }

    /// <summary>NFC without trimming (decomposed input from PDFs and some keyboards is composed).</summary>
    public static string Nfc(string? value) =>
        string.IsNullOrEmpty(value) ? string.Empty : value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);

    /// <summary>Lower case with diacritics kept (NFC): the form exact-accent matches are compared in.</summary>
    public static string Exact(string? value) => VietnameseText.Normalize(value).ToLowerInvariant();

    /// <summary>The words of a text: runs of letters and digits, as FTS5's unicode61 tokenizer splits them.</summary>
    public static List<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWord = i < text.Length && IsWordChar(text[i]);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                tokens.Add(new Token(text[start..i], start));
                start = -1;
            }
        }

        return tokens;
    }

    /// <summary>The words of a text, folded and joined by single spaces with a space at each end (" thi dua ").</summary>
    public static string FoldedWords(string? value) => JoinWords(Tokenize(Fold(value)));

    /// <summary>The words of a text in exact (accented, lower-case) form, joined as <see cref="FoldedWords"/>.</summary>
    public static string ExactWords(string? value) => JoinWords(Tokenize(Exact(value)));

    /// <summary>Cuts a text to <see cref="MaxIndexedLength"/> at a word boundary.</summary>
    public static string Cap(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= MaxIndexedLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', MaxIndexedLength - 1);
        return text[..(cut > MaxIndexedLength / 2 ? cut : MaxIndexedLength)];
    }

    internal static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static string JoinWords(List<Token> tokens) =>
        tokens.Count == 0 ? string.Empty : " " + string.Join(' ', tokens.Select(t => t.Text)) + " ";
}

/// <summary>A word and where it starts in the text it was read from.</summary>
public readonly record struct Token(string Text, int Start)
{
    public int End => Start + Text.Length;
}
