using EmulationPortal.Common;
using EmulationPortal.Fields;
using EmulationPortal.Honors;
using EmulationPortal.Organisation;

namespace EmulationPortal.Web.Areas.Admin.Models;


public sealed record CommendationIndexViewModel(
    PagedList<CommendationRow> Items, CommendationFormOptions Options, int? Year, int? AwardTypeId, int? UnitId, string? Kind, bool CanEdit, AdminPager Pager);

public sealed record CommendationEditViewModel(int? Id, CommendationForm Form, CommendationFormOptions Options, int? PhotoId);

public sealed record DeleteViewModel(int Id, string Title, string Name, string Action, string? Catalogue = null, string? Error = null);

/// <summary>The bulk page: what was pasted, the authority that decided, and (after checking) each row's problems.</summary>
public sealed record ImportViewModel(string Kind, string? Text, string? DecidedBy, ImportPreview? Preview, string? RowsText);

public sealed record CatalogueIndexViewModel(Catalogues Catalogues, bool CanEdit);

public sealed record CatalogueFormViewModel<T>(int? Id, T Form);

public sealed record UnitIndexViewModel(IReadOnlyList<UnitNode> Units, bool CanEdit);

public sealed record UnitEditViewModel(int? Id, UnitForm Form, IReadOnlyList<UnitNode> Units);

public sealed record StaffIndexViewModel(PagedList<StaffRow> Items, IReadOnlyList<FilterOption> Units, int? UnitId, string? Search, bool CanEdit, AdminPager Pager);

public sealed record StaffEditViewModel(int? Id, StaffForm Form, IReadOnlyList<FilterOption> Units);

public sealed record OrganisationEditViewModel(OrganisationForm Form, int? LogoId, IReadOnlyList<FilterOption> Blocks, bool CanEdit);

/// <summary>One labelled input of an admin form (label above, required mark, message next to the field).</summary>
public sealed record InputRowModel(string Name, string Label, string? Value, bool Required = false, int? MaxLength = null, string Type = "text", string? Help = null);

/// <summary>One labelled select of an admin form.</summary>
public sealed record SelectRowModel(string Name, string Label, IReadOnlyList<EmulationPortal.Common.FilterOption> Options, string? Value, bool Required = false, string? EmptyText = null);
