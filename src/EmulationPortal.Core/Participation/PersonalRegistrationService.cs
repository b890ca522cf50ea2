using EmulationPortal.Common;
using EmulationPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Participation;

/// <summary>
/// A launched campaign as one staff member sees personal registration on its public page. <see cref="ClosedCode"/> is null
/// while the person may register or edit; otherwise a resource key saying why not. <see cref="StaffName"/> is null when
/// the account is linked to no (existing) staff member.
/// </summary>
public sealed record PersonalRegistrationPanel(
    int CampaignId, string Slug, string Title, DateOnly? RegistrationDeadline, bool AllowsPersonalRegistration, string? ClosedCode,
    int? StaffMemberId, string? StaffName, IReadOnlyList<IndicatorRow> Indicators, WorkspaceRegistration? Registration)
{
    public bool IsOpen => ClosedCode is null;
}

/// <summary>Đăng ký thi đua cá nhân: a staff member registers personally for a campaign whose settings allow it.</summary>
public sealed class PersonalRegistrationService(PortalDbContext db, PortalClock clock)
{
    public const string NotAllowed = "Registration.PersonalNotAllowed";

    public const string CampaignEnded = "Registration.CampaignEnded";

    public const string DeadlinePassed = "Registration.DeadlinePassed";

    /// <summary>The published campaign with this slug, as the staff member sees it; null when there is no such campaign.</summary>
    public async Task<PersonalRegistrationPanel?> PanelAsync(string slug, int? staffMemberId, CancellationToken cancellationToken = default)
    {
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Slug == slug && c.IsPublished)
            .Select(c => new
            {
                c.Id, c.Slug, c.Title, c.EndsOn,
                Settings = db.ParticipationSettings.Where(s => s.CampaignId == c.Id)
                    .Select(s => new { s.AllowsPersonalRegistration, s.RegistrationDeadline }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var today = clock.Today;
        var allows = campaign.Settings?.AllowsPersonalRegistration ?? false;
        var deadline = campaign.Settings?.RegistrationDeadline;
        var closed = !allows ? NotAllowed
            : campaign.EndsOn is { } end && today > end ? CampaignEnded
            : deadline is { } d && today > d ? DeadlinePassed
            : null;

        var staff = staffMemberId is { } staffId
            ? await db.StaffMembers.AsNoTracking().Where(s => s.Id == staffId).Select(s => new { s.Id, s.FullName }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var registration = staff is null ? null : await db.Registrations.AsNoTracking()
            .Where(r => r.CampaignId == campaign.Id && r.StaffMemberId == staff.Id)
            .Select(r => new { r.Id, r.Version, r.Commitments, r.RegisteredAt, r.UpdatedAt, Targets = r.Targets.Select(t => new { t.IndicatorId, t.Value }).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        var indicators = allows
            ? await db.CampaignIndicators.AsNoTracking().Where(i => i.CampaignId == campaign.Id).OrderBy(i => i.SortOrder).ThenBy(i => i.Id)
                .Select(i => new IndicatorRow(i.Id, i.Version, i.Name, i.MeasureUnit, i.SortOrder)).ToListAsync(cancellationToken)
            : [];

        return new PersonalRegistrationPanel(
            campaign.Id, campaign.Slug, campaign.Title, deadline, allows, closed, staff?.Id, staff?.FullName, indicators,
            registration is null ? null : new WorkspaceRegistration(
                registration.Id, registration.Version, registration.Commitments, registration.RegisteredAt, registration.UpdatedAt,
                registration.Targets.ToDictionary(t => t.IndicatorId, t => t.Value)));
    }

    /// <summary>
    /// Registers the staff member for the campaign, or edits their registration while registration is open. Null when the
    /// campaign is not published; refused with a message when personal registration is not allowed or has closed.
    /// </summary>
    public async Task<ServiceResult?> RegisterAsync(
        string slug, int staffMemberId, string? userId, int version, RegistrationInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var panel = await PanelAsync(slug, staffMemberId, cancellationToken);
        if (panel is null)
        {
            return null;
        }

        if (panel.StaffMemberId is null)
        {
            return ServiceResult.Fail(new ServiceError(string.Empty, "Registration.NoStaffMember"));
        }

        if (panel.ClosedCode is { } closed)
        {
            return ServiceResult.Fail(new ServiceError(string.Empty, closed, panel.RegistrationDeadline is { } d ? VietnameseDate.Display(d) : string.Empty));
        }

        var errors = new List<ServiceError>();
        var commitments = VietnameseText.Normalize(input.Commitments).Trim();
        ContentRules.Text(errors, "Commitments", commitments, ParticipationRules.CommitmentsMaxLength, true, "Registration.Commitments");

        // A person's targets are not capped by a unit's staff count; the absurd-value check still applies.
        var targets = ParticipationRules.Figures(errors, input.Targets, panel.Indicators.Select(i => (i.Id, i.Name, i.MeasureUnit)), "Targets", null);
        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        var now = clock.UtcNow;
        var registration = await db.Registrations.Include(r => r.Targets)
            .FirstOrDefaultAsync(r => r.CampaignId == panel.CampaignId && r.StaffMemberId == staffMemberId, cancellationToken);
        if (registration is null)
        {
            registration = new Registration
            {
                CampaignId = panel.CampaignId, StaffMemberId = staffMemberId, RegisteredAt = now, RegisteredByUserId = userId,
            };
            RegistrationService.Apply(registration, commitments, targets, now);
            db.Registrations.Add(registration);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same person registered at the same moment from another tab (unique campaign + staff member).
                return ServiceResult.Fail(new ServiceError(string.Empty, "Registration.PersonalAlreadyRegistered"));
            }

            return ServiceResult.Ok(registration.Id);
        }

        RegistrationService.Apply(registration, commitments, targets, now);
        db.ExpectVersion(registration, version);
        db.Entry(registration).Property(r => r.Version).IsModified = true;
        var conflict = await db.SaveOrConflictAsync(cancellationToken);
        return conflict is null ? ServiceResult.Ok(registration.Id) : ServiceResult.NotSaved(conflict);
    }
}
