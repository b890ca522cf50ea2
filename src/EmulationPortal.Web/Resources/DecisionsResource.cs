namespace EmulationPortal.Web.Resources;

/// <summary>Anchor of the strings of decisions: drafting, issuing, cancelling (DecisionsResource.resx).</summary>
public sealed class DecisionsResource
{
}
