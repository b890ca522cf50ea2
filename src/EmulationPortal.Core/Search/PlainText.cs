using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace EmulationPortal.Search;

/// <summary>The readable text of the portal's sanitized HTML, for indexing and snippets.</summary>
public static partial class PlainText
{
    private static readonly HtmlParser Parser = new();

    public static string FromHtml(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }

        // Text without markup or character references reads as itself: no parser needed (a summary, a name).
        if (html.AsSpan().IndexOfAny('<', '&') < 0)
        {
            return Squeeze(html);
        }

        // Block ends become spaces so "<p>a</p><p>b</p>" reads "a b", not "ab".
        var spaced = BlockEnd().Replace(html, " $0");
        var document = Parser.ParseDocument("<body>" + spaced + "</body>");
        return Squeeze(document.Body?.TextContent ?? string.Empty);
    }

    /// <summary>
    /// The first <paramref name="length"/> characters of readable text (or more), for a description: only the opening of
    /// a long article is parsed, and the whole of it only when that opening holds too little text.
    /// </summary>
    public static string Lead(string? html, int length)
    {
        var prefix = Math.Max(4096, length * 16);
        if (html is null || html.Length <= prefix)
        {
            return FromHtml(html);
        }

        // A tag or reference cut at the end of the prefix is dropped by the parser; it lies past the text returned.
        var lead = FromHtml(html[..prefix]);
        return lead.Length > length ? lead : FromHtml(html);
    }

    /// <summary>Runs of white space (new lines from PDFs included) become one space.</summary>
    public static string Squeeze(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // One pass, no regular expression: this runs for every description and snippet a page shows.
        var source = text.AsSpan().Trim();
        if (IsSqueezed(source))
        {
            return source.Length == text.Length ? text : source.ToString();
        }

        var buffer = source.Length <= 1024 ? stackalloc char[source.Length] : new char[source.Length];
        var length = 0;
        var pendingSpace = false;
        foreach (var c in source)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                buffer[length++] = ' ';
                pendingSpace = false;
            }

            buffer[length++] = c;
        }

        return new string(buffer[..length]);
    }

    /// <summary>No white space but single plain spaces (the text is already trimmed).</summary>
    private static bool IsSqueezed(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || text[i + 1] == ' ' || char.IsWhiteSpace(text[i + 1])))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"<(br|/p|/div|/li|/h[1-6]|/tr|/td|/th|/blockquote)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();
}
