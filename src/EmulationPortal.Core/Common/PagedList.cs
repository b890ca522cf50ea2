namespace EmulationPortal.Common;

/// <summary>One page of a list, with what the pager needs to draw itself.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => TotalCount == 0 ? 1 : (int)Math.Ceiling(TotalCount / (double)PageSize);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < TotalPages;
}

public static class Paging
{
    /// <summary>Clamps a requested page number (from a query string) into a sane range.</summary>
    public static int ClampPage(int? page) => page is null or < 1 ? 1 : Math.Min(page.Value, 100_000);
}
