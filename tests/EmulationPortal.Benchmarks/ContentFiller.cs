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

    /// <param name="filesFolder">When given (the app's data folder + "files"), each document's file is written there as a
    /// small valid PDF under its storage key, as the app's <c>LocalFileStore</c> lays files out.</param>
    public static void Fill(SqliteConnection c, SqliteTransaction tx, int articleCount, int documentCount, string? filesFolder, List<(string, long)> counts)
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
            FillDocuments(c, tx, text, random, documentCount, now, filesFolder, counts);
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

    private static void FillDocuments(
        SqliteConnection c, SqliteTransaction tx, ContentSamples text, Random random, int count, DateTime now, string? filesFolder, List<(string, long)> counts)
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
        long fileBytes = 0;
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
            string storageKey;
            long size;
            string sha;
            if (filesFolder is null)
            {
                var bytes = Encoding.UTF8.GetBytes(extracted + id.ToString(CultureInfo.InvariantCulture));
                (storageKey, size, sha) = (id.ToString("x32", CultureInfo.InvariantCulture), (long)bytes.Length * 4, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            }
            else
            {
                var pdf = TinyPdf(number, id);
                var hash = SHA256.HashData(pdf);
                // Spread over 256 sub-folders like the app's random keys (LocalFileStore: files/<first two>/<key>).
                storageKey = Convert.ToHexStringLower(hash.AsSpan(0, 16));
                var folder = Path.Combine(filesFolder, storageKey[..2]);
                Directory.CreateDirectory(folder);
                File.WriteAllBytes(Path.Combine(folder, storageKey), pdf);
                (size, sha) = (pdf.LongLength, Convert.ToHexStringLower(hash));
                fileBytes += pdf.LongLength;
            }

            files.Insert(
                id, number.Replace('/', '-') + ".pdf", "application/pdf", size, sha, storageKey,
                issuedOn.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc), extracted);
            attachments.Insert(id, id, id, 0);
        }

        counts.Add(("DocumentTypes", DocumentTypes.Length));
        counts.Add(("Documents", documents.Rows));
        counts.Add(("StoredFiles (attached)", files.Rows));
        counts.Add(("  extracted characters (average)", chars / count));
        if (filesFolder is not null)
        {
            counts.Add(("  PDF files on disk (bytes, average)", fileBytes / count));
        }
    }

    /// <summary>A one-page PDF 1.4 (Helvetica, one line of ASCII text) with a correct cross-reference table.</summary>
    internal static byte[] TinyPdf(string number, int id)
    {
        var line = $"Van ban so {number} - ban sao dien tu {id}".Replace("(", string.Empty, StringComparison.Ordinal).Replace(")", string.Empty, StringComparison.Ordinal);
        var stream = $"BT /F1 12 Tf 72 770 Td ({line}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new int[objects.Length];
        for (var i = 0; i < objects.Length; i++)
        {
            offsets[i] = pdf.Length;
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
