namespace EmulationPortal.Search;

/// <summary>Marks the words of a query in a title or a snippet, found through the length-keeping fold.</summary>
public static class Highlighter
{
    /// <summary>Characters of text around the first match in a snippet.</summary>
    public const int SnippetLength = 260;

    public static IReadOnlyList<TextPiece> Whole(string text, IReadOnlySet<string> foldedWords)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Pieces(text, 0, text.Length, foldedWords);
    }

    /// <summary>A window of the text around the first matching word (the start when none), cut at word boundaries.</summary>
    public static IReadOnlyList<TextPiece> Snippet(string text, IReadOnlySet<string> foldedWords)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(foldedWords);
        if (text.Length == 0)
        {
            return [];
        }

        var folded = SearchText.Fold(text);
        var first = SearchText.Tokenize(folded).FirstOrDefault(t => foldedWords.Contains(t.Text));
        var start = first.Text is null ? 0 : Math.Max(0, first.Start - (SnippetLength / 3));
        if (start > 0)
        {
            var space = text.IndexOf(' ', start);
            start = space >= 0 && space < first.Start ? space + 1 : start;
        }

        var end = Math.Min(text.Length, start + SnippetLength);
        if (end < text.Length)
        {
            var space = text.LastIndexOf(' ', end - 1, end - start);
            end = space > start + (SnippetLength / 2) ? space : end;
        }

        var pieces = new List<TextPiece>();
        if (start > 0)
        {
            pieces.Add(new TextPiece("… ", false));
        }

        pieces.AddRange(Pieces(text, start, end, foldedWords));
        if (end < text.Length)
        {
            pieces.Add(new TextPiece(" …", false));
        }

        return pieces;
    }

    private static List<TextPiece> Pieces(string text, int start, int end, IReadOnlySet<string> foldedWords)
    {
        if (SearchText.Nfc(text).Length != text.Length)
        {
            // Stored text is NFC already; anything else is shown plain rather than marked in the wrong place.
            return [new TextPiece(text[start..end], false)];
        }

        var folded = SearchText.Fold(text);
        var pieces = new List<TextPiece>();
        var position = start;
        foreach (var token in SearchText.Tokenize(folded[start..end]))
        {
            if (!foldedWords.Contains(token.Text))
            {
                continue;
            }

            var at = start + token.Start;
            if (at > position)
            {
                pieces.Add(new TextPiece(text[position..at], false));
            }

            pieces.Add(new TextPiece(text.Substring(at, token.Text.Length), true));
            position = at + token.Text.Length;
        }

        if (position < end)
        {
            pieces.Add(new TextPiece(text[position..end], false));
        }

        return pieces;
    }
}
