using EmulationPortal.Common;
using EmulationPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Participation;

public sealed record WorkspaceCampaign(
    int Id, string Title, DateOnly StartsOn, DateOnly? EndsOn, bool RegistrationExpected, DateOnly? RegistrationDeadline, bool Registered, int Rounds);

public sealed record WorkspaceRound(int Id, string Name, ReportKind Kind, DateOnly DueOn, bool IsLocked, int? ReportId, DateOnly? SubmittedOn, RoundStatus Status);

public sealed record WorkspaceRegistration(int Id, int Version, string Commitments, DateTime RegisteredAt, DateTime UpdatedAt, IReadOnlyDictionary<int, decimal> Targets);

/// <summary>One campaign as a unit reporter sees it: may the unit register now, its registration, the rounds and where the unit stands.</summary>
public sealed record WorkspaceCampaignDetail(
    int Id, string Title, DateOnly StartsOn, DateOnly? EndsOn, bool RegistrationExpected, DateOnly? RegistrationDeadline,
    bool IsExpected, string? RegistrationClosedCode, WorkspaceRegistration? Registration,
    IReadOnlyList<IndicatorRow> Indicators, IReadOnlyList<WorkspaceRound> Rounds);

/// <summary>Đăng ký thi đua of a unit, by its unit reporter.</summary>
public sealed class RegistrationService(PortalDbContext db, PortalClock clock)
{
    /// <summary>The unit's name; null when the unit does not exist.</summary>
    public async Task<string?> UnitNameAsync(int unitId, CancellationToken cancellationToken = default) =>
        await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Launched campaigns not yet ended that expect the unit (explicitly, or every active unit when none is named).</summary>
    public async Task<IReadOnlyList<WorkspaceCampaign>> OpenCampaignsAsync(int unitId, CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        var unitActive = await db.Units.AnyAsync(u => u.Id == unitId && u.IsActive, cancellationToken);
        return await db.ParticipationSettings.AsNoTracking()
            .Where(s => s.Campaign!.IsPublished && (s.Campaign.EndsOn == null || s.Campaign.EndsOn >= today)
                && (s.ExpectedUnits.Any(u => u.Id == unitId) || (!s.ExpectedUnits.Any() && unitActive)))
            .OrderBy(s => s.Campaign!.StartsOn).ThenBy(s => s.CampaignId)
            .Select(s => new WorkspaceCampaign(
                s.CampaignId, s.Campaign!.Title, s.Campaign.StartsOn, s.Campaign.EndsOn, s.RegistrationExpected, s.RegistrationDeadline,
                db.Registrations.Any(r => r.CampaignId == s.CampaignId && r.UnitId == unitId),
                db.ReportRounds.Count(r => r.CampaignId == s.CampaignId)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>A launched campaign with participation settings, as the unit sees it; null when there is no such campaign.</summary>
    public async Task<WorkspaceCampaignDetail?> CampaignAsync(int campaignId, int unitId, CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        var campaign = await db.ParticipationSettings.AsNoTracking()
            .Where(s => s.CampaignId == campaignId && s.Campaign!.IsPublished)
            .Select(s => new { s.CampaignId, s.Campaign!.Title, s.Campaign.StartsOn, s.Campaign.EndsOn, s.RegistrationExpected, s.RegistrationDeadline })
            .FirstOrDefaultAsync(cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var expected = await ParticipationRules.ExpectsUnitAsync(db, campaignId, unitId, cancellationToken);
        var registration = await db.Registrations.AsNoTracking().Where(r => r.CampaignId == campaignId && r.UnitId == unitId)
            .Select(r => new { r.Id, r.Version, r.Commitments, r.RegisteredAt, r.UpdatedAt, Targets = r.Targets.Select(t => new { t.IndicatorId, t.Value }).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        var rounds = await db.ReportRounds.AsNoTracking().Where(r => r.CampaignId == campaignId).OrderBy(r => r.DueOn).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id, r.Name, r.Kind, r.DueOn, r.IsLocked,
                Report = db.ProgressReports.Where(p => p.RoundId == r.Id && p.UnitId == unitId).Select(p => new { p.Id, p.SubmittedOn }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var indicators = await db.CampaignIndicators.AsNoTracking().Where(i => i.CampaignId == campaignId).OrderBy(i => i.SortOrder).ThenBy(i => i.Id)
            .Select(i => new IndicatorRow(i.Id, i.Version, i.Name, i.MeasureUnit, i.SortOrder)).ToListAsync(cancellationToken);
        return new WorkspaceCampaignDetail(
            campaign.CampaignId, campaign.Title, campaign.StartsOn, campaign.EndsOn, campaign.RegistrationExpected, campaign.RegistrationDeadline,
            expected, ClosedCode(expected, campaign.EndsOn, campaign.RegistrationDeadline, today),
            registration is null ? null : new WorkspaceRegistration(
                registration.Id, registration.Version, registration.Commitments, registration.RegisteredAt, registration.UpdatedAt,
                registration.Targets.ToDictionary(t => t.IndicatorId, t => t.Value)),
            indicators,
            rounds.Select(r => new WorkspaceRound(
                r.Id, r.Name, r.Kind, r.DueOn, r.IsLocked, r.Report?.Id, r.Report?.SubmittedOn,
                ReportTiming.StatusOf(r.DueOn, r.Report?.SubmittedOn, today))).ToList());
    }

    /// <summary>
    /// Registers the unit (or edits its registration while registration is open). Null when the campaign is not there for
    /// units; refused with a message when the unit is not expected or the deadline has passed.
    /// </summary>
    public async Task<ServiceResult?> RegisterAsync(int campaignId, int unitId, string? userId, int version, RegistrationInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var detail = await CampaignAsync(campaignId, unitId, cancellationToken);
        if (detail is null)
        {
            return null;
        }

        if (detail.RegistrationClosedCode is { } closed)
        {
            return ServiceResult.Fail(new ServiceError(string.Empty, closed, detail.RegistrationDeadline is { } d ? VietnameseDate.Display(d) : string.Empty));
        }

        var errors = new List<ServiceError>();
        var commitments = VietnameseText.Normalize(input.Commitments).Trim();
        ContentRules.Text(errors, "Commitments", commitments, ParticipationRules.CommitmentsMaxLength, true, "Registration.Commitments");
        var targets = ParticipationRules.Figures(
            errors, input.Targets, detail.Indicators.Select(i => (i.Id, i.Name, i.MeasureUnit)), "Targets",
            await ParticipationRules.PeopleLimitAsync(db, unitId, cancellationToken));
        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        var now = clock.UtcNow;
        var registration = await db.Registrations.Include(r => r.Targets).FirstOrDefaultAsync(r => r.CampaignId == campaignId && r.UnitId == unitId, cancellationToken);
        if (registration is null)
        {
            registration = new Registration { CampaignId = campaignId, UnitId = unitId, RegisteredAt = now, RegisteredByUserId = userId };
            Apply(registration, commitments, targets, now);
            db.Registrations.Add(registration);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another reporter of the same unit registered at the same moment (unique campaign + unit).
                return ServiceResult.Fail(new ServiceError(string.Empty, "Registration.AlreadyRegistered"));
            }

            return ServiceResult.Ok(registration.Id);
        }

        Apply(registration, commitments, targets, now);
        db.ExpectVersion(registration, version);
        db.Entry(registration).Property(r => r.Version).IsModified = true;
        var conflict = await db.SaveOrConflictAsync(cancellationToken);
        return conflict is null ? ServiceResult.Ok(registration.Id) : ServiceResult.NotSaved(conflict);
    }

    internal static void Apply(Registration registration, string commitments, Dictionary<int, decimal> targets, DateTime now)
    {
        registration.Commitments = commitments;
        registration.UpdatedAt = now;
        foreach (var stale in registration.Targets.Where(t => !targets.ContainsKey(t.IndicatorId)).ToList())
        {
            registration.Targets.Remove(stale);
        }

        foreach (var (indicatorId, value) in targets)
        {
            var target = registration.Targets.FirstOrDefault(t => t.IndicatorId == indicatorId);
            if (target is null)
            {
                registration.Targets.Add(new RegistrationTarget { IndicatorId = indicatorId, Value = value });
            }
            else
            {
                target.Value = value;
            }
        }
    }

    private static string? ClosedCode(bool expected, DateOnly? endsOn, DateOnly? deadline, DateOnly today) =>
        !expected ? "Registration.NotExpected"
        : endsOn is { } end && today > end ? "Registration.CampaignEnded"
        : deadline is { } d && today > d ? "Registration.DeadlinePassed"
        : null;
}
