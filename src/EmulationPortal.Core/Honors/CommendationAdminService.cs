using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Fields;
using EmulationPortal.Files;
using EmulationPortal.Organisation;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Honors;

/// <summary>What the commendation form posts (no ids of the record itself, no photo id: nothing else can be over-posted).</summary>
public sealed class CommendationForm : IVersionedForm
{
    public int? AwardTypeId { get; set; }

    public RecipientKind Kind { get; set; }

    public int? StaffMemberId { get; set; }

    public int? UnitId { get; set; }

    public int? Year { get; set; }

    public string? DecisionNumber { get; set; }

    /// <summary>yyyy-MM-dd from a date input, or dd/MM/yyyy.</summary>
    public string? DecidedOn { get; set; }

    public string? DecidedBy { get; set; }

    public string? Achievement { get; set; }

    public int? CampaignId { get; set; }

    public int? FieldId { get; set; }

    public bool IsFeatured { get; set; }

    public string? Story { get; set; }

    public bool RemovePhoto { get; set; }

    public int Version { get; set; }
}

public sealed record CommendationRow(
    int Id, RecipientKind Kind, string RecipientName, string UnitName, string AwardName, int Year, string DecisionNumber, DateOnly DecidedOn, bool IsFeatured);

public sealed record CommendationAdminFilter(int? Year, int? AwardTypeId, int? UnitId, RecipientKind? Kind, int Page);

public sealed record AwardTypeOption(int Id, string Name, RecipientKind RecipientKind, bool IsActive);

public sealed record CommendationFormOptions(
    IReadOnlyList<AwardTypeOption> AwardTypes, IReadOnlyList<FilterOption> Staff, IReadOnlyList<FilterOption> Units,
    IReadOnlyList<FilterOption> Campaigns, IReadOnlyList<FilterOption> Fields, IReadOnlyList<int> Years);

public sealed record CommendationDetails(int Id, CommendationForm Form, int? PhotoId, string RecipientName, string AwardName);

