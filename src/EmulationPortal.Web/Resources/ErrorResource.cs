namespace EmulationPortal.Web.Resources;

/// <summary>Anchor of the error pages' strings (ErrorResource.resx): one title and text per status code, the request id line.</summary>
public sealed class ErrorResource
{
}
