using System.Security.Claims;
using EmulationPortal.Audit;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>The signed-in user of the current request, for the audit log.</summary>
internal sealed class HttpContextAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    public (string? UserId, string UserName)? Current
    {
        get
        {
            var user = accessor.HttpContext?.User;
            if (user?.Identity?.IsAuthenticated != true)
            {
                return null;
            }

            return (user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity.Name ?? string.Empty);
        }
    }
}
