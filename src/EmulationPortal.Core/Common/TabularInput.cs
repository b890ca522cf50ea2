using System.Globalization;
using System.Text;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace EmulationPortal.Common;

/// <summary>Rows of cells read from a list pasted from a spreadsheet or from an uploaded .xlsx; or an error code.</summary>
public sealed record TabularRead(IReadOnlyList<string[]> Rows, string? Error)
{
    public static TabularRead Failed(string error) => new([], error);
}

/// <summary>
/// Reads rows for the bulk imports (commendations, staff). Pasted text: one row a line, cells separated by tabs (as a
/// spreadsheet copies them) or semicolons. An .xlsx: the first sheet, the first row is the header. Reading stops at
/// <see cref="MaxRows"/>: a larger list is refused without reading the rest.
/// </summary>
public static class TabularInput
{
    public const int MaxRows = 5000;

    public static TabularRead FromText(string? text, int columns)
    {
        var rows = new List<string[]>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return TabularRead.Failed("Import.Empty");
        }

        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var separator = line.Contains('\t', StringComparison.Ordinal) ? '\t' : ';';
            var cells = line.Split(separator);
            if (rows.Count == 0 && LooksLikeHeader(cells[0]))
            {
                continue;
            }

            if (rows.Count == MaxRows)
            {
                return TabularRead.Failed("Import.TooManyRows");
            }

            rows.Add(Fit(cells, columns));
        }

        return rows.Count == 0 ? TabularRead.Failed("Import.Empty") : new TabularRead(rows, null);
    }

    /// <summary>The first sheet of an .xlsx already checked by <see cref="Files.UploadRules"/>, streamed row by row.</summary>
    public static TabularRead FromXlsx(Stream content, int columns)
    {
        ArgumentNullException.ThrowIfNull(content);
        var rows = new List<string[]>();
        if (Files.ArchiveGuard.Inspect(content) != Files.ArchiveVerdict.Ok)
        {
            // Checked again here, whoever called (the upload check names the reason): MiniExcel never reads a zip bomb.
            return TabularRead.Failed("Import.Unreadable");
        }

        try
        {
            content.Position = 0;
            var first = true;
            foreach (IDictionary<string, object?> row in MiniExcel.Query(content, useHeaderRow: false))
            {
                if (first)
                {
                    // The header row.
                    first = false;
                    continue;
                }

                var cells = new string[columns];
                for (var i = 0; i < columns; i++)
                {
                    cells[i] = row.TryGetValue(ColumnName(i), out var value) ? CellText(value) : string.Empty;
                }

                if (cells.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                if (rows.Count == MaxRows)
                {
                    return TabularRead.Failed("Import.TooManyRows");
                }

                rows.Add(cells);
            }
        }
#pragma warning disable CA1031 // A damaged workbook can fail in many ways inside the reader; each means "cannot read this file".
        catch (Exception)
#pragma warning restore CA1031
        {
            return TabularRead.Failed("Import.Unreadable");
        }

        return rows.Count == 0 ? TabularRead.Failed("Import.Empty") : new TabularRead(rows, null);
    }

    /// <summary>Rows written back as tab-separated text (the form carries them to the confirm step as one value).</summary>
    public static string ToText(IEnumerable<string[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var builder = new StringBuilder();
        foreach (var row in rows)
        {
            builder.AppendJoin('\t', row.Select(c => c.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' '))).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>A date as people type it in a decision annex: dd/MM/yyyy (also d/M/yyyy), or an ISO date from a date input.</summary>
    public static DateOnly? ParseDate(string? text)
    {
        var value = (text ?? string.Empty).Trim();
        string[] formats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];
        return DateOnly.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= 1945 and <= 2100 ? date : null;
    }

    /// <summary>Trims, normalises to NFC and collapses inner runs of spaces.</summary>
    public static string Clean(string? value) =>
        string.Join(' ', VietnameseText.Normalize(value).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string[] Fit(string[] cells, int columns)
    {
        var result = new string[columns];
        for (var i = 0; i < columns; i++)
        {
            result[i] = i < cells.Length ? cells[i].Trim() : string.Empty;
        }

        return result;
    }

    private static bool LooksLikeHeader(string firstCell)
    {
        var folded = VietnameseText.Fold(firstCell).Trim();
        return folded is "ho va ten" or "ho ten" or "ten" or "ho va ten / don vi" or "stt";
    }

    private static string ColumnName(int index) => ((char)('A' + index)).ToString();

    private static string CellText(object? value) => value switch
    {
        null => string.Empty,
        DateTime d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? string.Empty,
    };
}
