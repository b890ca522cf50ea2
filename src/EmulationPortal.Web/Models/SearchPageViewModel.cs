using System.Globalization;
using EmulationPortal.Search;

namespace EmulationPortal.Web.Models;

/// <summary>The results page: results, the filters as they go into links, and the pager of a chosen group.</summary>
public sealed record SearchPageViewModel(SearchResults Results, bool HasInvalidFilter)
{
    /// <summary>Query-string values of the groups ("nhom=van-ban").</summary>
    public static readonly IReadOnlyDictionary<SearchGroup, string> GroupSlugs = new Dictionary<SearchGroup, string>
    {
        [SearchGroup.Campaigns] = "phong-trao",
        [SearchGroup.News] = "tin-tuc",
        [SearchGroup.Documents] = "van-ban",
        [SearchGroup.Honorees] = "vinh-danh",
    };

    public PagerModel? Pager => Results.Group is { } group && Results.PageCount > 1
        ? new PagerModel(Math.Min(Results.Page, Results.PageCount), Results.PageCount, Results.Groups.Single(g => g.Group == group).Count, "Index", "Search", RouteFor(group, Results.Year))
        : null;

    public Dictionary<string, string> RouteFor(SearchGroup? group, int? year)
    {
        var values = new Dictionary<string, string> { ["q"] = Results.Query.Text };
        if (group is { } g)
        {
            values["nhom"] = GroupSlugs[g];
        }

        if (year is { } y)
        {
            values["nam"] = y.ToString(CultureInfo.InvariantCulture);
        }

        return values;
    }

    public static SearchGroup? GroupOf(string? slug, out bool invalid)
    {
        invalid = false;
        if (slug is null)
        {
            return null;
        }

        foreach (var (group, value) in GroupSlugs)
        {
            if (string.Equals(value, slug, StringComparison.OrdinalIgnoreCase))
            {
                return group;
            }
        }

        invalid = true;
        return null;
    }

    /// <summary>The typed query without control characters; length is handled by <see cref="SearchQuery"/>.</summary>
    public static string? CleanQuery(string? query) =>
        query is null ? null : new string(query.Take(SearchQuery.MaxLength * 2).Select(c => char.IsControl(c) ? ' ' : c).ToArray());

    /// <summary>The public address of a hit.</summary>
    public static string UrlOf(SearchHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return hit.Kind switch
        {
            SearchKind.Campaign => "/phong-trao/" + Uri.EscapeDataString(hit.Slug),
            SearchKind.Article => "/tin-tuc/" + Uri.EscapeDataString(hit.Slug),
            SearchKind.Document => "/van-ban/" + hit.SourceId.ToString(CultureInfo.InvariantCulture),
            SearchKind.Person => "/vinh-danh/ca-nhan/" + hit.SourceId.ToString(CultureInfo.InvariantCulture),
            _ => "/vinh-danh/don-vi/" + hit.SourceId.ToString(CultureInfo.InvariantCulture),
        };
    }
}