/// <summary>One row of a bulk list, with what is wrong with it; <see cref="IsValid"/> rows are saved on confirm.</summary>
public sealed record ImportRowCheck(int Line, string[] Cells, RecipientKind? Kind, IReadOnlyList<ServiceError> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

public sealed record ImportPreview(IReadOnlyList<ImportRowCheck> Rows)
{
    public int ValidCount => Rows.Count(r => r.IsValid);
}

/// <summary>Commends staff members and units (one at a time or from a list), edits and deletes commendations.</summary>
public sealed class CommendationAdminService(PortalDbContext db, HtmlCleaner cleaner, ImageUploadService images, PortalClock clock)
{
    public const int PageSize = 30;

    /// <summary>Columns of a bulk list: name, unit, award type, decision number, decision date, achievement.</summary>
    public const int ImportColumns = 6;

    public async Task<PagedList<CommendationRow>> ListAsync(CommendationAdminFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = HonorService.Matching(db.Commendations.AsNoTracking(), new HonorFilter(filter.Year, filter.AwardTypeId, filter.UnitId, filter.Kind));

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(c => c.Year).ThenByDescending(c => c.DecidedOn).ThenByDescending(c => c.Id)
            .Skip((filter.Page - 1) * PageSize).Take(PageSize)
            .Select(c => new CommendationRow(
                c.Id, c.RecipientKind,
                c.RecipientKind == RecipientKind.Individual ? c.StaffMember!.FullName : c.Unit!.Name,
                c.RecipientKind == RecipientKind.Individual ? c.StaffMember!.Unit!.Name : string.Empty,
                c.AwardType!.Name, c.Year, c.DecisionNumber, c.DecidedOn, c.IsFeatured))
            .ToListAsync(cancellationToken);
        return new PagedList<CommendationRow>(items, filter.Page, PageSize, total);
    }

    public async Task<CommendationFormOptions> OptionsAsync(CancellationToken cancellationToken = default)
    {
        var awards = await db.AwardTypes.AsNoTracking().OrderBy(a => a.Category).ThenBy(a => a.SortOrder).ThenBy(a => a.Name)
            .Select(a => new AwardTypeOption(a.Id, a.Name, a.RecipientKind, a.IsActive)).ToListAsync(cancellationToken);
        var staff = await db.StaffMembers.AsNoTracking().OrderBy(s => s.NameSortKey)
            .Select(s => new FilterOption(s.Id.ToString(), s.FullName + " – " + s.Unit!.Name)).ToListAsync(cancellationToken);
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Kind).ThenBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new FilterOption(u.Id.ToString(), u.Name)).ToListAsync(cancellationToken);
        var campaigns = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.Id)
            .Select(c => new FilterOption(c.Id.ToString(), c.Title)).ToListAsync(cancellationToken);
        var fields = await db.Fields.AsNoTracking().OrderBy(f => f.SortOrder)
            .Select(f => new FilterOption(f.Id.ToString(), f.Name)).ToListAsync(cancellationToken);
        var years = await db.Commendations.AsNoTracking().Select(c => c.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);
        return new CommendationFormOptions(awards, staff, units, campaigns, fields, years);
    }

    public async Task<CommendationDetails?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var c = await db.Commendations.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id, x.Version, x.AwardTypeId, x.RecipientKind, x.StaffMemberId, x.UnitId, x.Year, x.DecisionNumber, x.DecidedOn,
                x.DecidedBy, x.Achievement, x.CampaignId, x.FieldId, x.IsFeatured, x.Story, x.PhotoId,
                Recipient = x.RecipientKind == RecipientKind.Individual ? x.StaffMember!.FullName : x.Unit!.Name,
                Award = x.AwardType!.Name,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (c is null)
        {
            return null;
        }

        var form = new CommendationForm
        {
            AwardTypeId = c.AwardTypeId, Kind = c.RecipientKind, StaffMemberId = c.StaffMemberId, UnitId = c.UnitId, Year = c.Year,
            DecisionNumber = c.DecisionNumber, DecidedOn = c.DecidedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            DecidedBy = c.DecidedBy, Achievement = c.Achievement, CampaignId = c.CampaignId, FieldId = c.FieldId,
            IsFeatured = c.IsFeatured, Story = c.Story, Version = c.Version,
        };
        return new CommendationDetails(c.Id, form, c.PhotoId, c.Recipient, c.Award);
    }

    public Task<ServiceResult> CreateAsync(CommendationForm form, UploadedFile? photo, CancellationToken cancellationToken = default) =>
        SaveAsync(null, form, photo, cancellationToken);

    public Task<ServiceResult> UpdateAsync(int id, CommendationForm form, UploadedFile? photo, CancellationToken cancellationToken = default) =>
        SaveAsync(id, form, photo, cancellationToken);

    /// <summary>
    /// Why a commendation cannot be deleted here, or null: one granted by a decision of the proposal workflow is
    /// withdrawn only by cancelling that decision.
    /// </summary>
    public async Task<ServiceError?> DeleteRefusalAsync(int id, CancellationToken cancellationToken = default)
    {
        var number = await db.Commendations.AsNoTracking().Where(c => c.Id == id && c.AwardDecisionId != null)
            .Select(c => c.AwardDecision!.Number).FirstOrDefaultAsync(cancellationToken);
        return number is null ? null : new ServiceError(string.Empty, "Decisions.CommendationFromDecision", number);
    }

    /// <summary>Deletes; false when there is no such commendation or it was granted by a workflow decision (see <see cref="DeleteRefusalAsync"/>).</summary>
    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var commendation = await db.Commendations.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (commendation is null || commendation.AwardDecisionId is not null)
        {
            return false;
        }

        db.Commendations.Remove(commendation);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Checks every row of a bulk list against the catalogues, the staff list and what is already stored. Saves nothing.</summary>
    public async Task<ImportPreview> PreviewAsync(IReadOnlyList<string[]> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken);
        var unitByName = units.GroupBy(u => u.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var staff = await db.StaffMembers.AsNoTracking().Select(s => new { s.Id, s.FullName, s.UnitId }).ToListAsync(cancellationToken);
        var staffByKey = staff.GroupBy(s => (s.UnitId, s.FullName)).ToDictionary(g => g.Key, g => g.Select(s => s.Id).ToList());
        var awards = await db.AwardTypes.AsNoTracking().Where(a => a.IsActive).ToListAsync(cancellationToken);
        var awardByName = awards.GroupBy(a => a.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var existing = (await db.Commendations.AsNoTracking()
                .Select(c => new { c.RecipientKind, c.StaffMemberId, c.UnitId, c.AwardTypeId, c.Year }).ToListAsync(cancellationToken))
            .Select(c => (c.RecipientKind, c.RecipientKind == RecipientKind.Individual ? c.StaffMemberId!.Value : c.UnitId!.Value, c.AwardTypeId, c.Year))
            .ToHashSet();

        var seen = new Dictionary<(RecipientKind, int, int, int), int>();
        var checks = new List<ImportRowCheck>(rows.Count);
        for (var index = 0; index < rows.Count; index++)
        {
            var line = index + 1;
            var cells = rows[index].Select(TabularInput.Clean).ToArray();
            var (name, unitName, awardName, decision, dateText, achievement) = (cells[0], cells[1], cells[2], cells[3], cells[4], cells[5]);
            var problems = new List<ServiceError>();
            RecipientKind? kind = null;
            int? recipientId = null;

            if (name.Length == 0)
            {
                problems.Add(new ServiceError("Name", "Import.MissingName"));
            }
            else if (unitByName.TryGetValue(name, out var collectiveId) && (unitName.Length == 0 || unitName == name))
            {
                kind = RecipientKind.Collective;
                recipientId = collectiveId;
            }
            else if (unitName.Length == 0)
            {
                problems.Add(new ServiceError("Unit", "Import.MissingUnit", name));
            }
            else if (!unitByName.TryGetValue(unitName, out var unitId))
            {
                problems.Add(new ServiceError("Unit", "Import.UnknownUnit", unitName));
            }
            else if (!staffByKey.TryGetValue((unitId, name), out var ids))
            {
                problems.Add(new ServiceError("Name", "Import.UnknownPerson", name, unitName));
            }
            else if (ids.Count > 1)
            {
                problems.Add(new ServiceError("Name", "Import.AmbiguousPerson", name, unitName));
            }
            else
            {
                kind = RecipientKind.Individual;
                recipientId = ids[0];
            }

            AwardType? award = null;
            if (awardName.Length == 0 || !awardByName.TryGetValue(awardName, out award))
            {
                problems.Add(new ServiceError("Award", "Import.UnknownAward", awardName));
            }
            else if (kind is { } k && !award.Accepts(k))
            {
                problems.Add(new ServiceError("Award", k == RecipientKind.Individual ? "Honors.KindMismatchPerson" : "Honors.KindMismatchUnit", award.Name));
            }

            if (decision.Length == 0)
            {
                problems.Add(new ServiceError("Decision", "Import.MissingDecision"));
            }
            else if (decision.Length > 64)
            {
                problems.Add(new ServiceError("Decision", "Honors.TooLong", 64));
            }

            var date = TabularInput.ParseDate(dateText);
            if (date is null)
            {
                problems.Add(new ServiceError("Date", "Import.BadDate", dateText));
            }

            if (achievement.Length > 2000)
            {
                problems.Add(new ServiceError("Achievement", "Honors.TooLong", 2000));
            }

            if (kind is { } rk && recipientId is { } rid && award is not null && date is { } d)
            {
                var key = (rk, rid, award.Id, d.Year);
                if (existing.Contains(key))
                {
                    problems.Add(new ServiceError(string.Empty, "Import.DuplicateExisting", award.Name, d.Year));
                }
                else if (seen.TryGetValue(key, out var firstLine))
                {
                    problems.Add(new ServiceError(string.Empty, "Import.DuplicateInList", firstLine));
                }
                else
                {
                    seen[key] = line;
                }
            }

            checks.Add(new ImportRowCheck(line, cells, kind, problems));
        }

        return new ImportPreview(checks);
    }

    /// <summary>Re-checks the rows, then saves the valid ones in one transaction. Returns how many were saved.</summary>
    public async Task<(ImportPreview Preview, ServiceResult Result)> ImportAsync(
        IReadOnlyList<string[]> rows, string? decidedBy, CancellationToken cancellationToken = default)
    {
        var authority = TabularInput.Clean(decidedBy);
        var preview = await PreviewAsync(rows, cancellationToken);
        if (authority.Length == 0 || authority.Length > 200)
        {
            return (preview, ServiceResult.Fail(new ServiceError("DecidedBy", authority.Length == 0 ? "Honors.DecidedByRequired" : "Honors.TooLong", 200)));
        }

        if (preview.ValidCount == 0)
        {
            return (preview, ServiceResult.Fail(new ServiceError(string.Empty, "Import.NothingValid")));
        }

        var awards = await db.AwardTypes.ToDictionaryAsync(a => a.Name, StringComparer.Ordinal, cancellationToken);
        var units = await db.Units.ToDictionaryAsync(u => u.Name, StringComparer.Ordinal, cancellationToken);
        var now = clock.UtcNow;
        var staffRows = preview.Rows.Where(r => r.IsValid && r.Kind == RecipientKind.Individual).ToList();
        var staff = staffRows.Count == 0 ? [] : await db.StaffMembers.Include(s => s.Unit).ToListAsync(cancellationToken);
        foreach (var row in preview.Rows.Where(r => r.IsValid))
        {
            var cells = row.Cells;
            var award = awards[cells[2]];
            var date = TabularInput.ParseDate(cells[4])!.Value;
            var commendation = new Commendation
            {
                Year = date.Year, DecisionNumber = cells[3], DecidedOn = date, DecidedBy = authority, Achievement = cells[5], CreatedAt = now,
            };
            if (row.Kind == RecipientKind.Collective)
            {
                commendation.AwardTo(award, units[cells[0]]);
            }
            else
            {
                var person = staff.Single(s => s.FullName == cells[0] && s.Unit!.Name == cells[1]);
                commendation.AwardTo(award, person);
            }

            db.Commendations.Add(commendation);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (preview, ServiceResult.Ok(preview.ValidCount));
    }

    private async Task<ServiceResult> SaveAsync(int? id, CommendationForm form, UploadedFile? photo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        Commendation? commendation = null;
        if (id is { } existingId)
        {
            commendation = await db.Commendations.FirstOrDefaultAsync(c => c.Id == existingId, cancellationToken);
            if (commendation is null)
            {
                return ServiceResult.Fail(new ServiceError(string.Empty, "Honors.NotFound"));
            }
        }

        var errors = new List<ServiceError>();
        var decisionNumber = TabularInput.Clean(form.DecisionNumber);
        var decidedBy = TabularInput.Clean(form.DecidedBy);
        var achievement = VietnameseText.Normalize(form.Achievement);
        var decidedOn = TabularInput.ParseDate(form.DecidedOn);
        Required(errors, nameof(form.DecisionNumber), decisionNumber, 64, "Honors.DecisionNumberRequired");
        Required(errors, nameof(form.DecidedBy), decidedBy, 200, "Honors.DecidedByRequired");
        if (achievement.Length > 2000)
        {
            errors.Add(new ServiceError(nameof(form.Achievement), "Honors.TooLong", 2000));
        }

        if (decidedOn is null)
        {
            errors.Add(new ServiceError(nameof(form.DecidedOn), "Honors.DecidedOnInvalid"));
        }

        var maxYear = clock.Today.Year + 1;
        if (form.Year is not { } year || year < 1945 || year > maxYear)
        {
            errors.Add(new ServiceError(nameof(form.Year), "Honors.YearRange", 1945, maxYear));
            year = 0;
        }

        var award = form.AwardTypeId is { } awardTypeId ? await db.AwardTypes.FirstOrDefaultAsync(a => a.Id == awardTypeId, cancellationToken) : null;
        if (award is null || (!award.IsActive && award.Id != commendation?.AwardTypeId))
        {
            errors.Add(new ServiceError(nameof(form.AwardTypeId), "Honors.AwardTypeRequired"));
        }

        StaffMember? person = null;
        Unit? unit = null;
        if (form.Kind == RecipientKind.Individual)
        {
            person = form.StaffMemberId is { } staffId ? await db.StaffMembers.FirstOrDefaultAsync(s => s.Id == staffId, cancellationToken) : null;
            if (person is null)
            {
                errors.Add(new ServiceError(nameof(form.StaffMemberId), "Honors.PersonRequired"));
            }
        }
        else if (form.Kind == RecipientKind.Collective)
        {
            unit = form.UnitId is { } unitId ? await db.Units.FirstOrDefaultAsync(u => u.Id == unitId, cancellationToken) : null;
            if (unit is null)
            {
                errors.Add(new ServiceError(nameof(form.UnitId), "Honors.UnitRequired"));
            }
        }
        else
        {
            errors.Add(new ServiceError(nameof(form.Kind), "Honors.KindRequired"));
        }

        if (award is not null && form.Kind is RecipientKind.Individual or RecipientKind.Collective && !award.Accepts(form.Kind))
        {
            errors.Add(new ServiceError(nameof(form.AwardTypeId), form.Kind == RecipientKind.Individual ? "Honors.KindMismatchPerson" : "Honors.KindMismatchUnit", award.Name));
        }

        if (form.CampaignId is { } campaignId && !await db.Campaigns.AnyAsync(c => c.Id == campaignId, cancellationToken))
        {
            errors.Add(new ServiceError(nameof(form.CampaignId), "Honors.UnknownCampaign"));
        }

        if (form.FieldId is { } fieldId && !await db.Fields.AnyAsync(f => f.Id == fieldId, cancellationToken))
        {
            errors.Add(new ServiceError(nameof(form.FieldId), "Honors.UnknownField"));
        }

        var story = form.IsFeatured ? cleaner.Clean(form.Story) : string.Empty;
        if (form.IsFeatured && string.IsNullOrWhiteSpace(story))
        {
            errors.Add(new ServiceError(nameof(form.Story), "Honors.StoryRequired"));
        }

        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        StoredFile? stored = null;
        if (photo is not null)
        {
            var (file, error) = await images.StoreAsync(photo, "Photo", ImageProcessor.PhotoMaxSize, keepTransparency: false, cancellationToken);
            if (error is not null)
            {
                return ServiceResult.Fail(error);
            }

            stored = file;
        }

        if (commendation is null)
        {
            commendation = new Commendation { CreatedAt = clock.UtcNow };
            db.Commendations.Add(commendation);
        }
        else
        {
            db.ExpectVersion(commendation, form.Version);
        }

        if (person is not null)
        {
            commendation.AwardTo(award!, person);
        }
        else
        {
            commendation.AwardTo(award!, unit!);
        }

        commendation.Year = year;
        commendation.DecisionNumber = decisionNumber;
        commendation.DecidedOn = decidedOn!.Value;
        commendation.DecidedBy = decidedBy;
        commendation.Achievement = achievement;
        commendation.CampaignId = form.CampaignId;
        commendation.FieldId = form.FieldId;
        commendation.IsFeatured = form.IsFeatured;
        commendation.Story = story;
        if (stored is not null)
        {
            commendation.Photo = stored;
        }
        else if (form.RemovePhoto)
        {
            commendation.PhotoId = null;
        }

        var warnings = await DuplicateWarningsAsync(commendation, award!, cancellationToken);
        var conflict = await db.SaveOrConflictAsync(cancellationToken);
        return conflict is null ? ServiceResult.Ok(commendation.Id, warnings) : ServiceResult.NotSaved(conflict);
    }

    private async Task<List<ServiceError>> DuplicateWarningsAsync(Commendation commendation, AwardType award, CancellationToken cancellationToken)
    {
        var others = db.Commendations.AsNoTracking().Where(c => c.Id != commendation.Id && c.AwardTypeId == award.Id && c.Year == commendation.Year);
        others = commendation.RecipientKind == RecipientKind.Individual
            ? others.Where(c => c.StaffMemberId == commendation.StaffMemberId)
            : others.Where(c => c.UnitId == commendation.UnitId);
        var numbers = await others.Select(c => c.DecisionNumber).ToListAsync(cancellationToken);
        return numbers.Count == 0
            ? []
            : [new ServiceError(string.Empty, "Honors.DuplicateWarning", award.Name, commendation.Year, string.Join(", ", numbers))];
    }

    private static void Required(List<ServiceError> errors, string field, string value, int max, string requiredCode)
    {
        if (value.Length == 0)
        {
            errors.Add(new ServiceError(field, requiredCode));
        }
        else if (value.Length > max)
        {
            errors.Add(new ServiceError(field, "Honors.TooLong", max));
        }
    }
}
