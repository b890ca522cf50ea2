namespace EmulationPortal.Web.Resources;

/// <summary>Anchor of the strings of units' proposal pages, rule checks, rules and discipline pages (ComposingResource.resx).</summary>
public sealed class ComposingResource
{
}
