using EmulationPortal.Campaigns;
using EmulationPortal.Common;
using EmulationPortal.Documents;
using EmulationPortal.Honors;
using EmulationPortal.News;

namespace EmulationPortal.Web.Models;

/// <summary>What the shared pager needs: where it is, and the filter values to carry to other pages.</summary>
public sealed record PagerModel(int Page, int TotalPages, int TotalCount, string Action, string Controller, IReadOnlyDictionary<string, string> RouteValues);

public sealed record CampaignIndexViewModel(
    PagedList<CampaignListItem> Campaigns, string? State, string? Kind, string? Field,
    IReadOnlyList<FieldItem> Fields, bool HasInvalidFilter, PagerModel Pager);

public sealed record NewsIndexViewModel(
    PagedList<ArticleListItem> Articles, string? Campaign, string? Field,
    IReadOnlyList<FilterOption> Campaigns, IReadOnlyList<FieldItem> Fields, bool HasInvalidFilter, PagerModel Pager);

public sealed record DocumentIndexViewModel(
    PagedList<DocumentListItem> Documents, int? TypeId, string? Issuer, int? Year,
    DocumentFilterOptions Options, bool HasInvalidFilter, PagerModel Pager);

public sealed record HonorIndexViewModel(
    PagedList<HonoreeCard> Honorees, IReadOnlyList<HonoreeCard> Featured, int? Year, int? AwardTypeId, int? UnitId, string? Kind,
    HonorFilterOptions Options, bool HasInvalidFilter, PagerModel Pager);

public sealed record ErrorViewModel(int StatusCode, string? RequestId);
