using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using EmulationPortal.Seeding;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace EmulationPortal.Tests.Search;

/// <summary>PDF and DOCX files made for the tests: the seeded plan, PDFs drawn with a real Vietnamese font, DOCX files.</summary>
internal static class TestDocuments
{
    public const string PdfType = "application/pdf";
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>DejaVu ships with fontconfig on Debian; it draws every Vietnamese letter.</summary>
    private static readonly string[] FontPaths =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
    ];

    /// <summary>The department's plan as the seeder stores it (rendered with DejaVu Serif).</summary>
    public static byte[] PlanPdf()
    {
        using var resource = typeof(DemoContentSeeder).Assembly.GetManifestResourceStream(DemoContent.PlanFileResource)
            ?? throw new InvalidOperationException("The seeded plan PDF is not embedded in the Core assembly.");
        using var buffer = new MemoryStream();
        resource.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>A PDF with one page per entry, each line drawn as its own text run (no space glyph between runs).</summary>
    public static byte[] Pdf(params string[][] pages)
    {
        var fontPath = FontPaths.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("DejaVuSans.ttf is needed to draw Vietnamese test PDFs (Debian package fonts-dejavu-core).");
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(File.ReadAllBytes(fontPath));
        foreach (var lines in pages)
        {
            var page = builder.AddPage(595, 842);
            var y = 780.0;
            foreach (var line in lines)
            {
                page.AddText(line, 12, new PdfPoint(60, y), font);
                y -= 18;
            }
        }

        return builder.Build();
    }

    /// <summary>A DOCX whose body holds the given paragraphs, each one run of text.</summary>
    public static byte[] Docx(params string[] paragraphs) =>
        Docx(paragraphs.Select(p => new Paragraph(new Run(new Text(p) { Space = SpaceProcessingModeValues.Preserve }))));

    /// <summary>A DOCX whose body holds the given elements (paragraphs, tables).</summary>
    public static byte[] Docx(IEnumerable<OpenXmlElement> body)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(body));
            main.Document.Save();
        }

        return stream.ToArray();
    }
}
