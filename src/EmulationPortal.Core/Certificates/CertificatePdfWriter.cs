using System.Globalization;
using System.Reflection;
using QRCoder;
using SkiaSharp;

namespace EmulationPortal.Certificates;

/// <summary>
/// The words a certificate prints besides its data, in Vietnamese from the web project's resources, and the
/// organisation's name (data). Format strings take: decision line {0} number, {1} date dd/MM/yyyy, {2} who decided;
/// register line {0} number, {1} year; code line {0} code.
/// </summary>
public sealed record CertificateTexts(
    string Motto, string MottoSubtitle, string OrganisationName, string DecisionLine, string RegisterLine, string CodeLine, string DocumentTitle);

/// <summary>A name or paragraph fitted into a box: the font size chosen and the lines at that size.</summary>
public sealed record FittedText(float SizePt, IReadOnlyList<string> Lines);

/// <summary>
/// Writes certificates as PDF, one page each, with SkiaSharp and the DejaVu Serif font shipped inside this assembly
/// (PDFsharp drops Vietnamese marks; Skia with DejaVu prints them, checked by rendering the page to an image).
/// Positions come from <see cref="CertificateLayout"/> in millimetres from the top-left corner; a field's "top" is
/// the top of its first line. The QR code is QRCoder's module matrix drawn as rectangles (a crisp vector code).
/// </summary>
public static class CertificatePdfWriter
{
    /// <summary>Points per millimetre (72 points per inch, 25.4 mm per inch).</summary>
    public const float PointsPerMm = 72f / 25.4f;

    /// <summary>A long name shrinks to this size at most (or the layout's size if smaller), then wraps.</summary>
    public const float MinNameSizePt = 14f;

