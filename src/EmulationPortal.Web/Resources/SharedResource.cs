namespace EmulationPortal.Web.Resources;

/// <summary>Anchor type of the shared resources (SharedResource.resx, Vietnamese, the default culture).</summary>
public sealed class SharedResource
{
}
