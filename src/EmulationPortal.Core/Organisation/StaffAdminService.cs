using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Fields;
using EmulationPortal.Honors;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Organisation;

public sealed class StaffForm : IVersionedForm
{
    public string? FullName { get; set; }

    public string? Position { get; set; }

    public Gender Gender { get; set; }

    public int? UnitId { get; set; }

    public bool IsActive { get; set; } = true;

    public int Version { get; set; }
}

public sealed record StaffRow(int Id, string FullName, string Position, Gender Gender, string UnitName, bool IsActive);

/// <summary>Staff members: list (by given name), CRUD, .xlsx import with a preview.</summary>
public sealed class StaffAdminService(PortalDbContext db)
{
    public const int PageSize = 50;

    /// <summary>Columns of an import: full name, gender ("Nam"/"Nữ"), position, unit.</summary>
    public const int ImportColumns = 4;

    public async Task<PagedList<StaffRow>> ListAsync(int? unitId, string? search, int page, CancellationToken cancellationToken = default)
    {
        var query = db.StaffMembers.AsNoTracking();
        if (unitId is { } u)
        {
            query = query.Where(s => s.UnitId == u);
        }

        var term = TabularInput.Clean(search);
        if (term.Length > 0)
        {
            query = query.Where(s => s.FullName.Contains(term));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(s => s.NameSortKey).ThenBy(s => s.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(s => new StaffRow(s.Id, s.FullName, s.Position, s.Gender, s.Unit!.Name, s.IsActive))
            .ToListAsync(cancellationToken);
        return new PagedList<StaffRow>(items, page, PageSize, total);
    }

    public async Task<IReadOnlyList<FilterOption>> UnitOptionsAsync(CancellationToken cancellationToken = default) =>
        await db.Units.AsNoTracking().OrderBy(u => u.Kind).ThenBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new FilterOption(u.Id.ToString(), u.Name)).ToListAsync(cancellationToken);

    public async Task<StaffForm?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        await db.StaffMembers.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new StaffForm { FullName = s.FullName, Position = s.Position, Gender = s.Gender, UnitId = s.UnitId, IsActive = s.IsActive, Version = s.Version })
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<ServiceResult> SaveAsync(int? id, StaffForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<ServiceError>();
        var name = CatalogueAdminService.Text(errors, nameof(form.FullName), form.FullName, 150, required: true);
        var position = CatalogueAdminService.Text(errors, nameof(form.Position), form.Position, 150, required: false);
        if (!Enum.IsDefined(form.Gender))
        {
            errors.Add(new ServiceError(nameof(form.Gender), "Catalogue.ChoiceRequired"));
        }

        if (form.UnitId is not { } unitId || !await db.Units.AnyAsync(u => u.Id == unitId, cancellationToken))
        {
            errors.Add(new ServiceError(nameof(form.UnitId), "Staff.UnitRequired"));
        }

        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        StaffMember? member;
        if (id is null)
        {
            member = new StaffMember();
            db.StaffMembers.Add(member);
        }
        else
        {
            member = await db.StaffMembers.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (member is null)
            {
                return ServiceResult.Fail(new ServiceError(string.Empty, "Catalogue.NotFound"));
            }

            db.ExpectVersion(member, form.Version);
        }

        member.FullName = name;
        member.Position = position;
        member.Gender = form.Gender;
        member.UnitId = form.UnitId!.Value;
        member.IsActive = form.IsActive;
        var conflict = await db.SaveOrConflictAsync(cancellationToken);
        return conflict is null ? ServiceResult.Ok(member.Id) : ServiceResult.NotSaved(conflict);
    }

    /// <summary>Null when there is no such person; refused while the person has commendations (deactivate instead).</summary>
    public async Task<ServiceResult?> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var member = await db.StaffMembers.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (member is null)
        {
            return null;
        }

        var commendations = await db.Commendations.CountAsync(c => c.StaffMemberId == id, cancellationToken);
        if (commendations > 0)
        {
            return ServiceResult.Fail(new ServiceError(string.Empty, "Staff.InUse", commendations));
        }

        db.StaffMembers.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Ok(id);
    }

    public async Task<ImportPreview> PreviewAsync(IReadOnlyList<string[]> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken);
        var unitByName = units.ToDictionary(u => u.Name, u => u.Id, StringComparer.Ordinal);
        var existing = (await db.StaffMembers.AsNoTracking().Select(s => new { s.UnitId, s.FullName }).ToListAsync(cancellationToken))
            .Select(s => (s.UnitId, s.FullName)).ToHashSet();
        var seen = new Dictionary<(int, string), int>();
        var checks = new List<ImportRowCheck>(rows.Count);
        for (var index = 0; index < rows.Count; index++)
        {
            var line = index + 1;
            var cells = rows[index].Select(TabularInput.Clean).ToArray();
            var problems = new List<ServiceError>();
            if (cells[0].Length == 0)
            {
                problems.Add(new ServiceError("Name", "Import.MissingName"));
            }
            else if (cells[0].Length > 150)
            {
                problems.Add(new ServiceError("Name", "Honors.TooLong", 150));
            }

            if (ParseGender(cells[1]) is null)
            {
                problems.Add(new ServiceError("Gender", "Staff.BadGender", cells[1]));
            }

            if (cells[2].Length > 150)
            {
                problems.Add(new ServiceError("Position", "Honors.TooLong", 150));
            }

            if (!unitByName.TryGetValue(cells[3], out var unitId))
            {
                problems.Add(new ServiceError("Unit", "Import.UnknownUnit", cells[3]));
            }
            else if (cells[0].Length > 0)
            {
                var key = (unitId, cells[0]);
                if (existing.Contains(key))
                {
                    problems.Add(new ServiceError(string.Empty, "Staff.DuplicateExisting", cells[0], cells[3]));
                }
                else if (seen.TryGetValue(key, out var first))
                {
                    problems.Add(new ServiceError(string.Empty, "Import.DuplicateInList", first));
                }
                else
                {
                    seen[key] = line;
                }
            }

            checks.Add(new ImportRowCheck(line, cells, RecipientKind.Individual, problems));
        }

        return new ImportPreview(checks);
    }

    public async Task<(ImportPreview Preview, ServiceResult Result)> ImportAsync(IReadOnlyList<string[]> rows, CancellationToken cancellationToken = default)
    {
        var preview = await PreviewAsync(rows, cancellationToken);
        if (preview.ValidCount == 0)
        {
            return (preview, ServiceResult.Fail(new ServiceError(string.Empty, "Import.NothingValid")));
        }

        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Name, u => u.Id, StringComparer.Ordinal, cancellationToken);
        foreach (var row in preview.Rows.Where(r => r.IsValid))
        {
            db.StaffMembers.Add(new StaffMember
            {
                FullName = row.Cells[0], Gender = ParseGender(row.Cells[1])!.Value, Position = row.Cells[2], UnitId = units[row.Cells[3]],
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return (preview, ServiceResult.Ok(preview.ValidCount));
    }

    private static Gender? ParseGender(string text) => VietnameseText.Fold(text) switch
    {
        "nam" => Gender.Male,
        "nu" => Gender.Female,
        _ => null,
    };
}
