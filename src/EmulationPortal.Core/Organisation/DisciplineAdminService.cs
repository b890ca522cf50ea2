using EmulationPortal.Common;
using EmulationPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Organisation;

public sealed class DisciplineForm
{
    public int? StaffMemberId { get; set; }

    public string? Form { get; set; }

    public string? DecisionNumber { get; set; }

    /// <summary>yyyy-MM-dd from a date input, or dd/MM/yyyy.</summary>
    public string? DecidedOn { get; set; }

    public string? EffectiveFrom { get; set; }

    public string? EffectiveUntil { get; set; }

    public string? Note { get; set; }
}

public sealed record DisciplineRow(
    int Id, int StaffMemberId, string StaffName, string UnitName, string Form, string DecisionNumber, DateOnly DecidedOn, DateOnly EffectiveFrom,
    DateOnly? EffectiveUntil, bool InEffectToday);

/// <summary>Discipline records of staff members (/Admin/Discipline); a record in effect keeps the person off proposals.</summary>
public sealed class DisciplineAdminService(PortalDbContext db, PortalClock clock)
{
    public async Task<IReadOnlyList<DisciplineRow>> ListAsync(int? staffMemberId, CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        var query = db.DisciplineRecords.AsNoTracking();
        if (staffMemberId is { } sid)
        {
            query = query.Where(d => d.StaffMemberId == sid);
        }

        var rows = await query.OrderByDescending(d => d.EffectiveFrom).Take(500)
            .Select(d => new { d.Id, d.StaffMemberId, d.StaffMember!.FullName, Unit = d.StaffMember.Unit!.Name, d.Form, d.DecisionNumber, d.DecidedOn, d.EffectiveFrom, d.EffectiveUntil })
            .ToListAsync(cancellationToken);
        return rows.Select(d => new DisciplineRow(
            d.Id, d.StaffMemberId, d.FullName, d.Unit, d.Form, d.DecisionNumber, d.DecidedOn, d.EffectiveFrom, d.EffectiveUntil,
            d.EffectiveFrom <= today && (d.EffectiveUntil is null || today <= d.EffectiveUntil))).ToList();
    }

    public async Task<IReadOnlyList<FilterOption>> StaffOptionsAsync(CancellationToken cancellationToken = default) =>
        await db.StaffMembers.AsNoTracking().OrderBy(s => s.NameSortKey)
            .Select(s => new FilterOption(s.Id.ToString(), s.FullName + " – " + s.Unit!.Name)).ToListAsync(cancellationToken);

    public async Task<DisciplineForm?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var d = await db.DisciplineRecords.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return d is null
            ? null
            : new DisciplineForm
            {
                StaffMemberId = d.StaffMemberId, Form = d.Form, DecisionNumber = d.DecisionNumber, DecidedOn = Iso(d.DecidedOn),
                EffectiveFrom = Iso(d.EffectiveFrom), EffectiveUntil = d.EffectiveUntil is { } u ? Iso(u) : null, Note = d.Note,
            };
    }

    public async Task<ServiceResult> SaveAsync(int? id, DisciplineForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<ServiceError>();
        if (form.StaffMemberId is not { } staffId || !await db.StaffMembers.AnyAsync(s => s.Id == staffId, cancellationToken))
        {
            errors.Add(new ServiceError(nameof(form.StaffMemberId), "Discipline.PersonRequired"));
        }

        var kind = TabularInput.Clean(form.Form);
        if (kind.Length == 0)
        {
            errors.Add(new ServiceError(nameof(form.Form), "Discipline.FormRequired"));
        }
        else if (kind.Length > 100)
        {
            errors.Add(new ServiceError(nameof(form.Form), "Proposal.TooLong", 100));
        }

        var number = TabularInput.Clean(form.DecisionNumber);
        if (number.Length > 64)
        {
            errors.Add(new ServiceError(nameof(form.DecisionNumber), "Proposal.TooLong", 64));
        }

        var note = TabularInput.Clean(form.Note);
        if (note.Length > 1000)
        {
            errors.Add(new ServiceError(nameof(form.Note), "Proposal.TooLong", 1000));
        }

        var decidedOn = TabularInput.ParseDate(form.DecidedOn);
        var from = TabularInput.ParseDate(form.EffectiveFrom);
        var until = string.IsNullOrWhiteSpace(form.EffectiveUntil) ? null : TabularInput.ParseDate(form.EffectiveUntil);
        if (decidedOn is null)
        {
            errors.Add(new ServiceError(nameof(form.DecidedOn), "Discipline.BadDate"));
        }

        if (from is null)
        {
            errors.Add(new ServiceError(nameof(form.EffectiveFrom), "Discipline.BadDate"));
        }

        if (!string.IsNullOrWhiteSpace(form.EffectiveUntil) && until is null)
        {
            errors.Add(new ServiceError(nameof(form.EffectiveUntil), "Discipline.BadDate"));
        }
        else if (until is { } u && from is { } f && u < f)
        {
            errors.Add(new ServiceError(nameof(form.EffectiveUntil), "Discipline.UntilBeforeFrom"));
        }

        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        DisciplineRecord? record;
        if (id is { } existing)
        {
            record = await db.DisciplineRecords.FirstOrDefaultAsync(d => d.Id == existing, cancellationToken);
            if (record is null)
            {
                return ServiceResult.Fail(new ServiceError(string.Empty, "Discipline.NotFound"));
            }
        }
        else
        {
            record = new DisciplineRecord { CreatedAt = clock.UtcNow };
            db.DisciplineRecords.Add(record);
        }

        record.StaffMemberId = form.StaffMemberId!.Value;
        record.Form = kind;
        record.DecisionNumber = number;
        record.DecidedOn = decidedOn!.Value;
        record.EffectiveFrom = from!.Value;
        record.EffectiveUntil = until;
        record.Note = note;
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Ok(record.Id);
    }

    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var record = await db.DisciplineRecords.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (record is null)
        {
            return false;
        }

        db.DisciplineRecords.Remove(record);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
