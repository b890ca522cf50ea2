namespace EmulationPortal.Search;

/// <summary>
/// Marks the terms of a query in a title or a snippet, found through the length-keeping fold. A phrase or a
/// document number is marked as one piece ("93/KH-UBND"), and only where its words follow each other.
/// </summary>
public static class Highlighter
{
    /// <summary>Characters of text around the first match in a snippet.</summary>
    public const int SnippetLength = 260;

    public static IReadOnlyList<TextPiece> Whole(string text, IReadOnlyList<SearchTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(terms);
        return Pieces(text, 0, text.Length, Matches(text, terms));
    }

    /// <summary>A window of the text around the first match (the start when none), cut at word boundaries.</summary>
    public static IReadOnlyList<TextPiece> Snippet(string text, IReadOnlyList<SearchTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(terms);
        if (text.Length == 0)
        {
            return [];
        }

        var matches = Matches(text, terms);
        var start = matches.Count == 0 ? 0 : Math.Max(0, matches[0].Start - (SnippetLength / 3));
        if (start > 0)
        {
            var space = text.IndexOf(' ', start);
            start = space >= 0 && space < matches[0].Start ? space + 1 : start;
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

        pieces.AddRange(Pieces(text, start, end, matches));
        if (end < text.Length)
        {
            pieces.Add(new TextPiece(" …", false));
        }

        return pieces;
    }

    /// <summary>Where the terms occur, in order and without overlaps: (start, end) character positions.</summary>
    private static List<(int Start, int End)> Matches(string text, IReadOnlyList<SearchTerm> terms)
    {
        if (terms.Count == 0 || SearchText.Nfc(text).Length != text.Length)
        {
            // Stored text is NFC already; anything else is shown plain rather than marked in the wrong place.
            return [];
        }

        var tokens = SearchText.Tokenize(SearchText.Fold(text));
        var longestFirst = terms.OrderByDescending(t => t.Folded.Count).ToList();
        var matches = new List<(int, int)>();
        var i = 0;
        while (i < tokens.Count)
        {
            var matched = 0;
            foreach (var term in longestFirst)
            {
                var n = term.Folded.Count;
                if (i + n > tokens.Count)
                {
                    continue;
                }

                var all = true;
                for (var k = 0; k < n && all; k++)
                {
                    all = string.Equals(tokens[i + k].Text, term.Folded[k], StringComparison.Ordinal);
                }

                if (all)
                {
                    matched = n;
                    break;
                }
            }

            if (matched > 0)
            {
                matches.Add((tokens[i].Start, tokens[i + matched - 1].End));
                i += matched;
            }
            else
            {
                i++;
            }
        }

        return matches;
    }

    private static List<TextPiece> Pieces(string text, int start, int end, List<(int Start, int End)> matches)
    {
        var pieces = new List<TextPiece>();
        var position = start;
        foreach (var (from, to) in matches)
        {
            if (to <= start || from >= end)
            {
                continue;
            }

            var a = Math.Max(from, start);
            var b = Math.Min(to, end);
            if (a > position)
            {
                pieces.Add(new TextPiece(text[position..a], false));
            }

            pieces.Add(new TextPiece(text[a..b], true));
            position = b;
        }

        if (position < end)
        {
            pieces.Add(new TextPiece(text[position..end], false));
        }

        return pieces;
    }
}
