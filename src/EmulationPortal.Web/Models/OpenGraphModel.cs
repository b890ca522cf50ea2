using System.Globalization;
using EmulationPortal.Feeds;
using EmulationPortal.Search;

namespace EmulationPortal.Web.Models;

/// <summary>
/// What a detail page tells link previews (OpenGraph) and search engines (canonical address) about itself. Paths are
/// from the site root; _OpenGraph makes them absolute with Portal:BaseUrl or the request's origin.
/// </summary>
public sealed record OpenGraphModel(string Title, string Description, string Path, string Type = OpenGraphModel.Website, string? ImagePath = null, DateTime? PublishedAtUtc = null)
{
    public const string Website = "website";
    public const string Article = "article";

    /// <summary>Longest description in the tags; previews cut around this length anyway.</summary>
    public const int DescriptionLength = 200;

    /// <summary>The description as plain text of at most <see cref="DescriptionLength"/> characters.</summary>
    public string PlainDescription => FeedText.Excerpt(PlainText.Lead(Description, DescriptionLength), DescriptionLength);

    /// <summary>The image served at /anh/{id}, or null.</summary>
    public static string? ImageOf(int? fileId) =>
        fileId is { } id ? string.Create(CultureInfo.InvariantCulture, $"/anh/{id}") : null;

    /// <summary>The summary when there is one, else the rich text (tags are removed when the tags are written).</summary>
    public static string SummaryOr(string? summary, string? html) =>
        string.IsNullOrWhiteSpace(summary) ? html ?? string.Empty : summary;
}
