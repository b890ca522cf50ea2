namespace EmulationPortal.Web.Infrastructure.Security;

/// <summary>
/// Access control (ASVS V8): the policies not tied to a role. Every controller action is either explicitly anonymous
/// (<c>[AllowAnonymous]</c>) or behind a named policy; a bare <c>[Authorize]</c> is not used, so that what an action
/// requires is always a name one can look up (tests/EmulationPortal.Tests/Security/Access/EndpointAccessTests.cs).
/// The role policies (<c>Policies.*</c>) are registered in <c>PortalHostExtensions.AddPortal</c>.
/// </summary>
public static class AccessPolicies
{
    /// <summary>Any signed-in account, whatever its roles: its own password page, personal registration, council ballots.</summary>
    public const string SignedIn = "SignedIn";

    internal static IServiceCollection AddAccessPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        return services;
    }
}
