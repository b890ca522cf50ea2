using System.Globalization;
using System.Text;
using EmulationPortal.Certificates;
using EmulationPortal.Honors;
using SkiaSharp;
using UglyToad.PdfPig;

namespace EmulationPortal.Tests.Proposals.Certificates;

public sealed class CertificatePdfTests
{
    private static readonly CertificateTexts Texts = new(
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Sở Thông tin và Truyền thông",
        "Quyết định số {0} ngày {1} của {2}", "Số vào sổ: {0}/{1}", "Mã xác thực: {0}", "Giấy chứng nhận");

    private static CertificatePrint Print(string name, int number = 7, string code = "abcdefghjkmn") => new(
        1, name, "Phòng Kế hoạch - Tài chính", RecipientKind.Individual, "Giấy khen",
        "Đã có thành tích xuất sắc trong phong trào thi đua “Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở” năm 2026.",
        "15/QĐ-STTTT", new DateOnly(2026, 12, 15), "Giám đốc Sở", number, 2026, code, 1);

    private static string Url(string code) => "https://thidua.example.gov.vn/xac-thuc/" + code;

    /// <summary>Every Vietnamese vowel with each of the six tones (none, huyền, sắc, hỏi, ngã, nặng), both cases, and đ Đ.</summary>
    public static IReadOnlyList<string> VietnameseLetters()
    {
        string[] vowels = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
        string[] tones = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];
        var letters = new List<string>();
        foreach (var vowel in vowels)
        {
            foreach (var tone in tones)
            {
                var lower = (vowel + tone).Normalize(NormalizationForm.FormC);
                letters.Add(lower);
                letters.Add(lower.ToUpper(CultureInfo.GetCultureInfo("vi-VN")));
            }
        }

        letters.Add("đ");
        letters.Add("Đ");
        return letters;
    }

    [Fact]
    public void ShippedFonts_HaveAGlyphForEveryVietnameseLetterWithEveryToneMark()
    {
        var letters = VietnameseLetters();
        Assert.Equal((12 * 6 * 2) + 2, letters.Count);
        Assert.All(letters, l => Assert.Equal(1, l.Length)); // each precomposed (NFC), so the font needs that very glyph

        foreach (var face in new[] { CertificatePdfWriter.Regular, CertificatePdfWriter.Bold })
        {
            Assert.StartsWith("DejaVu Serif", face.FamilyName, StringComparison.Ordinal);
            using var font = new SKFont(face, 12);
            var missing = letters.Where(l => !font.ContainsGlyphs(l)).ToList();
            Assert.True(missing.Count == 0, "Missing glyphs: " + string.Join(" ", missing));
            var glyphs = font.GetGlyphs(string.Concat(letters));
            Assert.DoesNotContain((ushort)0, glyphs);
        }
    }

    [Fact]
    public void Pdf_HoldsTheNameAndTheDecision_InTheShippedFont()
    {
        using var output = new MemoryStream();
        CertificatePdfWriter.Write(output, [Print("Nguyễn Thị Ánh Tuyết")], _ => new CertificateLayout(), Url, Texts);

        using var pdf = PdfDocument.Open(output.ToArray());
        var page = Assert.Single(pdf.GetPages());
        var text = page.Text.Normalize(NormalizationForm.FormC);
        Assert.Contains("Nguyễn Thị Ánh Tuyết", text, StringComparison.Ordinal);
        Assert.Contains("15/QĐ-STTTT", text, StringComparison.Ordinal);
        Assert.Contains("15/12/2026", text, StringComparison.Ordinal);
        Assert.Contains("Số vào sổ: 7/2026", text, StringComparison.Ordinal);
        Assert.Contains("GIẤY KHEN", text, StringComparison.Ordinal);
        Assert.All(page.Letters, l => Assert.Contains("DejaVu", l.FontName, StringComparison.Ordinal));
        // A4 landscape from the default layout: 297 × 210 mm.
        Assert.Equal(841.9, page.Width, 0);
        Assert.Equal(595.3, page.Height, 0);
    }

    [Fact]
    public void Pdf_Batch_HasOnePagePerCertificate_WithEachLayoutsPageSize()
    {
        var small = new CertificateLayout { PageWidthMm = 210m, PageHeightMm = 148m, NameLeftMm = 20m, NameWidthMm = 170m, QrTopMm = 110m, DecisionTopMm = 120m, AchievementTopMm = 90m, NameTopMm = 65m, TitleTopMm = 45m };
        var prints = new[] { Print("Nguyễn Văn An", 1), Print("Trần Thị Bình", 2) with { AwardTypeId = 2 }, Print("Lê Hoàng Cường", 3) };
        using var output = new MemoryStream();
        CertificatePdfWriter.Write(output, prints, id => id == 2 ? small : new CertificateLayout(), Url, Texts);

        using var pdf = PdfDocument.Open(output.ToArray());
        var pages = pdf.GetPages().ToList();
        Assert.Equal(3, pages.Count);
        Assert.Contains("Nguyễn Văn An", pages[0].Text.Normalize(NormalizationForm.FormC), StringComparison.Ordinal);
        Assert.Contains("Trần Thị Bình", pages[1].Text.Normalize(NormalizationForm.FormC), StringComparison.Ordinal);
        Assert.Equal(595.3, pages[1].Width, 0);
        Assert.Equal(841.9, pages[2].Width, 0);
    }

    [Fact]
    public void FitName_VeryLongName_WrapsWithEveryLineInsideTheBoxAndNoWordLost()
    {
        const string name = "Tập thể Phòng Quản lý Bưu chính, Viễn thông và Công nghệ thông tin thuộc Sở Thông tin và Truyền thông tỉnh Quảng Bình";
        const float width = 200f;

        var fitted = CertificatePdfWriter.FitName(name, CertificatePdfWriter.Bold, 26f, width);

        Assert.True(fitted.Lines.Count > 1);
        Assert.InRange(fitted.SizePt, CertificatePdfWriter.MinNameSizePt, 26f);
        using var font = new SKFont(CertificatePdfWriter.Bold, fitted.SizePt);
        Assert.All(fitted.Lines, line => Assert.True(font.MeasureText(line) <= width, $"'{line}' is {font.MeasureText(line)} pt wide"));
        Assert.Equal(name, string.Join(' ', fitted.Lines));
    }

    [Fact]
    public void FitName_ShortName_KeepsTheLayoutsSizeOnOneLine()
    {
        var fitted = CertificatePdfWriter.FitName("Nguyễn Văn An", CertificatePdfWriter.Bold, 26f, CertificatePdfWriter.Points(217m));

        Assert.Equal(26f, fitted.SizePt);
        Assert.Equal(["Nguyễn Văn An"], fitted.Lines);
    }

    [Fact]
    public void Wrap_AWordWiderThanTheBox_IsBrokenWithoutSplittingALetterFromItsMarks()
    {
        using var font = new SKFont(CertificatePdfWriter.Regular, 20);
        var word = "Nguye\u0302\u0303nThi\u0323Ho\u0302\u0300ngNhungPhu\u031Bo\u031Bng"; // decomposed (NFD) marks

        var lines = CertificatePdfWriter.Wrap(word, font, 60f);

        Assert.True(lines.Count > 1);
        Assert.All(lines, line => Assert.True(font.MeasureText(line) <= 60f));
        Assert.All(lines, line => Assert.False(CharUnicodeInfo.GetUnicodeCategory(line[0]) == UnicodeCategory.NonSpacingMark, line));
        Assert.Equal(word, string.Concat(lines));
    }

    [Fact]
    public void DrawnQrCode_HasTheModulesOfTheVerificationUrl()
    {
        var layout = new CertificateLayout();
        const int scale = 4;
        var width = (int)Math.Ceiling(CertificatePdfWriter.Points(layout.PageWidthMm) * scale);
        var height = (int)Math.Ceiling(CertificatePdfWriter.Points(layout.PageHeightMm) * scale);
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            canvas.Scale(scale);
            CertificatePdfWriter.Draw(canvas, Print("Nguyễn Văn An"), layout, Url("abcdefghjkmn"), Texts);
        }

        var expected = CertificatePdfWriter.QrModules(Url("abcdefghjkmn"));
        var wrong = CertificatePdfWriter.QrModules(Url("abcdefghjkmp"));
        var cell = CertificatePdfWriter.Points(layout.QrSizeMm) * scale / expected.Length;
        var left = CertificatePdfWriter.Points(layout.QrLeftMm) * scale;
        var top = CertificatePdfWriter.Points(layout.QrTopMm) * scale;
        var drawn = new bool[expected.Length][];
        for (var row = 0; row < expected.Length; row++)
        {
            drawn[row] = new bool[expected.Length];
            for (var column = 0; column < expected.Length; column++)
            {
                var pixel = bitmap.GetPixel((int)(left + ((column + 0.5f) * cell)), (int)(top + ((row + 0.5f) * cell)));
                drawn[row][column] = pixel.Red < 128;
            }
        }

        Assert.Equal(expected, drawn);
        Assert.NotEqual(wrong, drawn);
    }
}

