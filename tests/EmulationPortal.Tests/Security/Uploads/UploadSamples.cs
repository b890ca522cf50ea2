using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace EmulationPortal.Tests.Security.Uploads;

/// <summary>Hostile and honest files for the upload tests, generated in the test (nothing binary is checked in).</summary>
internal static class UploadSamples
{
    /// <summary>The EICAR anti-virus test string: harmless, and reported by every scanner as "Eicar-Signature".</summary>
    public const string Eicar = @"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    public const string HtmlPayload = "<html><script>alert('polyglot')</script></html>";

    /// <summary>A small DOCX with one paragraph of <paramref name="text"/>: enough parts for UploadRules and the Open XML SDK.</summary>
    public static byte[] Docx(string text)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            Add(zip, "_rels/.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            Add(zip, "word/document.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                + $"<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>");
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// A DOCX-shaped zip bomb: "word/document.xml" declares <paramref name="zeros"/> bytes of zeros (1 GiB packs to
    /// about 1 MB with deflate). The central directory tells the truth about the size.
    /// </summary>
    public static byte[] ZeroBombDocx(long zeros)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize);
            using var stream = entry.Open();
            var block = new byte[1024 * 1024];
            for (long written = 0; written < zeros; written += block.Length)
            {
                stream.Write(block, 0, (int)Math.Min(block.Length, zeros - written));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A DOCX-shaped archive of <paramref name="count"/> tiny entries (an entry-count bomb).</summary>
    public static byte[] ManyEntriesDocx(int count)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("word/document.xml", CompressionLevel.NoCompression);
            for (var i = 0; i < count; i++)
            {
                zip.CreateEntry("word/" + i.ToString("x", System.Globalization.CultureInfo.InvariantCulture), CompressionLevel.NoCompression);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// A zip whose one entry declares <paramref name="declared"/> bytes in both headers but unpacks to
    /// <paramref name="actual"/> bytes of zeros: the declared sizes pass every check, only unpacking finds the truth.
    /// </summary>
    public static byte[] LyingSizeZip(string entryName, long actual, uint declared)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry(entryName, CompressionLevel.Optimal);
            using var stream = entry.Open();
            stream.Write(new byte[actual]);
        }

        var bytes = buffer.ToArray();
        var span = bytes.AsSpan();
        // Local file header: signature 0x04034b50, uncompressed size at offset 22.
        Assert.Equal(0x04034b50u, BinaryPrimitives.ReadUInt32LittleEndian(span));
        BinaryPrimitives.WriteUInt32LittleEndian(span[22..], declared);
        // Central directory header: signature 0x02014b50, uncompressed size at offset 24.
        var central = span.LastIndexOf(new byte[] { 0x50, 0x4B, 0x01, 0x02 });
        Assert.True(central > 0);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(central + 24)..], declared);
        return bytes;
    }

    /// <summary>
    /// A JPEG with an EXIF block (camera, GPS-like text) and a comment segment that hides an HTML payload: the kind of
    /// metadata and polyglot content re-encoding must remove.
    /// </summary>
    public static byte[] JpegWithMetadata(string marker)
    {
        var plain = Encode(SKEncodedImageFormat.Jpeg);
        var exifBody = Encoding.ASCII.GetBytes("Exif\0\0MM\0*\0\0\0\u0008" + "GPS 21.0285N 105.8542E camera " + marker);
        var comment = Encoding.ASCII.GetBytes(HtmlPayload + marker);
        using var result = new MemoryStream();
        result.Write(plain, 0, 2); // SOI
        Segment(result, 0xE1, exifBody);
        Segment(result, 0xFE, comment);
        result.Write(plain, 2, plain.Length - 2);
        return result.ToArray();
    }

    /// <summary>A real PNG followed by an HTML page after its IEND chunk (a PNG/HTML polyglot).</summary>
    public static byte[] PngHtmlPolyglot(string marker) =>
        [.. Encode(SKEncodedImageFormat.Png), .. Encoding.ASCII.GetBytes(HtmlPayload + marker)];

    /// <summary>A PDF-looking file (right leading bytes) that carries the EICAR test string.</summary>
    public static byte[] PdfWithEicar() => Encoding.ASCII.GetBytes("%PDF-1.4\n% " + Guid.NewGuid().ToString("N") + "\n" + Eicar + "\n%%EOF\n");

    public static bool Contains(byte[] haystack, string needle) => haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(needle)) >= 0;

    private static byte[] Encode(SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(32, 24);
        var random = System.Security.Cryptography.RandomNumberGenerator.GetBytes(3);
        bitmap.Erase(new SKColor(random[0], random[1], random[2]));
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    private static void Segment(Stream output, byte marker, byte[] body)
    {
        output.WriteByte(0xFF);
        output.WriteByte(marker);
        var length = body.Length + 2;
        output.WriteByte((byte)(length >> 8));
        output.WriteByte((byte)length);
        output.Write(body);
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
