using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using EmulationPortal.Files;
using EmulationPortal.Search;
using SkiaSharp;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;
using static EmulationPortal.Tests.Search.TestDocuments;

namespace EmulationPortal.Tests.Search;

/// <summary>The text read from attached PDF and DOCX files, which search indexes.</summary>
public sealed class FileTextExtractorTests
{
    [Fact]
    public void SeededPlanPdf_GivesItsVietnameseWordsWithSpacesAndDiacritics()
    {
        var text = FileTextExtractor.Extract(PlanPdf(), "Kế hoạch tuyên truyền TĐKT năm 2022.pdf", PdfType);

        Assert.Contains("Tuyên truyền về công tác thi đua, khen thưởng năm 2022", text, StringComparison.Ordinal);
        Assert.Contains("Thực hiện Kế hoạch số 93/KH-UBND ngày 12/4/2022 của Ủy ban nhân dân", text, StringComparison.Ordinal);
        Assert.Contains("Chỉ thị số 34-CT/TW ngày 07/4/2014", text, StringComparison.Ordinal);
        // Lines of the page are joined by one space: the last word of a line and the first of the next stay apart.
        Assert.Contains("ngày 12/4/2022 của Ủy ban nhân dân (UBND) tỉnh", text, StringComparison.Ordinal);
        Assert.True(text.IsNormalized(NormalizationForm.FormC));
        Assert.DoesNotContain("  ", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text);
    }

    [Fact]
    public void PdfDrawnWithATrueTypeFont_KeepsEveryVietnameseLetter_AndReadsAllPages()
    {
        var pdf = Pdf(
            ["Phong trào thi đua “Dân vận khéo”", "Đồng chí Nguyễn Thị Hường được tặng Bằng khen"],
            ["Trang hai: ỨNG DỤNG CÔNG NGHỆ THÔNG TIN, chuyển đổi số"]);

        var text = FileTextExtractor.Extract(pdf, "bang-khen.pdf", PdfType);

        Assert.Equal(
            "Phong trào thi đua “Dân vận khéo” Đồng chí Nguyễn Thị Hường được tặng Bằng khen Trang hai: ỨNG DỤNG CÔNG NGHỆ THÔNG TIN, chuyển đổi số",
            text);
    }

    [Fact]
    public void Pdf_IsReadUpToThePageLimit()
    {
        var pages = Enumerable.Range(1, FileTextExtractor.MaxPdfPages + 1).Select(n => new[] { $"trang {n} hết" }).ToArray();

        var text = FileTextExtractor.Extract(Pdf(pages), "dai.pdf", PdfType);

        Assert.StartsWith("trang 1 hết trang 2 hết", text, StringComparison.Ordinal);
        Assert.EndsWith($"trang {FileTextExtractor.MaxPdfPages} hết", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ScannedPdfWithoutTextLayer_GivesEmptyText()
    {
        using var bitmap = new SKBitmap(200, 100);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            canvas.DrawRect(20, 20, 160, 60, new SKPaint { Color = SKColors.Black });
        }

        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        using var builder = new PdfDocumentBuilder();
        builder.AddPage(595, 842).AddPng(png.ToArray(), new PdfRectangle(50, 500, 450, 700));

        Assert.Equal(string.Empty, FileTextExtractor.Extract(builder.Build(), "ban-scan.pdf", PdfType));
    }

    [Fact]
    public void Docx_GivesParagraphsRunsTabsAndTableCells_NotDeletedText()
    {
        var docx = Docx(
        [
            new Paragraph(new Run(new Text("KẾ HOẠCH"))),
            new Paragraph(
                new Run(new Text("Phát động thi ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new Text("đua")),
                new Run(new TabChar(), new Text("năm 2026")),
                new DeletedRun(new Run(new DeletedText("nội dung đã xoá")))),
            new Table(new TableRow(
                new TableCell(new Paragraph(new Run(new Text("Sở Tư pháp")))),
                new TableCell(new Paragraph(new Run(new Text("Hoàn thành xuất sắc")))))),
        ]);

        var text = FileTextExtractor.Extract(docx, "ke-hoach.docx", DocxType);

        Assert.Equal("KẾ HOẠCH Phát động thi đua năm 2026 Sở Tư pháp Hoàn thành xuất sắc", text);
    }

    [Fact]
    public void Docx_WithDecomposedAccents_IsComposed()
    {
        var decomposed = "Khen thưởng đột xuất".Normalize(NormalizationForm.FormD);

        var text = FileTextExtractor.Extract(Docx(decomposed), "to-trinh.docx", DocxType);

        Assert.Equal("Khen thưởng đột xuất", text);
        Assert.True(text.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void LongDocx_IsCutToTheIndexedLength()
    {
        var paragraphs = Enumerable.Range(0, 6000).Select(i => $"Đoạn {i} về công tác thi đua khen thưởng").ToArray();

        var text = FileTextExtractor.Extract(Docx(paragraphs), "dai.docx", DocxType);

        Assert.InRange(text.Length, SearchText.MaxIndexedLength / 2, SearchText.MaxIndexedLength);
        Assert.StartsWith("Đoạn 0 về công tác", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ContentTypeAlone_IsEnoughToReadAPdf()
    {
        var text = FileTextExtractor.Extract(PlanPdf(), "tep-khong-duoi", PdfType);

        Assert.Contains("thi đua", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hong.pdf", PdfType)]
    [InlineData("hong.docx", DocxType)]
    public void CorruptBytes_GiveEmptyText(string name, string contentType)
    {
        byte[][] inputs =
        [
            [],
            Encoding.ASCII.GetBytes("%PDF-1.7\nthis is not really a pdf\n%%EOF"),
            Encoding.ASCII.GetBytes("PK\u0003\u0004 broken zip"),
            PlanPdf()[..4000],
            Docx("Văn bản bị cắt")[..300],
            ZipWith("word/document.xml", "<w:document><w:body><w:p>không đóng thẻ"),
            ZipWith("xl/workbook.xml", "<workbook/>"),
        ];

        foreach (var bytes in inputs)
        {
            Assert.Equal(string.Empty, FileTextExtractor.Extract(bytes, name, contentType));
        }
    }

    [Fact]
    public void TruncatedPdf_NeverThrows()
    {
        var plan = PlanPdf();
        foreach (var length in new[] { plan.Length / 4, plan.Length / 2, plan.Length - 100 })
        {
            var text = FileTextExtractor.Extract(plan[..length], "cat-ngang.pdf", PdfType);
            Assert.NotNull(text);
        }
    }

    [Theory]
    [InlineData("bang-diem.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("anh.png", "image/png")]
    [InlineData("cu.doc", "application/msword")]
    public void OtherTypes_GiveEmptyText_EvenWithReadableContent(string name, string contentType)
    {
        Assert.False(FileTextExtractor.CanExtract(name, contentType));
        Assert.Equal(string.Empty, FileTextExtractor.Extract(PlanPdf(), name, contentType));
        Assert.Equal(string.Empty, FileTextExtractor.Extract(Docx("Thi đua"), name, contentType));
    }

    [Fact]
    public void NonSeekableStream_IsRead()
    {
        using var stream = new ForwardOnlyStream(Docx("Gương người tốt việc tốt"));

        Assert.Equal("Gương người tốt việc tốt", FileTextExtractor.Extract(stream, "guong.docx", DocxType));
    }

    private static byte[] ZipWith(string entryName, string content)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(entryName).Open(), Encoding.UTF8);
            writer.Write(content);
        }

        return buffer.ToArray();
    }

    /// <summary>A stream that can only be read forward, as a request body is.</summary>
    private sealed class ForwardOnlyStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
