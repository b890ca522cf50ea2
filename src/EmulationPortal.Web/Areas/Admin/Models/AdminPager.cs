namespace EmulationPortal.Web.Areas.Admin.Models;

/// <summary>The admin lists' pager: the list's address, its filter values, and where it is ("Trang 2 / 15").</summary>
public sealed record AdminPager(int Page, int TotalPages, int TotalCount, string Path, IReadOnlyDictionary<string, string> Query);
