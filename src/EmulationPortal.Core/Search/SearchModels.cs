namespace EmulationPortal.Search;

/// <summary>What the results page asks for; every value already made safe by the controller.</summary>
public sealed record SearchRequest(string? Query, SearchGroup? Group, int? Year, int Page);

/// <summary>A piece of a title or snippet; <see cref="IsMatch"/> pieces are shown highlighted. Razor encodes the text.</summary>
public sealed record TextPiece(string Text, bool IsMatch);

public sealed record SearchHit(
    SearchKind Kind,
    int SourceId,
    string Slug,
    DateOnly Date,
    string Number,
    IReadOnlyList<TextPiece> NumberPieces,
    IReadOnlyList<TextPiece> Title,
    IReadOnlyList<TextPiece> Snippet);

/// <summary>A group's count and hits; <see cref="BestTier"/> is the tier of its first hit, for ordering the overview.</summary>
public sealed record SearchGroupResult(SearchGroup Group, int Count, IReadOnlyList<SearchHit> Hits, SearchTier? BestTier = null);

public sealed record SearchResults(
    SearchQuery Query,
    SearchGroup? Group,
    int? Year,
    int Page,
    int PageCount,
    IReadOnlyList<SearchGroupResult> Groups,
    IReadOnlyList<int> Years,
    bool PageOutOfRange)
{
    public int Total => Groups.Sum(g => g.Count);

    /// <summary>The overview's sections: the group with the best first hit first (a document found by its number).</summary>
    public IEnumerable<SearchGroupResult> GroupsByRank => Groups.Where(g => g.Count > 0).OrderBy(g => g.BestTier ?? SearchTier.Body).ThenBy(g => g.Group);
}

/// <summary>The ranking tiers, best first: exact number, exact-accent title, title, body. Newest first within each.</summary>
public enum SearchTier
{
    Number = 0,
    TitleExact = 1,
    Title = 2,
    Body = 3,
}
