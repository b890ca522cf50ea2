using EmulationPortal.Common;
using EmulationPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Participation;

public sealed record ParticipationCampaignRow(int Id, string Title, DateOnly StartsOn, DateOnly? EndsOn, bool IsPublished, bool Configured, int Registrations, int Rounds);

public sealed record ParticipationSettingsData(int Version, bool RegistrationExpected, DateOnly? RegistrationDeadline, bool AllowsPersonalRegistration, IReadOnlyList<int> ExpectedUnitIds);

public sealed record IndicatorRow(int Id, int Version, string Name, string MeasureUnit, int SortOrder);

public sealed record RoundRow(int Id, int Version, string Name, ReportKind Kind, DateOnly DueOn, bool IsLocked, int Reports);

public sealed record RegistrationRow(int Id, string Registrant, bool IsPersonal, string Commitments, DateTime RegisteredAt, DateTime UpdatedAt);

public sealed record UnitOption(int Id, string Name, bool IsActive);

public sealed record ParticipationOverview(
    int CampaignId, string Title, DateOnly StartsOn, DateOnly? EndsOn, ParticipationSettingsData? Settings,
    IReadOnlyList<IndicatorRow> Indicators, IReadOnlyList<RoundRow> Rounds, IReadOnlyList<RegistrationRow> Registrations, IReadOnlyList<UnitOption> Units);

public sealed record SettingsInput(bool RegistrationExpected, DateOnly? RegistrationDeadline, bool AllowsPersonalRegistration, IReadOnlyCollection<int>? ExpectedUnitIds);

public sealed record IndicatorInput(string? Name, string? MeasureUnit, int SortOrder);

public sealed record RoundInput(string? Name, ReportKind Kind, DateOnly? DueOn);

public sealed record RegistrationEditData(
    int Id, int Version, int CampaignId, string CampaignTitle, string Registrant, string Commitments,
    IReadOnlyList<IndicatorRow> Indicators, IReadOnlyDictionary<int, decimal> Targets);

public sealed record RegistrationInput(string? Commitments, IReadOnlyDictionary<int, string?>? Targets);

/// <summary>The Office's side of participation: settings, indicators, report rounds and every registration of a campaign.</summary>
public sealed class ParticipationAdminService(PortalDbContext db, PortalClock clock)
{
    public const int PageSize = 20;

    public async Task<PagedList<ParticipationCampaignRow>> ListCampaignsAsync(int page, CancellationToken cancellationToken = default)
    {
        var total = await db.Campaigns.CountAsync(cancellationToken);
        var items = await db.Campaigns.AsNoTracking()
            .OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(c => new ParticipationCampaignRow(
                c.Id, c.Title, c.StartsOn, c.EndsOn, c.IsPublished,
                db.ParticipationSettings.Any(s => s.CampaignId == c.Id),
                db.Registrations.Count(r => r.CampaignId == c.Id),
                db.ReportRounds.Count(r => r.CampaignId == c.Id)))
            .ToListAsync(cancellationToken);
        return new PagedList<ParticipationCampaignRow>(items, page, PageSize, total);
    }

