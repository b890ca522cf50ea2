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

        // Block ends become spaces so "<p>a</p><p>b</p>" reads "a b", not "ab".
        var spaced = BlockEnd().Replace(html, " $0");
        var document = Parser.ParseDocument("<body>" + spaced + "</body>");
        return Squeeze(document.Body?.TextContent ?? string.Empty);
    }

    /// <summary>Runs of white space (new lines from PDFs included) become one space.</summary>
    public static string Squeeze(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"<(br|/p|/div|/li|/h[1-6]|/tr|/td|/th|/blockquote)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
