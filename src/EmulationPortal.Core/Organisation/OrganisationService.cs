using EmulationPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Organisation;

/// <summary>The organisation as the page frame shows it (header and footer).</summary>
public sealed record OrganisationInfo(string ParentName, string Name, string Address, string Phone, string Email, string ContentResponsible, string? BlockName, int? LogoId = null);

public sealed class OrganisationService(PortalDbContext db)
{
    public static OrganisationInfo Empty { get; } = new(string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, null);

    public async Task<OrganisationInfo> GetAsync(CancellationToken cancellationToken = default) =>
        await db.OrganisationSettings.AsNoTracking().OrderBy(o => o.Id)
            .Select(o => new OrganisationInfo(o.ParentName, o.Name, o.Address, o.Phone, o.Email, o.ContentResponsible, o.EmulationBlock != null ? o.EmulationBlock.Name : null, o.LogoId))
            .FirstOrDefaultAsync(cancellationToken) ?? Empty;
}
