using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Honors;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Proposals;

/// <summary>A nominee as the public consultation page shows it (and as the Office picks it).</summary>
public sealed record ConsultationNominee(int NomineeId, string Name, string? UnitName, RecipientKind RecipientKind, string AwardTypeName, string Achievement, string ProposingUnit);

/// <summary>A consultation with its nominees.</summary>
public sealed record ConsultationView(int Id, string Title, DateOnly StartsOn, DateOnly EndsOn, int Version, IReadOnlyList<ConsultationNominee> Nominees)
{
    public bool IsCurrent(DateOnly today) => StartsOn <= today && today <= EndsOn;
}

/// <summary>What the Office sends to open a consultation.</summary>
public sealed record OpenConsultationInput(string? Title, DateOnly? StartsOn, IReadOnlyList<int> NomineeIds);

/// <summary>
/// Lấy ý kiến: the Office publishes the nominees of award types that require it (proposals past appraisal) for
/// <see cref="ProposalSettings.ConsultationWorkingDays"/> working days, each with a link to the feedback form.
/// Working days are Monday to Friday; public holidays are not known to the portal and are counted as working days
/// (for a week with a holiday the Office chooses a later start date).
/// </summary>
public sealed class ConsultationService(PortalDbContext db, PortalClock clock)
{
    public const int MaxTitleLength = 300;

    /// <summary>Statuses a proposal has once appraisal is done and before the decision is issued.</summary>
    private static readonly ProposalStatus[] PastAppraisal = [ProposalStatus.Appraised, ProposalStatus.CouncilReview, ProposalStatus.AwaitingDecision];

    public static bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>
    /// The last day (inclusive) of a consultation of <paramref name="workingDays"/> working days that starts on
    /// <paramref name="start"/>; a start on a weekend counts from the Monday after. Friday + 5 ends on Thursday.
    /// </summary>
    public static DateOnly EndDate(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        var day = start;
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        for (var counted = 1; counted < workingDays; counted++)
        {
            day = day.AddDays(1);
            while (!IsWorkingDay(day))
            {
                day = day.AddDays(1);
            }
        }

        return day;
    }

    public async Task<int> WorkingDaysAsync(CancellationToken cancellationToken = default) =>
        await db.ProposalSettings.AsNoTracking().Where(s => s.Id == ProposalSettings.SingletonId).Select(s => (int?)s.ConsultationWorkingDays).FirstOrDefaultAsync(cancellationToken)
            ?? new ProposalSettings().ConsultationWorkingDays;

    private IQueryable<Nominee> Candidates() =>
        db.Nominees.Where(n =>
            n.ConsultationId == null
            && (n.Outcome == NomineeOutcome.Pending || n.Outcome == NomineeOutcome.Passed)
            && PastAppraisal.Contains(n.Proposal!.Status)
            && (n.AwardType!.Steps & ProposalSteps.Consultation) == ProposalSteps.Consultation);

    /// <summary>Nominees the Office may publish now: award types with a consultation, proposals past appraisal, not yet published.</summary>
    public Task<IReadOnlyList<ConsultationNominee>> CandidatesAsync(CancellationToken cancellationToken = default) =>
        ProjectAsync(Candidates(), cancellationToken);

    private static async Task<IReadOnlyList<ConsultationNominee>> ProjectAsync(IQueryable<Nominee> nominees, CancellationToken cancellationToken)
    {
        var rows = await nominees.AsNoTracking()
            .OrderBy(n => n.AwardType!.SortOrder).ThenBy(n => n.ProposalId).ThenBy(n => n.SortOrder)
            .Select(n => new ConsultationNominee(
                n.Id,
                n.StaffMember != null ? n.StaffMember.FullName : n.Unit!.Name,
                n.StaffMember != null ? n.StaffMember.Unit!.Name : null,
                n.RecipientKind,
                n.AwardType!.Name,
                n.Achievement,
                n.Proposal!.Unit!.Name))
            .ToListAsync(cancellationToken);
        return rows;
    }

