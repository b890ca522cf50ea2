namespace EmulationPortal.Web.Resources;

/// <summary>Anchor of the strings of the RSS feeds, their links in page heads and the OpenGraph descriptions (FeedsResource.resx).</summary>
public sealed class FeedsResource
{
}
