namespace EmulationPortal.Web.Resources;

/// <summary>Anchor of the strings of council members, sessions and ballots (CouncilResource.resx).</summary>
public sealed class CouncilResource
{
}
