namespace EmulationPortal.Search;

/// <summary>What a search entry points at; people and units are shown together as honorees.</summary>
public enum SearchKind
{
    Campaign = 1,
    Article = 2,
    Document = 3,
    Person = 4,
    Unit = 5,
}

/// <summary>The groups of the results page.</summary>
public enum SearchGroup
{
    Campaigns = 1,
    News = 2,
    Documents = 3,
    Honorees = 4,
}

/// <summary>
/// One searchable thing as the public sees it: a published campaign or article, a document with the text of its
/// attached files, an honored person or unit. Written only by <see cref="SearchIndexer"/>, in the same transaction
/// as the change to its source, so it never drifts from the content. On SQLite the FTS5 table <c>SearchIndex</c>
/// indexes the folded columns, kept in step by triggers on this table (see the SQLite migration); on SQL Server the
/// folded columns are searched directly (docs/adr/0010-search.md).
/// </summary>
public class SearchEntry
{
    public int Id { get; set; }

    public SearchKind Kind { get; set; }

    public int SourceId { get; set; }

    /// <summary>The FTS row id: grows with <see cref="SortDate"/>, so "newest first" is the index's own order.</summary>
    public long RankKey { get; set; }

    /// <summary>The date a reader sorts by: publication, issue, start, or the latest decision.</summary>
    public DateOnly SortDate { get; set; }

    /// <summary>UTC instant before which the entry is hidden (an article scheduled for later); null when visible.</summary>
    public DateTime? VisibleFrom { get; set; }

    /// <summary>Space-separated years the entry belongs to (" 2022 2023 "), for the year filter.</summary>
    public string Years { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    /// <summary>Số, ký hiệu of a document, exactly as typed; empty for other kinds.</summary>
    public string Number { get; set; } = string.Empty;

    /// <summary>The slug of a campaign or article, for its link.</summary>
    public string Slug { get; set; } = string.Empty;

    /// <summary>Plain text shown as the snippet: summary, body, attached files' text (capped).</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>Lower-case title with its diacritics: ranks exact-accent title matches first.</summary>
    public string TitleExact { get; set; } = string.Empty;

    public string TitleFolded { get; set; } = string.Empty;

    /// <summary>The folded number with its separators ("93/kh-ubnd"): equality finds a document by its number.</summary>
    public string NumberFolded { get; set; } = string.Empty;

    public string TextFolded { get; set; } = string.Empty;

    /// <summary>Filter tokens for the FTS index: "k3 y2022" (kind group and years).</summary>
    public string Tags { get; set; } = string.Empty;
}
