using EmulationPortal.Common;
using EmulationPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Organisation;

/// <summary>The organisation as the page frame shows it (header and footer).</summary>
public sealed record OrganisationInfo(string ParentName, string Name, string Address, string Phone, string Email, string ContentResponsible, string? BlockName, int? LogoId = null);

public sealed class OrganisationService(PortalDbContext db, PublicDataCache? cache = null)
{
    public static OrganisationInfo Empty { get; } = new(string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, null);

    public Task<OrganisationInfo> GetAsync(CancellationToken cancellationToken = default) =>
        cache is null ? GetUncachedAsync(cancellationToken) : cache.GetOrCreateAsync("organisation", () => GetUncachedAsync(cancellationToken));

    private async Task<OrganisationInfo> GetUncachedAsync(CancellationToken cancellationToken) =>
        await db.OrganisationSettings.AsNoTracking().OrderBy(o => o.Id)
            .Select(o => new OrganisationInfo(o.ParentName, o.Name, o.Address, o.Phone, o.Email, o.ContentResponsible, o.EmulationBlock != null ? o.EmulationBlock.Name : null, o.LogoId))
            .FirstOrDefaultAsync(cancellationToken) ?? Empty;
}
