using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Fields;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Organisation;

public sealed class UnitForm : IVersionedForm
{
    public string? Name { get; set; }

    public UnitKind Kind { get; set; }

    public int? ParentId { get; set; }

    public int SortOrder { get; set; }

    public bool IsActive { get; set; } = true;

    public int Version { get; set; }
}

/// <summary>A unit in the tree, with its depth (0 = top level) and what hangs on it.</summary>
public sealed record UnitNode(int Id, string Name, UnitKind Kind, int? ParentId, int SortOrder, bool IsActive, int Depth, int StaffCount, int ChildCount);

/// <summary>Units as a tree: no cycles; a unit with children, staff or commendations cannot be deleted.</summary>
public sealed class UnitAdminService(PortalDbContext db)
{
    /// <summary>All units in tree order (each parent followed by its children).</summary>
    public async Task<IReadOnlyList<UnitNode>> TreeAsync(CancellationToken cancellationToken = default)
    {
        var units = await db.Units.AsNoTracking()
            .Select(u => new { u.Id, u.Name, u.Kind, u.ParentId, u.SortOrder, u.IsActive, Staff = db.StaffMembers.Count(s => s.UnitId == u.Id) })
            .ToListAsync(cancellationToken);
        var byParent = units.ToLookup(u => u.ParentId);
        var result = new List<UnitNode>(units.Count);
        var visited = new HashSet<int>();
        void Walk(int? parent, int depth)
        {
            foreach (var u in byParent[parent].OrderBy(u => u.SortOrder).ThenBy(u => u.Name, VietnameseText.Comparer))
            {
                if (!visited.Add(u.Id))
                {
                    continue;
                }

                result.Add(new UnitNode(u.Id, u.Name, u.Kind, u.ParentId, u.SortOrder, u.IsActive, depth, u.Staff, byParent[u.Id].Count()));
                Walk(u.Id, depth + 1);
            }
        }

        Walk(null, 0);
        return result;
    }

    public async Task<UnitForm?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Units.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new UnitForm { Name = u.Name, Kind = u.Kind, ParentId = u.ParentId, SortOrder = u.SortOrder, IsActive = u.IsActive, Version = u.Version })
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<ServiceResult> SaveAsync(int? id, UnitForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<ServiceError>();
        var name = CatalogueAdminService.Text(errors, nameof(form.Name), form.Name, 200, required: true);
        if (!Enum.IsDefined(form.Kind))
        {
            errors.Add(new ServiceError(nameof(form.Kind), "Catalogue.ChoiceRequired"));
        }

        if (form.SortOrder is < 0 or > 10000)
        {
            errors.Add(new ServiceError(nameof(form.SortOrder), "Catalogue.OrderRange", 0, 10000));
        }

        if (name.Length > 0 && await db.Units.AnyAsync(u => u.Name == name && u.Id != id, cancellationToken))
        {
            errors.Add(new ServiceError(nameof(form.Name), "Catalogue.NameTaken", name));
        }

        if (form.ParentId is { } parentId)
        {
            var parents = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ParentId, cancellationToken);
            if (!parents.ContainsKey(parentId))
            {
                errors.Add(new ServiceError(nameof(form.ParentId), "Units.UnknownParent"));
            }
            else if (id is { } self && CreatesCycle(parents, self, parentId))
            {
                errors.Add(new ServiceError(nameof(form.ParentId), "Units.Cycle"));
            }
        }

        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        Unit? unit;
        if (id is null)
        {
            unit = new Unit();
            db.Units.Add(unit);
        }
        else
        {
            unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
            if (unit is null)
            {
                return ServiceResult.Fail(new ServiceError(string.Empty, "Catalogue.NotFound"));
            }

            db.ExpectVersion(unit, form.Version);
        }

        unit.Name = name;
        unit.Kind = form.Kind;
        unit.ParentId = form.ParentId;
        unit.SortOrder = form.SortOrder;
        unit.IsActive = form.IsActive;
        var conflict = await db.SaveOrConflictAsync(cancellationToken);
        return conflict is null ? ServiceResult.Ok(unit.Id) : ServiceResult.NotSaved(conflict);
    }

    /// <summary>Null when there is no such unit; a failure when it still has children, staff, commendations or users.</summary>
    public async Task<ServiceResult?> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null)
        {
            return null;
        }

        var children = await db.Units.CountAsync(u => u.ParentId == id, cancellationToken);
        var staff = await db.StaffMembers.CountAsync(s => s.UnitId == id, cancellationToken);
        var commendations = await db.Commendations.CountAsync(c => c.UnitId == id, cancellationToken);
        if (children + staff + commendations > 0)
        {
            return ServiceResult.Fail(new ServiceError(string.Empty, "Units.InUse", children, staff, commendations));
        }

        db.Units.Remove(unit);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Ok(id);
    }

    private static bool CreatesCycle(Dictionary<int, int?> parents, int self, int newParent)
    {
        int? current = newParent;
        var steps = 0;
        while (current is { } c && steps++ <= parents.Count)
        {
            if (c == self)
            {
                return true;
            }

            current = parents.GetValueOrDefault(c);
        }

        return false;
    }
}
