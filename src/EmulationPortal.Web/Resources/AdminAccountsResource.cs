namespace EmulationPortal.Web.Resources;

/// <summary>Anchor of the accounts, feedback, audit and dashboard strings (AdminAccountsResource.resx).</summary>
public sealed class AdminAccountsResource
{
}
