using System.Globalization;
using EmulationPortal.Honors;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>Small display helpers the views share (sizes, links to recipients).</summary>
public static class DisplayFormat
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>A file size as Vietnamese readers write it: "850 KB", "1,2 MB".</summary>
    public static string FileSize(long bytes)
    {
        const double Kilo = 1024;
        if (bytes < Kilo)
        {
            return string.Create(Vietnamese, $"{bytes} B");
        }

        if (bytes < Kilo * Kilo)
        {
            return string.Create(Vietnamese, $"{Math.Max(1, Math.Round(bytes / Kilo)):0} KB");
        }

        return string.Create(Vietnamese, $"{bytes / (Kilo * Kilo):0.#} MB");
    }

    /// <summary>The honor-roll page of a person (/vinh-danh/ca-nhan/{id}) or a unit (/vinh-danh/don-vi/{id}).</summary>
    public static string RecipientUrl(RecipientKind kind, int id) =>
        string.Create(CultureInfo.InvariantCulture, $"/vinh-danh/{(kind == RecipientKind.Collective ? "don-vi" : "ca-nhan")}/{id}");

    /// <summary>"https://host" of the current request, for addresses printed next to document links.</summary>
    public static string Origin(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
    }

    /// <summary>Non-empty lines of a multi-line text (Nơi nhận: one recipient a line).</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
