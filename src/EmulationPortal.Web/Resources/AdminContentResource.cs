namespace EmulationPortal.Web.Resources;

/// <summary>Anchor of the strings of the admin area's content pages: campaigns, articles, documents (AdminContentResource.resx).</summary>
public sealed class AdminContentResource
{
}
