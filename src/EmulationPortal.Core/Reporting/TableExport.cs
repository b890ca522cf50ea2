using System.Globalization;
using System.Text;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace EmulationPortal.Reporting;

/// <summary>A dashboard table as it is exported: a title, column headings and rows of cells (text or numbers).</summary>
public sealed record ExportTable(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>Writes a dashboard table as an Excel workbook (MiniExcel) or as CSV that Excel opens with Vietnamese letters intact.</summary>
public static class TableExport
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>One sheet named after the table (at most 31 characters, as Excel allows), headings in the first row.</summary>
    public static MemoryStream ToXlsx(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Rows.Select(row =>
        {
            var record = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < table.Headers.Count; i++)
            {
                record[table.Headers[i]] = i < row.Count ? row[i] : null;
            }

            return record;
        }).ToList();
        var stream = new MemoryStream();
        if (rows.Count == 0)
        {
            // MiniExcel writes no header row for an empty list; keep the headings so the file still says what it holds.
            rows.Add(table.Headers.ToDictionary(h => h, _ => (object?)null, StringComparer.Ordinal));
        }

        MiniExcel.SaveAs(stream, rows, sheetName: SheetName(table.Title));
        stream.Position = 0;
        return stream;
    }

    /// <summary>UTF-8 with a byte order mark, comma-separated, CRLF line ends, fields quoted as RFC 4180 says.</summary>
    public static MemoryStream ToCsv(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var text = new StringBuilder();
        AppendLine(text, table.Headers);
        foreach (var row in table.Rows)
        {
            AppendLine(text, row.Select(Format));
        }

        var stream = new MemoryStream();
        var preamble = Encoding.UTF8.GetPreamble();
        stream.Write(preamble);
        stream.Write(new UTF8Encoding(false).GetBytes(text.ToString()));
        stream.Position = 0;
        return stream;
    }

    /// <summary>A field quoted when it holds a comma, a quote or a line break; quotes inside are doubled.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static void AppendLine(StringBuilder text, IEnumerable<string> fields)
    {
        text.AppendJoin(',', fields.Select(Quote));
        text.Append("\r\n");
    }

    private static string SheetName(string title)
    {
        var cleaned = new string(title.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? ' ' : c).ToArray()).Trim();
        if (cleaned.Length == 0)
        {
            return "Sheet1";
        }

        return cleaned.Length <= 31 ? cleaned : cleaned[..31].TrimEnd();
    }
}
