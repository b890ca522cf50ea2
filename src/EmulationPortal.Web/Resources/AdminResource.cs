namespace EmulationPortal.Web.Resources;

/// <summary>Anchor of the admin area's shared resources (AdminResource.resx): menu, common buttons, upload and conflict messages.</summary>
public sealed class AdminResource
{
}