    public async Task<ParticipationOverview?> OverviewAsync(int campaignId, CancellationToken cancellationToken = default)
    {
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId)
            .Select(c => new { c.Id, c.Title, c.StartsOn, c.EndsOn }).FirstOrDefaultAsync(cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var settings = await db.ParticipationSettings.AsNoTracking().Where(s => s.CampaignId == campaignId)
            .Select(s => new ParticipationSettingsData(
                s.Version, s.RegistrationExpected, s.RegistrationDeadline, s.AllowsPersonalRegistration, s.ExpectedUnits.Select(u => u.Id).ToList()))
            .FirstOrDefaultAsync(cancellationToken);
        var registrations = await db.Registrations.AsNoTracking().Where(r => r.CampaignId == campaignId)
            .OrderBy(r => r.Unit!.SortOrder).ThenBy(r => r.Unit!.Name).ThenBy(r => r.Id)
            .Select(r => new RegistrationRow(
                r.Id, r.Unit != null ? r.Unit.Name : r.StaffMember!.FullName, r.UnitId == null, r.Commitments, r.RegisteredAt, r.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new ParticipationOverview(
            campaign.Id, campaign.Title, campaign.StartsOn, campaign.EndsOn, settings,
            await IndicatorsAsync(campaignId, cancellationToken),
            await db.ReportRounds.AsNoTracking().Where(r => r.CampaignId == campaignId).OrderBy(r => r.DueOn).ThenBy(r => r.Id)
                .Select(r => new RoundRow(r.Id, r.Version, r.Name, r.Kind, r.DueOn, r.IsLocked, db.ProgressReports.Count(p => p.RoundId == r.Id)))
                .ToListAsync(cancellationToken),
            registrations,
            await UnitOptionsAsync(cancellationToken));
    }

    public async Task<IReadOnlyList<UnitOption>> UnitOptionsAsync(CancellationToken cancellationToken = default) =>
        await db.Units.AsNoTracking().OrderBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new UnitOption(u.Id, u.Name, u.IsActive)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<IndicatorRow>> IndicatorsAsync(int campaignId, CancellationToken cancellationToken = default) =>
        await db.CampaignIndicators.AsNoTracking().Where(i => i.CampaignId == campaignId).OrderBy(i => i.SortOrder).ThenBy(i => i.Id)
            .Select(i => new IndicatorRow(i.Id, i.Version, i.Name, i.MeasureUnit, i.SortOrder)).ToListAsync(cancellationToken);

    /// <summary>Saves the campaign's participation settings (created on first save); null when the campaign does not exist.</summary>
    public async Task<ServiceResult?> SaveSettingsAsync(int campaignId, int version, SettingsInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, cancellationToken))
        {
            return null;
        }

        var errors = new List<ServiceError>();
        var unitIds = (input.ExpectedUnitIds ?? []).Distinct().ToList();
        var units = await db.Units.Where(u => unitIds.Contains(u.Id)).ToListAsync(cancellationToken);
        if (units.Count != unitIds.Count)
        {
            errors.Add(new ServiceError("ExpectedUnitIds", "Settings.UnknownUnit"));
        }

        if (input.RegistrationDeadline is { } deadline && !ContentRules.IsYearInRange(deadline))
        {
            errors.Add(new ServiceError("RegistrationDeadline", "Form.InvalidDate"));
        }

        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        var settings = await db.ParticipationSettings.Include(s => s.ExpectedUnits).FirstOrDefaultAsync(s => s.CampaignId == campaignId, cancellationToken);
        var isNew = settings is null;
        settings ??= db.ParticipationSettings.Add(new ParticipationSettings { CampaignId = campaignId }).Entity;
        settings.RegistrationExpected = input.RegistrationExpected;
        settings.RegistrationDeadline = input.RegistrationDeadline;
        settings.AllowsPersonalRegistration = input.AllowsPersonalRegistration;
        settings.ExpectedUnits.Clear();
        foreach (var unit in units)
        {
            settings.ExpectedUnits.Add(unit);
        }

        if (!isNew)
        {
            db.ExpectVersion(settings, version);
            db.Entry(settings).Property(s => s.Version).IsModified = true;
        }

        var conflict = await db.SaveOrConflictAsync(cancellationToken);
        return conflict is null ? ServiceResult.Ok(campaignId) : ServiceResult.NotSaved(conflict);
    }

