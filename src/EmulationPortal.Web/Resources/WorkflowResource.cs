namespace EmulationPortal.Web.Resources;

/// <summary>Anchor of the strings of the Office's proposal pages and the workflow's messages (WorkflowResource.resx).</summary>
public sealed class WorkflowResource
{
}
