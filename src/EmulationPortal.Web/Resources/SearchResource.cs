namespace EmulationPortal.Web.Resources;

/// <summary>Anchor of the strings of the search box, the results page and the index page of the admin area (SearchResource.resx).</summary>
public sealed class SearchResource
{
}
