using System.Text;
using EmulationPortal.Common;

namespace EmulationPortal.Search;

/// <summary>
/// A search box's text read as terms: single words, quoted phrases and document numbers ("93/KH-UBND", which is a
/// phrase of its words and also an exact number). Nothing of the text reaches FTS syntax: every word is letters and
/// digits, quoted by <see cref="ToFtsExpression"/>, so <c>"</c>, <c>*</c>, <c>NEAR</c>, <c>OR</c>, <c>-</c> and
/// <c>:</c> are plain characters or plain words.
/// </summary>
public sealed class SearchQuery
{
    /// <summary>Longer queries are cut here (a pasted paragraph still searches by its first words).</summary>
    public const int MaxLength = 200;

    /// <summary>At most this many terms are used; the rest of a long query is ignored.</summary>
    public const int MaxTerms = 12;

    private SearchQuery(string text, bool wasCut, IReadOnlyList<SearchTerm> terms, string? numberFolded)
    {
        Text = text;
        WasCut = wasCut;
        Terms = terms;
        NumberFolded = numberFolded;
    }

    /// <summary>The query as typed (trimmed, NFC, cut to <see cref="MaxLength"/>): shown back, always HTML-encoded.</summary>
    public string Text { get; }

    /// <summary>True when the typed query was longer than <see cref="MaxLength"/> or had more than <see cref="MaxTerms"/> terms.</summary>
    public bool WasCut { get; }

    public IReadOnlyList<SearchTerm> Terms { get; }

    /// <summary>The folded text when the whole query looks like a document number ("93/kh-ubnd"); otherwise null.</summary>
    public string? NumberFolded { get; }

    public bool IsEmpty => Terms.Count == 0;

    /// <summary>True when some term carries diacritics: then exact-accent title matches rank first.</summary>
    public bool HasAccents => Terms.Any(t => t.HasAccents);

    public static SearchQuery Parse(string? raw)
    {
        var text = VietnameseText.Normalize(raw);
        var wasCut = false;
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
            wasCut = true;
        }

        var terms = new List<SearchTerm>();
        string? number = null;
        var trimmed = text.Trim();
        if (LooksLikeNumber(trimmed))
        {
            number = SearchText.Fold(trimmed);
        }

        // Quoted parts are phrases; an unbalanced quote runs to the end. Outside quotes, a run without spaces that
        // holds separators ("34-CT/TW") is a phrase of its words, as the number is written.
        var inQuote = false;
        var current = new StringBuilder();
        void Flush(bool quoted)
        {
            var part = current.ToString();
            current.Clear();
            if (quoted)
            {
                AddTerm(terms, part);
                return;
            }

            foreach (var chunk in part.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                AddTerm(terms, chunk);
            }
        }

        foreach (var c in text)
        {
            if (c == '"')
            {
                Flush(inQuote);
                inQuote = !inQuote;
            }
            else
            {
                current.Append(c);
            }
        }

        Flush(inQuote);
        if (terms.Count > MaxTerms)
        {
            terms.RemoveRange(MaxTerms, terms.Count - MaxTerms);
            wasCut = true;
        }

        return new SearchQuery(text, wasCut, terms.DistinctBy(t => string.Join(' ', t.Exact)).ToList(), number);
    }

    /// <summary>An FTS5 expression matching every term (AND), each word quoted.</summary>
    public string ToFtsExpression(bool exact) =>
        string.Join(' ', Terms.Select(t => "\"" + string.Join(' ', exact ? t.Exact : t.Folded) + "\""));

    private static void AddTerm(List<SearchTerm> terms, string part)
    {
        var exact = SearchText.Tokenize(SearchText.Exact(part)).Select(t => t.Text).ToList();
        if (exact.Count > 0)
        {
            terms.Add(new SearchTerm(exact, exact.Select(SearchText.Fold).ToList()));
        }
    }

    /// <summary>"93/KH-UBND", "34-CT/TW", "06/2022/QH15", "15/QĐ-UBND": a digit, a slash, no spaces.</summary>
    private static bool LooksLikeNumber(string text) =>
        text.Length is > 2 and <= 64
        && !text.Contains(' ', StringComparison.Ordinal)
        && text.Contains('/', StringComparison.Ordinal)
        && text.Any(char.IsDigit)
        && text.All(c => char.IsLetterOrDigit(c) || c is '/' or '-' or '.' or '_');
}

/// <summary>One word, or the words of a phrase in order; in exact (accented, lower-case) and folded forms.</summary>
public sealed record SearchTerm(IReadOnlyList<string> Exact, IReadOnlyList<string> Folded)
{
    public bool HasAccents => !Exact.SequenceEqual(Folded, StringComparer.Ordinal);

    public bool IsPhrase => Folded.Count > 1;
}
