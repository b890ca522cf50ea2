namespace EmulationPortal.Web.Resources;

/// <summary>Anchor of the strings of the admin honors pages (AdminHonorsResource.resx): commendations, catalogues, units, staff, organisation.</summary>
public sealed class AdminHonorsResource
{
}
