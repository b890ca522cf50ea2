using System.Globalization;
using System.Text;
using System.Xml;

namespace EmulationPortal.Feeds;

/// <summary>An RSS channel; links are absolute.</summary>
public sealed record RssChannel(string Title, string Link, string SelfLink, string Description, string Language = "vi");

/// <summary>An RSS item; <see cref="Link"/> is absolute and also serves as the permanent guid.</summary>
public sealed record RssItem(string Title, string Link, string Description, DateTime PublishedAtUtc);

/// <summary>Writes RSS 2.0, sitemaps and sitemap indexes as UTF-8 XML (without a byte order mark).</summary>
public static class FeedWriter
{
    public const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        Async = false,
    };

    /// <summary>RFC 1123 ("Tue, 12 Apr 2022 03:00:00 GMT"), the date format RSS 2.0 asks for.</summary>
    public static string Rfc1123(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("r", CultureInfo.InvariantCulture);

    /// <summary>W3C date-time in UTC, as the sitemap protocol writes lastmod.</summary>
    public static string W3CDateTime(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static byte[] Rss(RssChannel channel, IReadOnlyList<RssItem> items)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(items);
        return Write(w =>
        {
            w.WriteStartElement("rss");
            w.WriteAttributeString("version", "2.0");
            w.WriteAttributeString("xmlns", "atom", null, AtomNamespace);
            w.WriteStartElement("channel");
            Element(w, "title", channel.Title);
            Element(w, "link", channel.Link);
            Element(w, "description", channel.Description);
            Element(w, "language", channel.Language);
            if (items.Count > 0)
            {
                Element(w, "lastBuildDate", Rfc1123(items.Max(i => i.PublishedAtUtc)));
            }

            w.WriteStartElement("atom", "link", AtomNamespace);
            w.WriteAttributeString("href", FeedText.XmlSafe(channel.SelfLink));
            w.WriteAttributeString("rel", "self");
            w.WriteAttributeString("type", "application/rss+xml");
            w.WriteEndElement();

            foreach (var item in items)
            {
                w.WriteStartElement("item");
                Element(w, "title", item.Title);
                Element(w, "link", item.Link);
                w.WriteStartElement("guid");
                w.WriteAttributeString("isPermaLink", "true");
                w.WriteString(FeedText.XmlSafe(item.Link));
                w.WriteEndElement();
                Element(w, "pubDate", Rfc1123(item.PublishedAtUtc));
                Element(w, "description", item.Description);
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
        });
    }

    /// <summary>A &lt;urlset&gt; of absolute addresses.</summary>
    public static byte[] UrlSet(IEnumerable<(string Location, DateTime? LastModifiedUtc)> urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        return Write(w =>
        {
            w.WriteStartElement("urlset", SitemapNamespace);
            foreach (var (location, lastModified) in urls)
            {
                w.WriteStartElement("url", SitemapNamespace);
                w.WriteElementString("loc", SitemapNamespace, FeedText.XmlSafe(location));
                if (lastModified is { } changed)
                {
                    w.WriteElementString("lastmod", SitemapNamespace, W3CDateTime(changed));
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
        });
    }

    /// <summary>A &lt;sitemapindex&gt; pointing at each page of a sitemap too large for one file.</summary>
    public static byte[] SitemapIndex(IEnumerable<string> sitemapLocations)
    {
        ArgumentNullException.ThrowIfNull(sitemapLocations);
        return Write(w =>
        {
            w.WriteStartElement("sitemapindex", SitemapNamespace);
            foreach (var location in sitemapLocations)
            {
                w.WriteStartElement("sitemap", SitemapNamespace);
                w.WriteElementString("loc", SitemapNamespace, FeedText.XmlSafe(location));
                w.WriteEndElement();
            }

            w.WriteEndElement();
        });
    }

    private static void Element(XmlWriter w, string name, string value) => w.WriteElementString(name, FeedText.XmlSafe(value));

    private static byte[] Write(Action<XmlWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            writer.WriteStartDocument();
            body(writer);
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }
}
