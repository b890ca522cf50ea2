using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Fields;
using EmulationPortal.Files;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Organisation;

public sealed class OrganisationForm : IVersionedForm
{
    public string? ParentName { get; set; }

    public string? Name { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? ContentResponsible { get; set; }

    public int? EmulationBlockId { get; set; }

    public bool RemoveLogo { get; set; }

    public int Version { get; set; }
}

/// <summary>The organisation's settings row: names, contact, block, logo (re-encoded PNG/JPEG).</summary>
public sealed class OrganisationAdminService(PortalDbContext db, ImageUploadService images)
{
    public const int LogoMaxSize = 256;

    public async Task<(OrganisationForm Form, int? LogoId)> GetAsync(CancellationToken cancellationToken = default)
    {
        var o = await db.OrganisationSettings.AsNoTracking().OrderBy(x => x.Id).FirstOrDefaultAsync(cancellationToken);
        return o is null
            ? (new OrganisationForm(), null)
            : (new OrganisationForm
            {
                ParentName = o.ParentName, Name = o.Name, Address = o.Address, Phone = o.Phone, Email = o.Email,
                ContentResponsible = o.ContentResponsible, EmulationBlockId = o.EmulationBlockId, Version = o.Version,
            }, o.LogoId);
    }

    public async Task<IReadOnlyList<FilterOption>> BlockOptionsAsync(CancellationToken cancellationToken = default) =>
        await db.EmulationBlocks.AsNoTracking().OrderBy(b => b.Name).Select(b => new FilterOption(b.Id.ToString(), b.Name)).ToListAsync(cancellationToken);

    public async Task<ServiceResult> SaveAsync(OrganisationForm form, UploadedFile? logo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<ServiceError>();
        var parent = CatalogueAdminService.Text(errors, nameof(form.ParentName), form.ParentName, 200, required: false);
        var name = CatalogueAdminService.Text(errors, nameof(form.Name), form.Name, 200, required: true);
        var address = CatalogueAdminService.Text(errors, nameof(form.Address), form.Address, 300, required: false);
        var phone = CatalogueAdminService.Text(errors, nameof(form.Phone), form.Phone, 50, required: false);
        var email = CatalogueAdminService.Text(errors, nameof(form.Email), form.Email, 200, required: false);
        var responsible = CatalogueAdminService.Text(errors, nameof(form.ContentResponsible), form.ContentResponsible, 200, required: false);
        if (email.Length > 0 && (!email.Contains('@', StringComparison.Ordinal) || email.Contains(' ', StringComparison.Ordinal)))
        {
            errors.Add(new ServiceError(nameof(form.Email), "Organisation.BadEmail"));
        }

        if (form.EmulationBlockId is { } blockId && !await db.EmulationBlocks.AnyAsync(b => b.Id == blockId, cancellationToken))
        {
            errors.Add(new ServiceError(nameof(form.EmulationBlockId), "Honors.UnknownBlock"));
        }

        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        StoredFile? stored = null;
        if (logo is not null)
        {
            var (file, error) = await images.StoreAsync(logo, "Logo", LogoMaxSize, keepTransparency: true, cancellationToken);
            if (error is not null)
            {
                return ServiceResult.Fail(error);
            }

            stored = file;
        }

        var settings = await db.OrganisationSettings.OrderBy(o => o.Id).FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new OrganisationSettings();
            db.OrganisationSettings.Add(settings);
        }
        else
        {
            db.ExpectVersion(settings, form.Version);
        }

        settings.ParentName = parent;
        settings.Name = name;
        settings.Address = address;
        settings.Phone = phone;
        settings.Email = email;
        settings.ContentResponsible = responsible;
        settings.EmulationBlockId = form.EmulationBlockId;
        if (stored is not null)
        {
            settings.Logo = stored;
        }
        else if (form.RemoveLogo)
        {
            settings.LogoId = null;
        }

        var conflict = await db.SaveOrConflictAsync(cancellationToken);
        return conflict is null ? ServiceResult.Ok(settings.Id) : ServiceResult.NotSaved(conflict);
    }
}
