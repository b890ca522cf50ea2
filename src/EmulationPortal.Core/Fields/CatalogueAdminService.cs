using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Documents;
using EmulationPortal.Honors;
using EmulationPortal.Organisation;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Fields;

/// <summary>A form that posts back the version it was read at.</summary>
public interface IVersionedForm
{
    int Version { get; set; }
}

public sealed class FieldForm : IVersionedForm
{
    public string? Name { get; set; }

    public string? Slug { get; set; }

    public int SortOrder { get; set; }

    public int Version { get; set; }
}

public sealed class DocumentTypeForm : IVersionedForm
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public int SortOrder { get; set; }

    public int Version { get; set; }
}

public sealed class AwardTypeForm : IVersionedForm
{
    public string? Name { get; set; }

    public AwardCategory Category { get; set; }

    public RecipientKind RecipientKind { get; set; }

    public AwardLevel Level { get; set; }

    public int SortOrder { get; set; }

    public bool IsActive { get; set; } = true;

    public int Version { get; set; }
}

public sealed class EmulationBlockForm : IVersionedForm
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public int Version { get; set; }
}

public sealed record FieldRow(int Id, string Name, string Slug, int SortOrder, int UseCount);

public sealed record DocumentTypeRow(int Id, string Code, string Name, int SortOrder, int UseCount);

public sealed record AwardTypeRow(int Id, string Name, AwardCategory Category, RecipientKind RecipientKind, AwardLevel Level, int SortOrder, bool IsActive, int UseCount);

public sealed record EmulationBlockRow(int Id, string Name, string Description, int UseCount);

public sealed record Catalogues(
    IReadOnlyList<FieldRow> Fields, IReadOnlyList<DocumentTypeRow> DocumentTypes, IReadOnlyList<AwardTypeRow> AwardTypes, IReadOnlyList<EmulationBlockRow> Blocks);

