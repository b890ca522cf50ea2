namespace EmulationPortal.Web.Resources;

/// <summary>Anchor of the strings of certificates, layouts and the public verification page (CertificatesResource.resx).</summary>
public sealed class CertificatesResource
{
}
