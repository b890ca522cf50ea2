using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using EmulationPortal.Common;

namespace EmulationPortal.Decisions;

/// <summary>One line of the annex: a collective or a person, their position and unit, the achievement, the award.</summary>
public sealed record AnnexEntry(string Name, string PositionAndUnit, string Achievement, string AwardName);

/// <summary>What the .docx of a decision prints; <see cref="Number"/> and <see cref="SignedOn"/> are null for a draft.</summary>
public sealed record DecisionDocxData(
    string IssuerParent, string Issuer, string? Number, string Symbol, string Place, DateOnly? SignedOn, string Abstract, string DecidedBy,
    IReadOnlyList<string> LegalBases, IReadOnlyList<string> Articles, string SignerTitle, string SignerName, IReadOnlyList<string> Recipients,
    string AwardNames, IReadOnlyList<AnnexEntry> Collectives, IReadOnlyList<AnnexEntry> Individuals);

/// <summary>
/// Writes a decision as .docx in the layout of Decree 30/2020 (A4, Times New Roman 13–14 pt, margins 20/20/30/15 mm):
/// the borderless two-column header (issuer block and number; national motto and, centred under it, the italic date line), the title, the
/// abstract, the authority, the legal bases, "QUYẾT ĐỊNH:", the articles, the recipients and the signer, then the
/// annex on a new page with collectives and individuals in numbered groups.
/// </summary>
public static class DecisionDocxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const string Font = "Times New Roman";
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static byte[] Write(DecisionDocxData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            main.Document = new Document(body);

            body.Append(HeaderTable(data));
            body.Append(Para(string.Empty, 14));
            body.Append(Para("QUYẾT ĐỊNH", 14, bold: true, align: JustificationValues.Center));
            body.Append(Para(data.Abstract, 14, bold: true, align: JustificationValues.Center));
            body.Append(ShortRule(3300));
            body.Append(Para(Upper(AuthorityLine(data.DecidedBy, data.Issuer)), 14, bold: true, align: JustificationValues.Center, spaceBefore: 120));
            body.Append(Para(string.Empty, 10));
            foreach (var basis in data.LegalBases)
            {
                body.Append(Para(basis, 14, italic: true, align: JustificationValues.Both, firstLine: 567, spaceAfter: 60));
            }

            body.Append(Para("QUYẾT ĐỊNH:", 14, bold: true, align: JustificationValues.Center, spaceBefore: 120, spaceAfter: 120));
            foreach (var article in data.Articles)
            {
                body.Append(Article(article));
            }

            body.Append(Para(string.Empty, 14));
            body.Append(SignatureTable(data));

            // The annex, on a page of its own.
            body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
            body.Append(Para("DANH SÁCH", 14, bold: true, align: JustificationValues.Center));
            body.Append(Para(Upper($"Tập thể, cá nhân được tặng {data.AwardNames}"), 14, bold: true, align: JustificationValues.Center));
            body.Append(Para($"(Kèm theo Quyết định số {NumberText(data)} ngày {ShortDate(data.SignedOn)} của {data.DecidedBy})", 14, italic: true, align: JustificationValues.Center));
            body.Append(ShortRule(3300));
            body.Append(Para(string.Empty, 10));
            body.Append(AnnexTable(data));
            body.Append(Section());
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>
    /// "Quảng Bình, ngày 05 tháng 3 năm 2026"; a draft without a date leaves the blanks to fill by hand. Decree 30/2020
    /// writes days below 10 and the months 1 and 2 with a leading zero ("ngày 05 tháng 02 năm 2026").
    /// </summary>
    public static string DateLine(string place, DateOnly? signedOn)
    {
        var date = signedOn is { } d ? FormalDate(d) : "ngày      tháng      năm";
        return string.IsNullOrWhiteSpace(place) ? date[..1].ToUpper(Vietnamese) + date[1..] : $"{place}, {date}";
    }

    /// <summary><see cref="VietnameseDate.Formal"/>, with the months 1 and 2 written "01" and "02" as the decree asks.</summary>
    public static string FormalDate(DateOnly date)
    {
        var formal = VietnameseDate.Formal(date);
        return date.Month < 3
            ? formal.Replace($" tháng {date.Month.ToString(CultureInfo.InvariantCulture)} ", $" tháng {date.Month.ToString("00", CultureInfo.InvariantCulture)} ", StringComparison.Ordinal)
            : formal;
    }

    /// <summary>"Giám đốc Sở" with "Sở Thông tin và Truyền thông" → "Giám đốc Sở Thông tin và Truyền thông".</summary>
    public static string AuthorityLine(string decidedBy, string issuer)
    {
        ArgumentNullException.ThrowIfNull(decidedBy);
        ArgumentNullException.ThrowIfNull(issuer);
        var words = decidedBy.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var first = issuer.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return words.Length > 0 && first is not null && string.Equals(words[^1], first, StringComparison.OrdinalIgnoreCase)
            ? string.Join(' ', words[..^1]) + " " + issuer
            : decidedBy;
    }

    private static string NumberText(DecisionDocxData data) =>
        string.IsNullOrWhiteSpace(data.Number) ? $"       /{data.Symbol}" : data.Number;

    private static string ShortDate(DateOnly? date) => date is { } d ? VietnameseDate.Display(d) : "     /     /";

    private static string Upper(string text) => text.ToUpper(Vietnamese);

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new FontSize { Val = "28" },
                    new FontSizeComplexScript { Val = "28" },
                    new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "0", Line = "264", LineRule = LineSpacingRuleValues.Auto }))));
        styles.Styles.Save();
    }

    private static SectionProperties Section() =>
        new(
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 851U, Header = 709U, Footer = 709U, Gutter = 0U });

    private static Paragraph Para(
        string text, int sizePt, bool bold = false, bool italic = false, JustificationValues? align = null, int firstLine = 0,
        int spaceBefore = 0, int spaceAfter = 0)
    {
        var properties = new ParagraphProperties();
        if (spaceBefore > 0 || spaceAfter > 0)
        {
            properties.Append(new SpacingBetweenLines { Before = spaceBefore.ToString(CultureInfo.InvariantCulture), After = spaceAfter.ToString(CultureInfo.InvariantCulture) });
        }

        if (firstLine > 0)
        {
            properties.Append(new Indentation { FirstLine = firstLine.ToString(CultureInfo.InvariantCulture) });
        }

        if (align is { } a)
        {
            properties.Append(new Justification { Val = a });
        }

        var paragraph = new Paragraph(properties);
        if (text.Length > 0)
        {
            paragraph.Append(TextRun(text, sizePt, bold, italic));
        }

        return paragraph;
    }

    private static Run TextRun(string text, int sizePt, bool bold = false, bool italic = false)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        var half = (sizePt * 2).ToString(CultureInfo.InvariantCulture);
        properties.Append(new FontSize { Val = half }, new FontSizeComplexScript { Val = half });
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>A short centred rule: an empty paragraph indented from both sides with a bottom border.</summary>
    private static Paragraph ShortRule(int indentTwips) =>
        new(new ParagraphProperties(
            new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6U, Space = 1U, Color = "000000" }),
            new SpacingBetweenLines { After = "0", Line = "120", LineRule = LineSpacingRuleValues.Exact },
            new Indentation { Left = indentTwips.ToString(CultureInfo.InvariantCulture), Right = indentTwips.ToString(CultureInfo.InvariantCulture) }));

    /// <summary>"Điều 1. Tặng …": the article's heading in bold, the rest plain.</summary>
    private static Paragraph Article(string text)
    {
        var paragraph = new Paragraph(new ParagraphProperties(
            new SpacingBetweenLines { After = "60" },
            new Indentation { FirstLine = "567" },
            new Justification { Val = JustificationValues.Both }));
        var dot = text.StartsWith("Điều ", StringComparison.Ordinal) ? text.IndexOf('.', StringComparison.Ordinal) : -1;
        if (dot > 0)
        {
            paragraph.Append(TextRun(text[..(dot + 1)], 14, bold: true), TextRun(text[(dot + 1)..], 14));
        }
        else
        {
            paragraph.Append(TextRun(text, 14));
        }

        return paragraph;
    }

    private static Table Borderless(params int[] widths)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
                new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
                new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None }),
            new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        return table;
    }

    private static TableCell Cell(int width, params OpenXmlElement[] content)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
        cell.Append(content.Length == 0 ? [new Paragraph()] : content);
        return cell;
    }

    private static Table HeaderTable(DecisionDocxData data)
    {
        const int left = 3500;
        const int right = 5854;
        var table = Borderless(left, right);
        var issuer = new List<OpenXmlElement>();
        if (!string.IsNullOrWhiteSpace(data.IssuerParent))
        {
            issuer.Add(Para(Upper(data.IssuerParent), 13, align: JustificationValues.Center));
        }

        issuer.Add(Para(Upper(data.Issuer), 13, bold: true, align: JustificationValues.Center));
        issuer.Add(ShortRule(1200));
        issuer.Add(Para($"Số: {NumberText(data)}", 13, align: JustificationValues.Center, spaceBefore: 120));

        var motto = new List<OpenXmlElement>
        {
            Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold: true, align: JustificationValues.Center),
            Para("Độc lập - Tự do - Hạnh phúc", 14, bold: true, align: JustificationValues.Center),
            ShortRule(1100),
            Para(DateLine(data.Place, data.SignedOn), 14, italic: true, align: JustificationValues.Center, spaceBefore: 120),
        };
        table.Append(new TableRow(Cell(left, [.. issuer]), Cell(right, [.. motto])));
        return table;
    }

    private static Table SignatureTable(DecisionDocxData data)
    {
        const int left = 4400;
        const int right = 4954;
        var table = Borderless(left, right);
        var recipients = new List<OpenXmlElement> { Para("Nơi nhận:", 12, bold: true, italic: true) };
        recipients.AddRange(data.Recipients.Select(r => (OpenXmlElement)Para("- " + r, 11)));
        var signer = new List<OpenXmlElement>();
        foreach (var line in data.SignerTitle.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            signer.Add(Para(Upper(line), 14, bold: true, align: JustificationValues.Center));
        }

        for (var i = 0; i < 4; i++)
        {
            signer.Add(Para(string.Empty, 14));
        }

        signer.Add(Para(data.SignerName, 14, bold: true, align: JustificationValues.Center));
        table.Append(new TableRow(Cell(left, [.. recipients]), Cell(right, [.. signer])));
        return table;
    }

    private static Table AnnexTable(DecisionDocxData data)
    {
        int[] widths = [850, 2800, 2450, 3254];
        var table = new Table(new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4U }, new LeftBorder { Val = BorderValues.Single, Size = 4U },
                new BottomBorder { Val = BorderValues.Single, Size = 4U }, new RightBorder { Val = BorderValues.Single, Size = 4U },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U }),
            new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        string[] headings = ["STT", "Họ và tên (tên tập thể)", "Chức vụ, đơn vị", "Thành tích"];
        var header = new TableRow(new TableRowProperties(new TableHeader()));
        header.Append(headings.Select((h, i) => Cell(widths[i], Para(h, 13, bold: true, align: JustificationValues.Center))));
        table.Append(header);

        var manyAwards = data.Collectives.Concat(data.Individuals).Select(e => e.AwardName).Distinct().Count() > 1;
        var groups = new (string Roman, string Title, IReadOnlyList<AnnexEntry> Entries)[]
        {
            ("I", "Tập thể", data.Collectives), ("II", "Cá nhân", data.Individuals),
        };
        var shown = 0;
        foreach (var (_, title, entries) in groups)
        {
            if (entries.Count == 0)
            {
                continue;
            }

            table.Append(SpanRow(widths, $"{Roman(++shown)}. {title}"));
            var number = 0;
            foreach (var award in entries.GroupBy(e => e.AwardName))
            {
                if (manyAwards)
                {
                    table.Append(SpanRow(widths, award.Key, italic: true));
                }

                foreach (var entry in award)
                {
                    table.Append(new TableRow(
                        Cell(widths[0], Para((++number).ToString(CultureInfo.InvariantCulture), 13, align: JustificationValues.Center)),
                        Cell(widths[1], Para(entry.Name, 13)),
                        Cell(widths[2], Para(entry.PositionAndUnit, 13)),
                        Cell(widths[3], Para(entry.Achievement, 13))));
                }
            }
        }

        return table;
    }

    private static string Roman(int number) => number switch { 1 => "I", 2 => "II", _ => number.ToString(CultureInfo.InvariantCulture) };

    private static TableRow SpanRow(int[] widths, string text, bool italic = false)
    {
        var cell = new TableCell(
            new TableCellProperties(
                new TableCellWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new GridSpan { Val = widths.Length }),
            Para(text, 13, bold: !italic, italic: italic));
        return new TableRow(cell);
    }
}