    /// <summary>Creates (id null) or updates an indicator; null when the campaign or the indicator does not exist.</summary>
    public async Task<ServiceResult?> SaveIndicatorAsync(int campaignId, int? id, int version, IndicatorInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, cancellationToken))
        {
            return null;
        }

        var indicator = id is null ? new CampaignIndicator { CampaignId = campaignId }
            : await db.CampaignIndicators.FirstOrDefaultAsync(i => i.Id == id && i.CampaignId == campaignId, cancellationToken);
        if (indicator is null)
        {
            return null;
        }

        var name = VietnameseText.Normalize(input.Name).Trim();
        var measure = VietnameseText.Normalize(input.MeasureUnit).Trim();
        var errors = new List<ServiceError>();
        ContentRules.Text(errors, "Name", name, 200, true, "Indicator.Name");
        ContentRules.Text(errors, "MeasureUnit", measure, 50, false, "Indicator.MeasureUnit");
        if (input.SortOrder is < 0 or > 1000)
        {
            errors.Add(new ServiceError("SortOrder", "Indicator.OrderRange", 0, 1000));
        }

        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        indicator.Name = name;
        indicator.MeasureUnit = measure;
        indicator.SortOrder = input.SortOrder;
        if (id is null)
        {
            db.CampaignIndicators.Add(indicator);
            await db.SaveChangesAsync(cancellationToken);
            return ServiceResult.Ok(indicator.Id);
        }

        db.ExpectVersion(indicator, version);
        db.Entry(indicator).Property(i => i.Version).IsModified = true;
        var conflict = await db.SaveOrConflictAsync(cancellationToken);
        return conflict is null ? ServiceResult.Ok(indicator.Id) : ServiceResult.NotSaved(conflict);
    }

    /// <summary>Deletes an indicator no target or figure uses yet; null when unknown.</summary>
    public async Task<ServiceResult?> DeleteIndicatorAsync(int campaignId, int id, CancellationToken cancellationToken = default)
    {
        var indicator = await db.CampaignIndicators.FirstOrDefaultAsync(i => i.Id == id && i.CampaignId == campaignId, cancellationToken);
        if (indicator is null)
        {
            return null;
        }

        var used = await db.Set<RegistrationTarget>().CountAsync(t => t.IndicatorId == id, cancellationToken)
            + await db.Set<ProgressReportValue>().CountAsync(v => v.IndicatorId == id, cancellationToken);
        if (used > 0)
        {
            return ServiceResult.Fail(new ServiceError(string.Empty, "Indicator.InUse", used));
        }

        db.CampaignIndicators.Remove(indicator);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Ok(id);
    }

    public async Task<RoundRow?> GetRoundAsync(int campaignId, int id, CancellationToken cancellationToken = default) =>
        await db.ReportRounds.AsNoTracking().Where(r => r.Id == id && r.CampaignId == campaignId)
            .Select(r => new RoundRow(r.Id, r.Version, r.Name, r.Kind, r.DueOn, r.IsLocked, db.ProgressReports.Count(p => p.RoundId == r.Id)))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Creates (id null) or updates a round; its due date may not be before the campaign starts. Null when unknown.</summary>
    public async Task<ServiceResult?> SaveRoundAsync(int campaignId, int? id, int version, RoundInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => new { c.StartsOn }).FirstOrDefaultAsync(cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var round = id is null ? new ReportRound { CampaignId = campaignId }
            : await db.ReportRounds.FirstOrDefaultAsync(r => r.Id == id && r.CampaignId == campaignId, cancellationToken);
        if (round is null)
        {
            return null;
        }

        var name = VietnameseText.Normalize(input.Name).Trim();
        var errors = new List<ServiceError>();
        ContentRules.Text(errors, "Name", name, 200, true, "Round.Name");
        if (!Enum.IsDefined(input.Kind))
        {
            errors.Add(new ServiceError("Kind", "Round.KindRequired"));
        }

        if (input.DueOn is not { } dueOn)
        {
            errors.Add(new ServiceError("DueOn", "Round.DueOnRequired"));
        }
        else if (!ContentRules.IsYearInRange(dueOn))
        {
            errors.Add(new ServiceError("DueOn", "Form.InvalidDate"));
        }
        else if (dueOn < campaign.StartsOn)
        {
            errors.Add(new ServiceError("DueOn", "Round.DueBeforeStart", VietnameseDate.Display(campaign.StartsOn)));
        }

        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        round.Name = name;
        round.Kind = input.Kind;
        round.DueOn = input.DueOn!.Value;
        if (id is null)
        {
            round.SortOrder = await db.ReportRounds.CountAsync(r => r.CampaignId == campaignId, cancellationToken);
            db.ReportRounds.Add(round);
            await db.SaveChangesAsync(cancellationToken);
            return ServiceResult.Ok(round.Id);
        }

        db.ExpectVersion(round, version);
        db.Entry(round).Property(r => r.Version).IsModified = true;
        var conflict = await db.SaveOrConflictAsync(cancellationToken);
        return conflict is null ? ServiceResult.Ok(round.Id) : ServiceResult.NotSaved(conflict);
    }

    /// <summary>Locks (reports become final) or unlocks a round; false when unknown.</summary>
    public async Task<bool> SetRoundLockAsync(int campaignId, int id, bool locked, CancellationToken cancellationToken = default)
    {
        var round = await db.ReportRounds.FirstOrDefaultAsync(r => r.Id == id && r.CampaignId == campaignId, cancellationToken);
        if (round is null)
        {
            return false;
        }

        round.IsLocked = locked;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<RegistrationEditData?> GetRegistrationAsync(int id, CancellationToken cancellationToken = default)
    {
        var registration = await db.Registrations.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new
            {
                r.Id, r.Version, r.CampaignId, Campaign = r.Campaign!.Title,
                Registrant = r.Unit != null ? r.Unit.Name : r.StaffMember!.FullName, r.Commitments,
                Targets = r.Targets.Select(t => new { t.IndicatorId, t.Value }).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return registration is null ? null : new RegistrationEditData(
            registration.Id, registration.Version, registration.CampaignId, registration.Campaign, registration.Registrant, registration.Commitments,
            await IndicatorsAsync(registration.CampaignId, cancellationToken),
            registration.Targets.ToDictionary(t => t.IndicatorId, t => t.Value));
    }

    /// <summary>The Office corrects a registration's commitments and targets; null when unknown.</summary>
    public async Task<ServiceResult?> UpdateRegistrationAsync(int id, int version, RegistrationInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var registration = await db.Registrations.Include(r => r.Targets).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (registration is null)
        {
            return null;
        }

        var indicators = await IndicatorsAsync(registration.CampaignId, cancellationToken);
        var errors = new List<ServiceError>();
        var commitments = VietnameseText.Normalize(input.Commitments).Trim();
        ContentRules.Text(errors, "Commitments", commitments, ParticipationRules.CommitmentsMaxLength, true, "Registration.Commitments");
        var targets = ParticipationRules.Figures(errors, input.Targets, indicators.Select(i => (i.Id, i.Name, i.MeasureUnit)), "Targets", null);
        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        RegistrationService.Apply(registration, commitments, targets, clock.UtcNow);
        db.ExpectVersion(registration, version);
        db.Entry(registration).Property(r => r.Version).IsModified = true;
        var conflict = await db.SaveOrConflictAsync(cancellationToken);
        return conflict is null ? ServiceResult.Ok(id) : ServiceResult.NotSaved(conflict);
    }

    /// <summary>Deletes a registration with its targets; false when unknown.</summary>
    public async Task<bool> DeleteRegistrationAsync(int id, CancellationToken cancellationToken = default)
    {
        var registration = await db.Registrations.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (registration is null)
        {
            return false;
        }

        db.Registrations.Remove(registration);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
