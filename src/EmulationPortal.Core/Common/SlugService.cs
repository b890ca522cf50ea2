using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Common;

/// <summary>Makes a slug from a Vietnamese title that is unique among the given existing slugs ("-2", "-3" …).</summary>
public static class SlugService
{
    public static async Task<string> UniqueAsync(IQueryable<string> existingSlugs, string title, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(existingSlugs);
        var baseSlug = VietnameseText.Slugify(title, 110);
        if (baseSlug.Length == 0)
        {
            baseSlug = "bai-viet";
        }

        var taken = await existingSlugs.Where(s => s == baseSlug || s.StartsWith(baseSlug + "-")).ToListAsync(cancellationToken);
        return Unique(baseSlug, taken);
    }

    public static string Unique(string baseSlug, IEnumerable<string> taken)
    {
        var set = new HashSet<string>(taken, StringComparer.Ordinal);
        if (!set.Contains(baseSlug))
        {
            return baseSlug;
        }

        for (var i = 2; ; i++)
        {
            var candidate = $"{baseSlug}-{i}";
            if (!set.Contains(candidate))
            {
                return candidate;
            }
        }
    }
}
