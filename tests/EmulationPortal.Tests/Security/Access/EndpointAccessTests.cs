using System.Net;
using EmulationPortal.Tests.Integration;
using EmulationPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EmulationPortal.Tests.Security.Access;

/// <summary>
/// ASVS V8 access control review: every controller action the app maps is either explicitly anonymous or behind a
/// named policy that exists; nothing else is mapped but the health check and the 404 fallback.
/// </summary>
public sealed class EndpointAccessTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private IReadOnlyList<Endpoint> Endpoints()
    {
        using var client = factory.CreateClient(); // builds the pipeline, which maps the endpoints
        return factory.Services.GetRequiredService<EndpointDataSource>().Endpoints;
    }

    private static string Name(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is { } a
            ? $"{a.ControllerTypeInfo.FullName}.{a.ActionName} [{string.Join(",", endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])}] {(endpoint as RouteEndpoint)?.RoutePattern.RawText}"
            : endpoint.DisplayName ?? "(unnamed)";

    [Fact]
    public async Task EveryControllerAction_IsExplicitlyAnonymous_OrBehindANamedPolicyThatExists()
    {
        var policies = factory.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var actions = Endpoints().Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null).ToList();
        var offenders = new List<string>();

        foreach (var endpoint in actions)
        {
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var named = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
            if (anonymous && named.Count > 0)
            {
                // [AllowAnonymous] anywhere wins over every [Authorize]: the policy would silently not apply.
                offenders.Add($"{Name(endpoint)}: [AllowAnonymous] overrides its policy {string.Join(", ", named)}");
            }
            else if (!anonymous && named.Count == 0)
            {
                offenders.Add($"{Name(endpoint)}: neither [AllowAnonymous] nor a named policy");
            }

            foreach (var policy in named)
            {
                if (await policies.GetPolicyAsync(policy!) is null)
                {
                    offenders.Add($"{Name(endpoint)}: policy {policy} is not registered");
                }
            }
        }

        Assert.True(actions.Count > 150, $"Only {actions.Count} controller actions found: the enumeration is not seeing the app.");
        Assert.True(offenders.Count == 0, "Actions without an explicit access decision:\n" + string.Join("\n", offenders.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void AdminAreaAndUnitPages_AreNeverAnonymous()
    {
        var open = Endpoints()
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is { } a
                && (a.RouteValues.TryGetValue("area", out var area) && area == "Admin"
                    || a.ControllerName is "UnitWorkspace" or "UnitProposals" or "Reporting" or "CouncilBallot"))
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(Name)
            .ToList();

        Assert.Empty(open);
    }

    [Fact]
    public void BesideControllersAndStaticFiles_OnlyTheHealthCheckAndThe404FallbackAreMapped()
    {
        var others = Endpoints()
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is null)
            .Where(e => !e.Metadata.Any(m => m.GetType().FullName == "Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor"))

            // The conventional area route is kept for link generation only: it never matches a request.
            .Where(e => e.Metadata.GetMetadata<ISuppressMatchingMetadata>() is not { SuppressMatching: true })
            .Select(e => (e as RouteEndpoint)?.RoutePattern.RawText ?? e.DisplayName ?? string.Empty)
            .Order(StringComparer.Ordinal)
            .ToList();

        // {**path:file} is the static web assets' file fallback outside a published app (files only, GET/HEAD).
        Assert.Equal(["/health", "{*path:nonfile}"], others.Where(p => p != "{**path:file}").ToList());
    }

    [Fact]
    public async Task TheHealthCheck_SaysOnlyHealthy_AndAnUnknownAddressIsThe404Page()
    {
        using var client = factory.CreateBrowserlikeClient();

        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
        using var unknown = await client.PostAsync(new Uri("/khong-ton-tai/abc", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Không tìm thấy trang", Html.Text(await unknown.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSignedInPolicy_SendsAnonymousVisitorsToSignIn()
    {
        using var client = factory.CreateBrowserlikeClient();

        using var page = await client.GetAsync(new Uri("/doi-mat-khau", UriKind.Relative));
        using var ballot = await client.GetAsync(new Uri("/hoi-dong/bo-phieu", UriKind.Relative));

        Assert.NotNull(await factory.Services.GetRequiredService<IAuthorizationPolicyProvider>().GetPolicyAsync(AccessPolicies.SignedIn));
        foreach (var response in new[] { page, ballot })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/dang-nhap", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }
}
