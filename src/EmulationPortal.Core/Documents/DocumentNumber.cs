using System.Text.RegularExpressions;
using EmulationPortal.Common;

namespace EmulationPortal.Documents;

/// <summary>
/// Số, ký hiệu of Vietnamese documents: "93/KH-UBND", "31/2020/QĐ-UBND", "34-CT/TW",
/// "424/SGDĐT-TĐKT", "06/2022/QH15". A number, then symbol parts separated by "/" or "-".
/// </summary>
public static partial class DocumentNumber
{
    public const int MaxLength = 64;

    [GeneratedRegex(@"^\d{1,6}(/\d{4})?[/-]\p{Lu}[\p{L}\d]*([/-]\p{Lu}[\p{L}\d]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>Normalises spacing and Unicode form without changing what the user typed.</summary>
    public static string Normalize(string? value) =>
        VietnameseText.Normalize(value).Replace(" ", string.Empty, StringComparison.Ordinal);

    public static bool IsValid(string? value)
    {
        var normalized = Normalize(value);
        return normalized.Length is > 0 and <= MaxLength && Pattern().IsMatch(normalized);
    }

    /// <summary>The year written into the number ("31/2020/QĐ-UBND" → 2020), if any.</summary>
    public static int? YearIn(string? value)
    {
        var match = YearPattern().Match(Normalize(value));
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^\d+/(\d{4})/", RegexOptions.CultureInvariant)]
    private static partial Regex YearPattern();
}
