namespace EmulationPortal.Web.Resources;

/// <summary>Anchor of the sign-in, password and session strings (AccountSecurityResource.resx).</summary>
public sealed class AccountSecurityResource
{
}