    /// <summary>Lines a name may take before it is shrunk further.</summary>
    public const int MaxNameLines = 2;

    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("DejaVuSerif.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("DejaVuSerif-Bold.ttf"));
    private static readonly SKColor Red = new(0xa3, 0x1d, 0x1d);
    private static readonly SKColor Gold = new(0xc9, 0xa2, 0x27);

    /// <summary>The regular face of the shipped font (DejaVu Serif).</summary>
    public static SKTypeface Regular => RegularFace.Value;

    /// <summary>The bold face of the shipped font (DejaVu Serif Bold).</summary>
    public static SKTypeface Bold => BoldFace.Value;

    /// <summary>The bytes of a shipped font file ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf").</summary>
    public static byte[] FontBytes(string fileName)
    {
        using var stream = typeof(CertificatePdfWriter).Assembly.GetManifestResourceStream("EmulationPortal.Certificates.Fonts." + fileName)
            ?? throw new InvalidOperationException($"Font {fileName} is not embedded in {typeof(CertificatePdfWriter).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static SKTypeface Load(string fileName)
    {
        var data = SKData.CreateCopy(FontBytes(fileName));
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"Font {fileName} could not be read.");
    }

    /// <summary>The points of a length in millimetres.</summary>
    public static float Points(decimal mm) => (float)mm * PointsPerMm;

    /// <summary>
    /// Breaks text into lines no wider than <paramref name="maxWidth"/> (points) at <paramref name="font"/>: at spaces,
    /// and inside a word only when the word alone is too wide (never between a letter and its marks).
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, SKFont font, float maxWidth)
    {
        ArgumentNullException.ThrowIfNull(font);
        var lines = new List<string>();
        var current = string.Empty;
        foreach (var word in (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var trial = current.Length == 0 ? word : current + " " + word;
            if (font.MeasureText(trial) <= maxWidth)
            {
                current = trial;
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current);
                current = string.Empty;
            }

            if (font.MeasureText(word) <= maxWidth)
            {
                current = word;
                continue;
            }

            // One word wider than the box: break it between text elements (a letter with its marks stays whole).
            var elements = StringInfo.GetTextElementEnumerator(word);
            while (elements.MoveNext())
            {
                var element = elements.GetTextElement();
                if (current.Length > 0 && font.MeasureText(current + element) > maxWidth)
                {
                    lines.Add(current);
                    current = string.Empty;
                }

                current += element;
            }
        }

        if (current.Length > 0)
        {
            lines.Add(current);
        }

        return lines;
    }

    /// <summary>
    /// Fits a name into a box <paramref name="width"/> points wide: the largest size from <paramref name="sizePt"/>
    /// down to <see cref="MinNameSizePt"/> at which it takes at most <see cref="MaxNameLines"/> lines; at the smallest
    /// size it takes as many lines as it needs. No line is ever wider than the box.
    /// </summary>
    public static FittedText FitName(string name, SKTypeface typeface, float sizePt, float width)
    {
        ArgumentNullException.ThrowIfNull(typeface);
        var min = Math.Min(MinNameSizePt, sizePt);
        for (var size = sizePt; size >= min; size -= 0.5f)
        {
            using var font = new SKFont(typeface, size);
            var lines = Wrap(name, font, width);
            if (lines.Count <= MaxNameLines)
            {
                return new FittedText(size, lines);
            }
        }

        using var smallest = new SKFont(typeface, min);
        return new FittedText(min, Wrap(name, smallest, width));
    }

    /// <summary>The smallest size an achievement shrinks to before its last lines are cut.</summary>
    public const float MinAchievementSizePt = 8f;

    /// <summary>Line height of the achievement, as a multiple of its size.</summary>
    public const float AchievementLeading = 1.35f;

    /// <summary>
    /// Fits a paragraph into a box <paramref name="width"/> × <paramref name="height"/> points: the largest size from
    /// <paramref name="sizePt"/> down to <see cref="MinAchievementSizePt"/> at which its lines fit; at the smallest size
    /// the lines that do not fit are dropped and the last kept one ends with "…". Never wider or taller than the box.
    /// </summary>
    public static FittedText FitParagraph(string text, SKTypeface typeface, float sizePt, float width, float height)
    {
        ArgumentNullException.ThrowIfNull(typeface);
        var min = Math.Min(MinAchievementSizePt, sizePt);
        for (var size = sizePt; size >= min; size -= 0.5f)
        {
            using var font = new SKFont(typeface, size);
            var lines = Wrap(text, font, width);
            if (lines.Count * size * AchievementLeading <= height)
            {
                return new FittedText(size, lines);
            }
        }

        using var smallest = new SKFont(typeface, min);
        var all = Wrap(text, smallest, width);
        var room = Math.Max(1, (int)Math.Floor(height / (min * AchievementLeading)));
        var kept = all.Take(room).ToList();
        var last = kept[^1];
        while (last.Length > 0 && smallest.MeasureText(last + "…") > width)
        {
            last = last[..^1];
        }

        kept[^1] = last.TrimEnd() + "…";
        return new FittedText(min, kept);
    }

    /// <summary>The QR code's modules (true = dark), including the quiet zone, for <paramref name="payload"/>.</summary>
    public static bool[][] QrModules(string payload)
    {
        using var data = QRCodeGenerator.GenerateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        return data.ModuleMatrix.Select(row => Enumerable.Range(0, row.Length).Select(i => row[i]).ToArray()).ToArray();
    }

    /// <summary>
    /// Writes one page per certificate into <paramref name="output"/>, each with its layout
    /// (<paramref name="layoutOf"/>, by award type id) and a QR code of <paramref name="verifyUrl"/>(code).
    /// </summary>
    public static void Write(
        Stream output, IReadOnlyList<CertificatePrint> certificates, Func<int, CertificateLayout> layoutOf, Func<string, string> verifyUrl, CertificateTexts texts)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(certificates);
        ArgumentNullException.ThrowIfNull(layoutOf);
        ArgumentNullException.ThrowIfNull(verifyUrl);
        ArgumentNullException.ThrowIfNull(texts);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = texts.DocumentTitle,
            Author = texts.OrganisationName,
            Creator = "EmulationPortal",
        };
        using var document = SKDocument.CreatePdf(output, metadata);
        foreach (var certificate in certificates)
        {
            var layout = layoutOf(certificate.AwardTypeId);
            var canvas = document.BeginPage(Points(layout.PageWidthMm), Points(layout.PageHeightMm));
            Draw(canvas, certificate, layout, verifyUrl(certificate.Code), texts);
            document.EndPage();
        }

