namespace EmulationPortal.Web.Resources;

/// <summary>Anchor of the strings of the upload safety checks: the virus scanner's refusals (UploadSafetyResource.resx).</summary>
public sealed class UploadSafetyResource
{
}
