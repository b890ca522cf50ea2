using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Common;

/// <summary>Checks shared by the admin forms of campaigns, articles and documents (error codes are resource keys).</summary>
public static partial class ContentRules
{
    public const int MinYear = 1945;
    public const int MaxYear = 2100;
    public const int SlugMaxLength = 120;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    public static bool IsValidSlug(string slug) => slug.Length <= SlugMaxLength && SlugPattern().IsMatch(slug);

    public static bool IsYearInRange(DateOnly date) => date.Year is >= MinYear and <= MaxYear;

    /// <summary>Requires text and limits its length; adds "{prefix}Required" / "{prefix}TooLong" errors.</summary>
    public static void Text(List<ServiceError> errors, string field, string value, int maxLength, bool required, string code)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(value);
        if (required && value.Length == 0)
        {
            errors.Add(new ServiceError(field, code + "Required"));
        }
        else if (value.Length > maxLength)
        {
            errors.Add(new ServiceError(field, code + "TooLong", maxLength));
        }
    }

    /// <summary>
    /// The slug to store: the one typed (checked for format and uniqueness) or, when left empty, one made from the title.
    /// Returns null and adds an error when the typed slug is not usable.
    /// </summary>
    /// <summary>Slugs that are addresses of their own under /tin-tuc and /phong-trao (the RSS feed).</summary>
    public static readonly IReadOnlySet<string> ReservedSlugs = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "rss" };

    public static async Task<string?> ResolveSlugAsync(
        List<ServiceError> errors, IQueryable<string> otherSlugs, string? typed, string title, string fallback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var slug = (typed ?? string.Empty).Trim();
        if (slug.Length == 0)
        {
            var baseSlug = VietnameseText.Slugify(title, 110);
            if (ReservedSlugs.Contains(baseSlug))
            {
                baseSlug += "-2";
            }

            return await SlugService.UniqueAsync(otherSlugs, baseSlug.Length == 0 ? fallback : baseSlug, cancellationToken);
        }

        if (!IsValidSlug(slug))
        {
            errors.Add(new ServiceError("Slug", "Content.SlugInvalid"));
            return null;
        }

        if (ReservedSlugs.Contains(slug) || await otherSlugs.AnyAsync(s => s == slug, cancellationToken))
        {
            errors.Add(new ServiceError("Slug", "Content.SlugTaken", slug));
            return null;
        }

        return slug;
    }

    /// <summary>Ids chosen in a multi-select that all exist; an unknown id (a tampered form) adds an error.</summary>
    public static async Task<List<T>> ExistingAsync<T>(
        List<ServiceError> errors, IQueryable<T> source, Func<IQueryable<T>, IReadOnlyCollection<int>, IQueryable<T>> byIds,
        IReadOnlyCollection<int>? ids, string field, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(byIds);
        var wanted = (ids ?? []).Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var found = await byIds(source, wanted).ToListAsync(cancellationToken);
        if (found.Count != wanted.Count)
        {
            errors.Add(new ServiceError(field, code));
        }

        return found;
    }
}
