namespace EmulationPortal.Web.Resources;

/// <summary>Anchor of the strings of participation (ParticipationResource.resx): the Office's participation pages and the unit workspace.</summary>
public sealed class ParticipationResource
{
}
