using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EmulationPortal.Common;
using Microsoft.Data.Sqlite;

namespace EmulationPortal.Benchmarks;

/// <summary>
/// The content the public search covers (issue 5): published news articles and documents with one attached file
/// each (its extracted text a page or two long), bulk-inserted like the rest of the fill. Articles are spread over
/// the ten years before the fill's today, documents over eleven; ids grow with dates, as they would in use.
/// </summary>
internal static class ContentFiller
{
    /// <summary>Document types of Decree 30/2020/NĐ-CP plus laws (the demo seed's list) and how often each is issued.</summary>
    private static readonly (string Code, string Name, int Weight)[] DocumentTypes =
    [
        ("QĐ", "Quyết định", 25), ("CT", "Chỉ thị", 2), ("KH", "Kế hoạch", 10), ("TB", "Thông báo", 8), ("BC", "Báo cáo", 8),
        ("TTr", "Tờ trình", 4), ("HD", "Hướng dẫn", 4), ("NQ", "Nghị quyết", 3), ("BB", "Biên bản", 2), (string.Empty, "Công văn", 30),
        ("QH", "Luật", 1), ("NĐ-CP", "Nghị định", 1), ("TT", "Thông tư", 2),
    ];

    /// <summary>Articles scheduled for later (hidden from search until then), as an editor would have a few.</summary>
    public const int ScheduledArticles = 5;

    public static void Fill(SqliteConnection c, SqliteTransaction tx, int articleCount, int documentCount, List<(string, long)> counts)
    {
        var random = new Random(20261127);
        var text = new ContentSamples(random);
        var now = DateTime.UtcNow;
        if (articleCount > 0)
        {
            FillArticles(c, tx, text, random, articleCount, now, counts);
        }

        if (documentCount > 0)
        {
            FillDocuments(c, tx, text, random, documentCount, now, counts);
        }
    }

    private static void FillArticles(SqliteConnection c, SqliteTransaction tx, ContentSamples text, Random random, int count, DateTime now, List<(string, long)> counts)
    {
        using var articles = new RowWriter(c, tx, "Articles", "Id", "Version", "Title", "Slug", "Summary", "Body", "CoverImageId", "CampaignId", "Status", "PublishedAt", "CreatedAt", "UpdatedAt");
        var first = now.AddYears(-10);
        var span = (now - first).Ticks;
        long chars = 0;
        for (var id = 1; id <= count; id++)
        {
            var scheduled = id > count - ScheduledArticles;
            var published = scheduled
                ? now.AddDays(1 + (id % 7)).Date.AddHours(1)
                : new DateTime(first.Ticks + (long)((double)span * (id - 1) / count) + (random.Next(3_600) * TimeSpan.TicksPerSecond), DateTimeKind.Utc);
            var year = published.AddHours(7).Year;
            var topic = text.Topic();
            var title = text.ArticleTitle(topic, year);
            var body = text.ArticleBody(topic, year);
            chars += body.Length;
            var slug = VietnameseText.Slugify(title, 100) + "-" + id.ToString(CultureInfo.InvariantCulture);
            articles.Insert(id, 0, title, slug, text.ArticleSummary(topic, year), body, null, null, 1, published, published.AddHours(-2), published);
        }

        counts.Add(("Articles", articles.Rows));
        counts.Add(("  body characters (average)", chars / count));
    }

    private static void FillDocuments(SqliteConnection c, SqliteTransaction tx, ContentSamples text, Random random, int count, DateTime now, List<(string, long)> counts)
    {
        using (var types = new RowWriter(c, tx, "DocumentTypes", "Id", "Version", "Code", "Name", "SortOrder"))
        {
            for (var t = 0; t < DocumentTypes.Length; t++)
            {
                types.Insert(t + 1, 0, DocumentTypes[t].Code, DocumentTypes[t].Name, t + 1);
            }
        }

        using var documents = new RowWriter(c, tx, "Documents", "Id", "Version", "DocumentTypeId", "Number", "IssuedOn", "Issuer", "Signer", "Abstract", "Recipients", "CreatedAt");
        using var files = new RowWriter(c, tx, "StoredFiles", "Id", "OriginalName", "ContentType", "Size", "Sha256", "StorageKey", "CreatedAt", "ExtractedText");
        using var attachments = new RowWriter(c, tx, "DocumentAttachments", "Id", "DocumentId", "StoredFileId", "SortOrder");

        var totalWeight = DocumentTypes.Sum(t => t.Weight);
        var serials = new Dictionary<(string, int, int), int>();
        var today = DateOnly.FromDateTime(now.AddHours(7));
        var firstDay = today.AddYears(-11).DayNumber;
        var days = today.DayNumber - firstDay;
        long chars = 0;
        for (var id = 1; id <= count; id++)
        {
            var issuedOn = DateOnly.FromDayNumber(firstDay + (int)((long)days * (id - 1) / count));
            var pick = random.Next(totalWeight);
            var type = 0;
            while (pick >= DocumentTypes[type].Weight)
            {
                pick -= DocumentTypes[type++].Weight;
            }

            var (issuer, symbol, signer, summary) = text.DocumentMeta(issuedOn.Year);
            var key = (symbol, type, issuedOn.Year);
            // The portal publishes a selection of what an office issues: numbers skip ahead, most for the
            // high-volume types (an office sends hundreds of official letters a year), so few repeat across years.
            var step = DocumentTypes[type].Weight >= 25 ? 60 : DocumentTypes[type].Weight >= 8 ? 15 : 4;
            var serial = serials[key] = serials.GetValueOrDefault(key) + 1 + random.Next(step);
            var number = ContentSamples.DocumentNumber(DocumentTypes[type].Code, symbol, issuedOn.Year, serial);
            documents.Insert(id, 0, type + 1, number, issuedOn, issuer, signer, summary, "Như trên; Lưu: VT.", issuedOn.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc));

            var extracted = text.DocumentText(number, issuer, summary, issuedOn.Year);
            chars += extracted.Length;
            var bytes = Encoding.UTF8.GetBytes(extracted + id.ToString(CultureInfo.InvariantCulture));
            files.Insert(
                id, number.Replace('/', '-') + ".pdf", "application/pdf", (long)bytes.Length * 4,
                Convert.ToHexStringLower(SHA256.HashData(bytes)), id.ToString("x32", CultureInfo.InvariantCulture),
                issuedOn.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc), extracted);
            attachments.Insert(id, id, id, 0);
        }

        counts.Add(("DocumentTypes", DocumentTypes.Length));
        counts.Add(("Documents", documents.Rows));
        counts.Add(("StoredFiles (attached)", files.Rows));
        counts.Add(("  extracted characters (average)", chars / count));
    }
}
