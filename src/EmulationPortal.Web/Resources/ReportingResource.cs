namespace EmulationPortal.Web.Resources;

/// <summary>Anchor of the strings of the leaders' dashboard and its exports (ReportingResource.resx).</summary>
public sealed class ReportingResource
{
}
