using System.Text;
using System.Xml;

namespace EmulationPortal.Feeds;

/// <summary>Plain text fit for a feed, a sitemap or a meta tag.</summary>
public static class FeedText
{
    /// <summary>
    /// At most <paramref name="maxLength"/> characters of plain text: white space squeezed, cut at the last space
    /// before the limit (or at the limit when there is none) and ended with "…".
    /// </summary>
    public static string Excerpt(string? text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var plain = Search.PlainText.Squeeze(text);
        if (plain.Length <= maxLength)
        {
            return plain;
        }

        var cut = plain[..(maxLength - 1)];
        var space = cut.LastIndexOf(' ');
        if (space > maxLength / 2)
        {
            cut = cut[..space];
        }
        else if (char.IsHighSurrogate(cut[^1]))
        {
            cut = cut[..^1];
        }

        return cut.TrimEnd(' ', ',', ';', ':', '.', '–', '-') + "…";
    }

    /// <summary>
    /// The text without characters XML 1.0 cannot carry (control characters pasted from PDFs, lone surrogates), which
    /// would otherwise make the writer throw.
    /// </summary>
    public static string XmlSafe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        StringBuilder? cleaned = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var ok = pair || XmlConvert.IsXmlChar(c);
            if (!ok && cleaned is null)
            {
                cleaned = new StringBuilder(text.Length).Append(text, 0, i);
            }

            if (ok)
            {
                cleaned?.Append(c);
                if (pair)
                {
                    cleaned?.Append(text[i + 1]);
                    i++;
                }
            }
        }

        return cleaned?.ToString() ?? text;
    }
}