/// <summary>The editable catalogues: fields, document types, award types, emulation blocks. An item in use cannot be deleted.</summary>
public sealed class CatalogueAdminService(PortalDbContext db)
{
    public async Task<Catalogues> ListAsync(CancellationToken cancellationToken = default)
    {
        var fields = await db.Fields.AsNoTracking().OrderBy(f => f.SortOrder).ThenBy(f => f.Name)
            .Select(f => new FieldRow(f.Id, f.Name, f.Slug, f.SortOrder,
                db.Campaigns.Count(c => c.Fields.Any(x => x.Id == f.Id)) + db.Articles.Count(a => a.Fields.Any(x => x.Id == f.Id))
                + db.Commendations.Count(c => c.FieldId == f.Id)))
            .ToListAsync(cancellationToken);
        var types = await db.DocumentTypes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new DocumentTypeRow(t.Id, t.Code, t.Name, t.SortOrder, db.Documents.Count(d => d.DocumentTypeId == t.Id)))
            .ToListAsync(cancellationToken);
        var awards = await db.AwardTypes.AsNoTracking().OrderBy(a => a.Category).ThenBy(a => a.SortOrder).ThenBy(a => a.Name)
            .Select(a => new AwardTypeRow(a.Id, a.Name, a.Category, a.RecipientKind, a.Level, a.SortOrder, a.IsActive, db.Commendations.Count(c => c.AwardTypeId == a.Id)))
            .ToListAsync(cancellationToken);
        var blocks = await db.EmulationBlocks.AsNoTracking().OrderBy(b => b.Name)
            .Select(b => new EmulationBlockRow(b.Id, b.Name, b.Description, db.OrganisationSettings.Count(o => o.EmulationBlockId == b.Id)))
            .ToListAsync(cancellationToken);
        return new Catalogues(fields, types, awards, blocks);
    }

    public async Task<FieldForm?> GetFieldAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Fields.AsNoTracking().Where(f => f.Id == id)
            .Select(f => new FieldForm { Name = f.Name, Slug = f.Slug, SortOrder = f.SortOrder, Version = f.Version }).FirstOrDefaultAsync(cancellationToken);

    public async Task<DocumentTypeForm?> GetDocumentTypeAsync(int id, CancellationToken cancellationToken = default) =>
        await db.DocumentTypes.AsNoTracking().Where(t => t.Id == id)
            .Select(t => new DocumentTypeForm { Code = t.Code, Name = t.Name, SortOrder = t.SortOrder, Version = t.Version }).FirstOrDefaultAsync(cancellationToken);

    public async Task<AwardTypeForm?> GetAwardTypeAsync(int id, CancellationToken cancellationToken = default) =>
        await db.AwardTypes.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new AwardTypeForm
            {
                Name = a.Name, Category = a.Category, RecipientKind = a.RecipientKind, Level = a.Level, SortOrder = a.SortOrder, IsActive = a.IsActive, Version = a.Version,
            })
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<EmulationBlockForm?> GetBlockAsync(int id, CancellationToken cancellationToken = default) =>
        await db.EmulationBlocks.AsNoTracking().Where(b => b.Id == id)
            .Select(b => new EmulationBlockForm { Name = b.Name, Description = b.Description, Version = b.Version }).FirstOrDefaultAsync(cancellationToken);

    public async Task<ServiceResult> SaveFieldAsync(int? id, FieldForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<ServiceError>();
        var name = Text(errors, nameof(form.Name), form.Name, 200, required: true);
        var slugInput = VietnameseText.Normalize(form.Slug);
        var slug = VietnameseText.Slugify(slugInput.Length == 0 ? name : slugInput, 120);
        if (slug.Length == 0 && name.Length > 0)
        {
            errors.Add(new ServiceError(nameof(form.Slug), "Catalogue.SlugInvalid"));
        }

        Order(errors, form.SortOrder);
        if (slug.Length > 0 && await db.Fields.AnyAsync(f => f.Slug == slug && f.Id != id, cancellationToken))
        {
            errors.Add(new ServiceError(nameof(form.Slug), "Catalogue.SlugTaken", slug));
        }

        if (name.Length > 0 && await db.Fields.AnyAsync(f => f.Name == name && f.Id != id, cancellationToken))
        {
            errors.Add(new ServiceError(nameof(form.Name), "Catalogue.NameTaken", name));
        }

        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        var field = await LoadAsync(db.Fields, id, form.Version, cancellationToken);
        if (field is null)
        {
            return ServiceResult.Fail(new ServiceError(string.Empty, "Catalogue.NotFound"));
        }

        field.Name = name;
        field.Slug = slug;
        field.SortOrder = form.SortOrder;
        return await SaveAsync(field, cancellationToken);
    }

    public async Task<ServiceResult> SaveDocumentTypeAsync(int? id, DocumentTypeForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<ServiceError>();
        var code = Text(errors, nameof(form.Code), form.Code, 20, required: false);
        var name = Text(errors, nameof(form.Name), form.Name, 100, required: true);
        Order(errors, form.SortOrder);
        if (name.Length > 0 && await db.DocumentTypes.AnyAsync(t => t.Name == name && t.Id != id, cancellationToken))
        {
            errors.Add(new ServiceError(nameof(form.Name), "Catalogue.NameTaken", name));
        }

        if (code.Length > 0 && await db.DocumentTypes.AnyAsync(t => t.Code == code && t.Id != id, cancellationToken))
        {
            errors.Add(new ServiceError(nameof(form.Code), "Catalogue.CodeTaken", code));
        }

        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        var type = await LoadAsync(db.DocumentTypes, id, form.Version, cancellationToken);
        if (type is null)
        {
            return ServiceResult.Fail(new ServiceError(string.Empty, "Catalogue.NotFound"));
        }

        type.Code = code;
        type.Name = name;
        type.SortOrder = form.SortOrder;
        return await SaveAsync(type, cancellationToken);
    }

    public async Task<ServiceResult> SaveAwardTypeAsync(int? id, AwardTypeForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<ServiceError>();
        var name = Text(errors, nameof(form.Name), form.Name, 200, required: true);
        Order(errors, form.SortOrder);
        if (!Enum.IsDefined(form.Category))
        {
            errors.Add(new ServiceError(nameof(form.Category), "Catalogue.ChoiceRequired"));
        }

        if (!Enum.IsDefined(form.RecipientKind))
        {
            errors.Add(new ServiceError(nameof(form.RecipientKind), "Catalogue.ChoiceRequired"));
        }

        if (!Enum.IsDefined(form.Level))
        {
            errors.Add(new ServiceError(nameof(form.Level), "Catalogue.ChoiceRequired"));
        }

        if (name.Length > 0 && await db.AwardTypes.AnyAsync(a => a.Name == name && a.Id != id, cancellationToken))
        {
            errors.Add(new ServiceError(nameof(form.Name), "Catalogue.NameTaken", name));
        }

        // Narrowing the recipient kind would leave existing commendations of the other kind inconsistent.
        if (id is { } awardId && form.RecipientKind != RecipientKind.Both)
        {
            var other = form.RecipientKind == RecipientKind.Individual ? RecipientKind.Collective : RecipientKind.Individual;
            if (await db.Commendations.AnyAsync(c => c.AwardTypeId == awardId && c.RecipientKind == other, cancellationToken))
            {
                errors.Add(new ServiceError(nameof(form.RecipientKind), "Catalogue.RecipientKindInUse"));
            }
        }

        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        var award = await LoadAsync(db.AwardTypes, id, form.Version, cancellationToken);
        if (award is null)
        {
            return ServiceResult.Fail(new ServiceError(string.Empty, "Catalogue.NotFound"));
        }

        award.Name = name;
        award.Category = form.Category;
        award.RecipientKind = form.RecipientKind;
        award.Level = form.Level;
        award.SortOrder = form.SortOrder;
        award.IsActive = form.IsActive;
        return await SaveAsync(award, cancellationToken);
    }

    public async Task<ServiceResult> SaveBlockAsync(int? id, EmulationBlockForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<ServiceError>();
        var name = Text(errors, nameof(form.Name), form.Name, 200, required: true);
        var description = Text(errors, nameof(form.Description), form.Description, 1000, required: false);
        if (name.Length > 0 && await db.EmulationBlocks.AnyAsync(b => b.Name == name && b.Id != id, cancellationToken))
        {
            errors.Add(new ServiceError(nameof(form.Name), "Catalogue.NameTaken", name));
        }

        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        var block = await LoadAsync(db.EmulationBlocks, id, form.Version, cancellationToken);
        if (block is null)
        {
            return ServiceResult.Fail(new ServiceError(string.Empty, "Catalogue.NotFound"));
        }

        block.Name = name;
        block.Description = description;
        return await SaveAsync(block, cancellationToken);
    }

    /// <summary>Deletes an item of a catalogue ("field", "document-type", "award-type", "block"); refused while it is in use.</summary>
    public async Task<ServiceResult?> DeleteAsync(string catalogue, int id, CancellationToken cancellationToken = default)
    {
        object? item;
        int uses;
        switch (catalogue)
        {
            case CatalogueNames.Field:
                item = await db.Fields.FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
                uses = await db.Campaigns.CountAsync(c => c.Fields.Any(x => x.Id == id), cancellationToken)
                    + await db.Articles.CountAsync(a => a.Fields.Any(x => x.Id == id), cancellationToken)
                    + await db.Commendations.CountAsync(c => c.FieldId == id, cancellationToken);
                break;
            case CatalogueNames.DocumentType:
                item = await db.DocumentTypes.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
                uses = await db.Documents.CountAsync(d => d.DocumentTypeId == id, cancellationToken);
                break;
            case CatalogueNames.AwardType:
                item = await db.AwardTypes.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
                uses = await db.Commendations.CountAsync(c => c.AwardTypeId == id, cancellationToken);
                break;
            case CatalogueNames.Block:
                item = await db.EmulationBlocks.FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
                uses = await db.OrganisationSettings.CountAsync(o => o.EmulationBlockId == id, cancellationToken);
                break;
            default:
                return null;
        }

        if (item is null)
        {
            return null;
        }

        if (uses > 0)
        {
            return ServiceResult.Fail(new ServiceError(string.Empty, "Catalogue.InUse", uses));
        }

        db.Remove(item);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Ok(id);
    }

    private async Task<T?> LoadAsync<T>(DbSet<T> set, int? id, int version, CancellationToken cancellationToken)
        where T : class, IVersioned, new()
    {
        if (id is null)
        {
            var created = new T();
            set.Add(created);
            return created;
        }

        var item = await set.FirstOrDefaultAsync(e => EF.Property<int>(e, "Id") == id, cancellationToken);
        if (item is not null)
        {
            db.ExpectVersion(item, version);
        }

        return item;
    }

    private async Task<ServiceResult> SaveAsync<T>(T item, CancellationToken cancellationToken)
        where T : class, IVersioned
    {
        var conflict = await db.SaveOrConflictAsync(cancellationToken);
        return conflict is null ? ServiceResult.Ok(db.Entry(item).Property<int>("Id").CurrentValue) : ServiceResult.NotSaved(conflict);
    }

    internal static string Text(List<ServiceError> errors, string field, string? value, int max, bool required)
    {
        var text = TabularInput.Clean(value);
        if (required && text.Length == 0)
        {
            errors.Add(new ServiceError(field, "Catalogue.Required"));
        }
        else if (text.Length > max)
        {
            errors.Add(new ServiceError(field, "Catalogue.TooLong", max));
        }

        return text;
    }

    private static void Order(List<ServiceError> errors, int order)
    {
        if (order is < 0 or > 10000)
        {
            errors.Add(new ServiceError("SortOrder", "Catalogue.OrderRange", 0, 10000));
        }
    }
}

/// <summary>The catalogue names used in URLs.</summary>
public static class CatalogueNames
{
    public const string Field = "field";
    public const string DocumentType = "document-type";
    public const string AwardType = "award-type";
    public const string Block = "block";
}