public sealed class CertificateParagraphTests
{
    [Fact]
    public void FitParagraph_LongAchievement_ShrinksToStayInsideItsBox()
    {
        var text = string.Join(' ', Enumerable.Repeat("Đã có thành tích xuất sắc trong phong trào thi đua yêu nước;", 12));
        const float width = 500f;
        const float height = 90f;

        var fitted = CertificatePdfWriter.FitParagraph(text, CertificatePdfWriter.Regular, 14f, width, height);

        Assert.True(fitted.SizePt < 14f);
        Assert.True(fitted.Lines.Count * fitted.SizePt * CertificatePdfWriter.AchievementLeading <= height);
        using var font = new SKFont(CertificatePdfWriter.Regular, fitted.SizePt);
        Assert.All(fitted.Lines, line => Assert.True(font.MeasureText(line) <= width));
        Assert.Equal(text, string.Join(' ', fitted.Lines));
    }

    [Fact]
    public void FitParagraph_TooLongEvenAtTheSmallestSize_IsCutWithAnEllipsisInsideTheBox()
    {
        var text = string.Join(' ', Enumerable.Repeat("Hoàn thành xuất sắc nhiệm vụ được giao.", 60));

        var fitted = CertificatePdfWriter.FitParagraph(text, CertificatePdfWriter.Regular, 14f, 300f, 40f);

        Assert.Equal(CertificatePdfWriter.MinAchievementSizePt, fitted.SizePt);
        Assert.True(fitted.Lines.Count * fitted.SizePt * CertificatePdfWriter.AchievementLeading <= 40f);
        Assert.EndsWith("…", fitted.Lines[^1], StringComparison.Ordinal);
        using var font = new SKFont(CertificatePdfWriter.Regular, fitted.SizePt);
        Assert.All(fitted.Lines, line => Assert.True(font.MeasureText(line) <= 300f));
    }
}