    /// <summary>Consultations published today, newest first, with their nominees.</summary>
    public async Task<IReadOnlyList<ConsultationView>> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        return await ViewsAsync(db.Consultations.Where(c => c.StartsOn <= today && today <= c.EndsOn), cancellationToken);
    }

    /// <summary>Every consultation, newest first, for the Office.</summary>
    public Task<IReadOnlyList<ConsultationView>> AllAsync(CancellationToken cancellationToken = default) => ViewsAsync(db.Consultations, cancellationToken);

    private async Task<IReadOnlyList<ConsultationView>> ViewsAsync(IQueryable<Consultation> consultations, CancellationToken cancellationToken)
    {
        var heads = await consultations.AsNoTracking().OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id)
            .Select(c => new { c.Id, c.Title, c.StartsOn, c.EndsOn, c.Version }).ToListAsync(cancellationToken);
        var ids = heads.Select(h => h.Id).ToList();
        var nominees = await db.Nominees.AsNoTracking().Where(n => n.ConsultationId != null && ids.Contains(n.ConsultationId.Value))
            .Select(n => new { ConsultationId = n.ConsultationId!.Value, n.Id }).ToListAsync(cancellationToken);
        var nomineeIds = nominees.Select(n => n.Id).ToList();
        var shown = (await ProjectAsync(db.Nominees.Where(n => nomineeIds.Contains(n.Id)), cancellationToken)).ToDictionary(n => n.NomineeId);
        return heads.Select(h => new ConsultationView(
            h.Id, h.Title, h.StartsOn, h.EndsOn, h.Version,
            nominees.Where(n => n.ConsultationId == h.Id).Select(n => shown[n.Id]).ToList())).ToList();
    }

    /// <summary>A nominee listed in a consultation published today (the feedback form's subject); null otherwise.</summary>
    public async Task<ConsultationNominee?> CurrentNomineeAsync(int nomineeId, CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        var found = await ProjectAsync(
            db.Nominees.Where(n => n.Id == nomineeId && n.Consultation != null && n.Consultation.StartsOn <= today && today <= n.Consultation.EndsOn),
            cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>Publishes the chosen nominees from a start date (today or later) for the configured working days.</summary>
    public async Task<ServiceResult> OpenAsync(OpenConsultationInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<ServiceError>();
        var title = VietnameseText.Normalize(input.Title).Trim();
        if (title.Length == 0)
        {
            errors.Add(new ServiceError("Title", "Consultations.Error.TitleRequired"));
        }
        else if (title.Length > MaxTitleLength)
        {
            errors.Add(new ServiceError("Title", "Consultations.Error.TitleTooLong", MaxTitleLength));
        }

        var today = clock.Today;
        if (input.StartsOn is not { } startsOn)
        {
            errors.Add(new ServiceError("StartsOn", "Consultations.Error.StartRequired"));
            startsOn = today;
        }
        else if (startsOn < today)
        {
            errors.Add(new ServiceError("StartsOn", "Consultations.Error.StartInPast"));
        }

        var wanted = (input.NomineeIds ?? []).Distinct().ToList();
        var nominees = wanted.Count == 0 ? [] : await Candidates().Where(n => wanted.Contains(n.Id)).ToListAsync(cancellationToken);
        if (wanted.Count == 0)
        {
            errors.Add(new ServiceError("NomineeIds", "Consultations.Error.NoNominees"));
        }
        else if (nominees.Count != wanted.Count)
        {
            // Someone published or moved one of them since the page was opened.
            errors.Add(new ServiceError("NomineeIds", "Consultations.Error.NomineeNotEligible"));
        }

        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        var consultation = new Consultation
        {
            Title = title,
            StartsOn = startsOn,
            EndsOn = EndDate(startsOn, await WorkingDaysAsync(cancellationToken)),
            CreatedAt = clock.UtcNow,
        };
        db.Consultations.Add(consultation);
        foreach (var nominee in nominees)
        {
            nominee.Consultation = consultation;
        }

        var conflict = await db.SaveOrConflictAsync(cancellationToken);
        return conflict is null ? ServiceResult.Ok(consultation.Id) : ServiceResult.NotSaved(conflict);
    }

    /// <summary>
    /// Ends a consultation early: it is no longer shown from today (its last day becomes yesterday; one that had not
    /// started yet is not shown at all). Its nominees stay linked to it, so they are not offered again.
    /// </summary>
    public async Task<ServiceResult> CloseAsync(int id, int version, CancellationToken cancellationToken = default)
    {
        var consultation = await db.Consultations.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (consultation is null)
        {
            return ServiceResult.Fail(new ServiceError(string.Empty, "Consultations.Error.NotFound"));
        }

        var yesterday = clock.Today.AddDays(-1);
        if (consultation.EndsOn <= yesterday)
        {
            return ServiceResult.Fail(new ServiceError(string.Empty, "Consultations.Error.AlreadyClosed"));
        }

        db.ExpectVersion(consultation, version);
        consultation.EndsOn = yesterday;
        if (consultation.StartsOn > yesterday)
        {
            consultation.StartsOn = yesterday;
        }

        var conflict = await db.SaveOrConflictAsync(cancellationToken);
        return conflict is null ? ServiceResult.Ok(consultation.Id) : ServiceResult.NotSaved(conflict);
    }
}