        document.Close();
    }

    /// <summary>Draws one certificate on a canvas in points (a PDF page, or a bitmap in tests), its QR code pointing to <paramref name="url"/>.</summary>
    public static void Draw(SKCanvas canvas, CertificatePrint certificate, CertificateLayout layout, string url, CertificateTexts texts)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(texts);
        var pageWidth = Points(layout.PageWidthMm);
        var pageHeight = Points(layout.PageHeightMm);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var red = new SKPaint { Color = Red, IsAntialias = true };
        var boxLeft = Points(layout.NameLeftMm);
        var boxWidth = Points(layout.NameWidthMm);
        var boxCenter = boxLeft + (boxWidth / 2);

        if (layout.PrintBackground)
        {
            using var frame = new SKPaint { Color = Gold, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 3f };
            var margin = Points(8m);
            canvas.DrawRect(margin, margin, pageWidth - (2 * margin), pageHeight - (2 * margin), frame);
            frame.StrokeWidth = 1f;
            frame.Color = Red;
            var inner = margin + Points(2.5m);
            canvas.DrawRect(inner, inner, pageWidth - (2 * inner), pageHeight - (2 * inner), frame);

            using var mottoFont = new SKFont(Bold, 13f);
            using var subtitleFont = new SKFont(Bold, 13f);
            var top = Points(20m);
            DrawCentered(canvas, texts.Motto, pageWidth / 2, top, mottoFont, ink, pageWidth - (2 * inner));
            DrawCentered(canvas, texts.MottoSubtitle, pageWidth / 2, top + 18f, subtitleFont, ink, pageWidth - (2 * inner));
            var subtitleWidth = subtitleFont.MeasureText(texts.MottoSubtitle);
            var underline = top + 18f - subtitleFont.Metrics.Ascent + subtitleFont.Metrics.Descent + 1f;
            canvas.DrawLine((pageWidth - subtitleWidth) / 2, underline, (pageWidth + subtitleWidth) / 2, underline, ink);

            var titleTop = Points(layout.TitleTopMm);
            if (texts.OrganisationName.Length > 0)
            {
                using var organisationFont = new SKFont(Bold, 15f);
                DrawCentered(canvas, texts.OrganisationName.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), pageWidth / 2, titleTop - 30f, organisationFont, ink, pageWidth - (2 * inner));
            }

            using var titleFont = new SKFont(Bold, 34f);
            DrawCentered(canvas, certificate.AwardTypeName.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), pageWidth / 2, titleTop, titleFont, red, pageWidth - (2 * inner));
        }

        // The name: fitted into its box, centred on it, never wider than it.
        var fitted = FitName(certificate.RecipientName, Bold, (float)layout.NameFontSizePt, boxWidth);
        using var nameFont = new SKFont(Bold, fitted.SizePt);
        var y = Points(layout.NameTopMm);
        foreach (var line in fitted.Lines)
        {
            DrawCentered(canvas, line, boxCenter, y, nameFont, red, boxWidth);
            y += fitted.SizePt * 1.25f;
        }

        var detailSize = (float)layout.AchievementFontSizePt;
        using var detailFont = new SKFont(Regular, detailSize);
        if (!string.IsNullOrEmpty(certificate.UnitName))
        {
            foreach (var line in Wrap(certificate.UnitName, detailFont, boxWidth))
            {
                DrawCentered(canvas, line, boxCenter, y, detailFont, ink, boxWidth);
                y += detailSize * 1.3f;
            }
        }

        // The achievement starts at its own position (or under the name when a long name reached it) and shrinks to
        // end above the decision line (or, when the decision line is placed above it, above the bottom margin).
        var achievementTop = Math.Max(Points(layout.AchievementTopMm), y);
        var decisionAt = Points(layout.DecisionTopMm);
        var achievementBottom = decisionAt > achievementTop ? decisionAt - 4f : pageHeight - Points(15m);
        var achievement = FitParagraph(certificate.Achievement, Regular, detailSize, boxWidth, Math.Max(achievementBottom - achievementTop, detailSize * AchievementLeading));
        using var achievementFont = new SKFont(Regular, achievement.SizePt);
        foreach (var line in achievement.Lines)
        {
            DrawCentered(canvas, line, boxCenter, achievementTop, achievementFont, ink, boxWidth);
            achievementTop += achievement.SizePt * AchievementLeading;
        }

        using var smallFont = new SKFont(Regular, 11f);
        var decisionTop = Math.Max(Points(layout.DecisionTopMm), achievementTop);
        var decisionLine = string.Format(
            CultureInfo.InvariantCulture, texts.DecisionLine, certificate.DecisionNumber,
            certificate.DecidedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), certificate.DecidedBy);
        foreach (var line in Wrap(decisionLine, smallFont, boxWidth))
        {
            DrawCentered(canvas, line, boxCenter, decisionTop, smallFont, ink, boxWidth);
            decisionTop += 15f;
        }

        var registerLine = string.Format(CultureInfo.InvariantCulture, texts.RegisterLine, certificate.SequenceNumber, certificate.Year);
        DrawCentered(canvas, registerLine, boxCenter, decisionTop, smallFont, ink, boxWidth);

        DrawQr(canvas, url, Points(layout.QrLeftMm), Points(layout.QrTopMm), Points(layout.QrSizeMm));
        using var codeFont = new SKFont(Regular, 8f);
        var codeLine = string.Format(CultureInfo.InvariantCulture, texts.CodeLine, certificate.Code);
        var qrSize = Points(layout.QrSizeMm);
        DrawCentered(canvas, codeLine, Points(layout.QrLeftMm) + (qrSize / 2), Points(layout.QrTopMm) + qrSize + 1f, codeFont, ink, pageWidth);
    }

    /// <summary>Draws text centred on <paramref name="centerX"/> with the top of its line at <paramref name="top"/>, shrunk to fit <paramref name="maxWidth"/>.</summary>
    private static void DrawCentered(SKCanvas canvas, string text, float centerX, float top, SKFont font, SKPaint paint, float maxWidth)
    {
        var width = font.MeasureText(text);
        if (width > maxWidth && width > 0)
        {
            using var smaller = new SKFont(font.Typeface, font.Size * maxWidth / width);
            DrawCentered(canvas, text, centerX, top, smaller, paint, float.MaxValue);
            return;
        }

        var baseline = top - font.Metrics.Ascent;
        canvas.DrawText(text, centerX - (width / 2), baseline, SKTextAlign.Left, font, paint);
    }

    private static void DrawQr(SKCanvas canvas, string url, float left, float top, float size)
    {
        var modules = QrModules(url);
        var cell = size / modules.Length;
        using var white = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Fill };
        using var dark = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Fill, IsAntialias = false };
        canvas.DrawRect(left, top, size, size, white);
        for (var row = 0; row < modules.Length; row++)
        {
            for (var column = 0; column < modules[row].Length; column++)
            {
                if (modules[row][column])
                {
                    // A hair larger than the cell so neighbouring modules join without seams in viewers.
                    canvas.DrawRect(left + (column * cell), top + (row * cell), cell + 0.05f, cell + 0.05f, dark);
                }
            }
        }
    }
}
