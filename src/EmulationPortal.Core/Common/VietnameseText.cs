using System.Globalization;
using System.Text;

namespace EmulationPortal.Common;

/// <summary>Vietnamese text helpers: NFC normalisation, diacritic folding, slugs and name sort keys.</summary>
public static class VietnameseText
{
    private static readonly CompareInfo VietnameseCompare = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;

    /// <summary>The comparer that orders Vietnamese words as a Vietnamese reader expects.</summary>
    public static StringComparer Comparer { get; } = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: false);

    /// <summary>Trims and normalises to NFC; text typed on some keyboards or copied from PDFs arrives decomposed.</summary>
    public static string Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var trimmed = value.Trim();
        return trimmed.IsNormalized(NormalizationForm.FormC) ? trimmed : trimmed.Normalize(NormalizationForm.FormC);
    }

    /// <summary>Removes diacritics and lowercases; đ/Đ become d.</summary>
    public static string Fold(string? value) => RemoveDiacritics(value).ToLowerInvariant();

    /// <summary>Removes diacritics and keeps case: "Kế hoạch TĐKT" → "Ke hoach TDKT".</summary>
    public static string RemoveDiacritics(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (c == 'đ')
            {
                builder.Append('d');
            }
            else if (c == 'Đ')
            {
                builder.Append('D');
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>A URL slug from a Vietnamese title: "Đổi mới sáng tạo" → "doi-moi-sang-tao".</summary>
    public static string Slugify(string? value, int maxLength = 120)
    {
        var folded = Fold(value);
        var builder = new StringBuilder(folded.Length);
        var pendingDash = false;
        foreach (var c in folded)
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(c);
                pendingDash = false;
            }
            else
            {
                pendingDash = true;
            }
        }

        var slug = builder.ToString();
        if (slug.Length > maxLength)
        {
            slug = slug[..maxLength].TrimEnd('-');
        }

        return slug;
    }

    /// <summary>
    /// A byte key that sorts a Vietnamese full name the way Vietnamese lists do: by the given name
    /// (the last word) first, then the family and middle names, with Vietnamese collation.
    /// A database compares bytes, so the culture-aware order is precomputed here.
    /// </summary>
    public static byte[] NameSortKey(string? fullName)
    {
        var name = Normalize(fullName);
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var reordered = parts.Length > 1 ? parts[^1] + " " + string.Join(' ', parts[..^1]) : name;
        return VietnameseCompare.GetSortKey(reordered, CompareOptions.None).KeyData;
    }

    /// <summary>A byte key for plain Vietnamese collation of a title or unit name.</summary>
    public static byte[] SortKey(string? value) =>
        VietnameseCompare.GetSortKey(Normalize(value), CompareOptions.None).KeyData;

    /// <summary>The initials shown on an honor card without a photo: "Nguyễn Thị Ánh" → "NÁ".</summary>
    public static string Initials(string? fullName)
    {
        var parts = Normalize(fullName).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length switch
        {
            0 => "?",
            1 => parts[0][..1].ToUpperInvariant(),
            _ => string.Concat(parts[0][..1], parts[^1][..1]).ToUpperInvariant(),
        };
    }
}
