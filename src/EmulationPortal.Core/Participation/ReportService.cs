using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Files;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Participation;

public sealed record ReportAttachmentRow(int Id, string OriginalName, long Size);

public sealed record UnitReportData(
    int Id, int Version, string Narrative, DateTime SubmittedAt, DateOnly SubmittedOn, DateTime UpdatedAt,
    IReadOnlyDictionary<int, decimal> Values, IReadOnlyList<ReportAttachmentRow> Attachments);

/// <summary>
/// A round as the unit's report form needs it. <see cref="RefusalCode"/> says why the unit may not submit or edit
/// (round locked, unit not expected, not registered), or is null.
/// </summary>
public sealed record ReportFormData(
    int RoundId, string RoundName, ReportKind Kind, DateOnly DueOn, bool IsLocked, int CampaignId, string CampaignTitle,
    IReadOnlyList<IndicatorRow> Indicators, UnitReportData? Report, RoundStatus Status, int? PeopleLimit, string? RefusalCode);

public sealed record ReportInput(string? Narrative, IReadOnlyDictionary<int, string?>? Values, IReadOnlyList<IncomingFile>? Files);

public sealed record ReportAttachmentFile(string StorageKey, string ContentType, string OriginalName);

/// <summary>Progress, interim and final reports of a unit, by its unit reporter: only ever for the reporter's own unit.</summary>
public sealed class ReportService(PortalDbContext db, PortalClock clock, HtmlCleaner cleaner, FileService files, UploadOptions uploads)
{
    public const int MaxFilesPerReport = 10;

    public UploadOptions Uploads => uploads;

    /// <summary>The round of a launched campaign with the unit's own report; null when there is no such round.</summary>
    public async Task<ReportFormData?> FormAsync(int roundId, int unitId, CancellationToken cancellationToken = default)
    {
        var round = await db.ReportRounds.AsNoTracking().Where(r => r.Id == roundId && r.Campaign!.IsPublished)
            .Select(r => new
            {
                r.Id, r.Name, r.Kind, r.DueOn, r.IsLocked, r.CampaignId, Campaign = r.Campaign!.Title,
                RegistrationExpected = db.ParticipationSettings.Where(s => s.CampaignId == r.CampaignId).Select(s => (bool?)s.RegistrationExpected).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (round?.RegistrationExpected is null)
        {
            return null;
        }

        var report = await db.ProgressReports.AsNoTracking().Where(p => p.RoundId == roundId && p.UnitId == unitId)
            .Select(p => new
            {
                p.Id, p.Version, p.Narrative, p.SubmittedAt, p.SubmittedOn, p.UpdatedAt,
                Values = p.Values.Select(v => new { v.IndicatorId, v.Value }).ToList(),
                Attachments = p.Attachments.OrderBy(a => a.SortOrder).ThenBy(a => a.Id)
                    .Select(a => new ReportAttachmentRow(a.Id, a.StoredFile!.OriginalName, a.StoredFile.Size)).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        var indicators = await db.CampaignIndicators.AsNoTracking().Where(i => i.CampaignId == round.CampaignId).OrderBy(i => i.SortOrder).ThenBy(i => i.Id)
            .Select(i => new IndicatorRow(i.Id, i.Version, i.Name, i.MeasureUnit, i.SortOrder)).ToListAsync(cancellationToken);

        string? refusal = null;
        if (!await ParticipationRules.ExpectsUnitAsync(db, round.CampaignId, unitId, cancellationToken))
        {
            refusal = "Report.NotExpected";
        }
        else if (round.RegistrationExpected.Value
            && !await db.Registrations.AnyAsync(r => r.CampaignId == round.CampaignId && r.UnitId == unitId, cancellationToken))
        {
            refusal = "Report.NotRegistered";
        }
        else if (round.IsLocked)
        {
            refusal = "Report.RoundLocked";
        }

        return new ReportFormData(
            round.Id, round.Name, round.Kind, round.DueOn, round.IsLocked, round.CampaignId, round.Campaign, indicators,
            report is null ? null : new UnitReportData(
                report.Id, report.Version, report.Narrative, report.SubmittedAt, report.SubmittedOn, report.UpdatedAt,
                report.Values.ToDictionary(v => v.IndicatorId, v => v.Value), report.Attachments),
            ReportTiming.StatusOf(round.DueOn, report?.SubmittedOn, clock.Today),
            await ParticipationRules.PeopleLimitAsync(db, unitId, cancellationToken),
            refusal);
    }

    /// <summary>The round a report of the unit belongs to; null when the report is not the unit's (or does not exist).</summary>
    public async Task<int?> RoundOfOwnReportAsync(int reportId, int unitId, CancellationToken cancellationToken = default) =>
        await db.ProgressReports.AsNoTracking().Where(p => p.Id == reportId && p.UnitId == unitId).Select(p => (int?)p.RoundId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Submits (first time) or edits the unit's report for the round. SubmittedOn stays the local date of the FIRST
    /// submission, so editing a late report later does not change its lateness. Null when there is no such round.
    /// </summary>
    public async Task<ServiceResult?> SubmitAsync(int roundId, int unitId, string? userId, int version, ReportInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var form = await FormAsync(roundId, unitId, cancellationToken);
        if (form is null)
        {
            return null;
        }

        if (form.RefusalCode is { } refusal)
        {
            return ServiceResult.Fail(new ServiceError(string.Empty, refusal));
        }

        var errors = new List<ServiceError>();
        var narrative = cleaner.Clean(ParticipationRules.NarrativeHtml(input.Narrative));
        if (string.IsNullOrWhiteSpace(HtmlText(narrative)))
        {
            errors.Add(new ServiceError("Narrative", "Report.NarrativeRequired"));
        }
        else if (narrative.Length > ParticipationRules.NarrativeMaxLength)
        {
            errors.Add(new ServiceError("Narrative", "Report.NarrativeTooLong"));
        }

        var values = ParticipationRules.Figures(errors, input.Values, form.Indicators.Select(i => (i.Id, i.Name, i.MeasureUnit)), "Values", form.PeopleLimit);
        var uploadsIn = input.Files ?? [];
        if (uploadsIn.Count + (form.Report?.Attachments.Count ?? 0) > MaxFilesPerReport)
        {
            errors.Add(new ServiceError("Files", "Report.TooManyFiles", MaxFilesPerReport));
        }

        var checkedFiles = new List<CheckedFile>();
        foreach (var upload in uploadsIn)
        {
            var (file, error) = await IncomingFiles.CheckAsync(upload, "Files", uploads, UploadRules.DocumentKinds, cancellationToken);
            if (error is not null)
            {
                errors.Add(error with { Args = [upload.FileName ?? string.Empty, .. error.Args] });
            }
            else
            {
                checkedFiles.Add(file!);
            }
        }

        if (errors.Count > 0)
        {
            foreach (var file in checkedFiles)
            {
                await file.Content.DisposeAsync();
            }

            return ServiceResult.Fail(errors);
        }

        var now = clock.UtcNow;
        var report = await db.ProgressReports.Include(p => p.Values).Include(p => p.Attachments)
            .FirstOrDefaultAsync(p => p.RoundId == roundId && p.UnitId == unitId, cancellationToken);
        var isNew = report is null;
        report ??= db.ProgressReports.Add(new ProgressReport
        {
            RoundId = roundId, UnitId = unitId, SubmittedAt = now, SubmittedOn = clock.Today, SubmittedByUserId = userId,
        }).Entity;
        report.Narrative = narrative;
        report.UpdatedAt = now;
        foreach (var stale in report.Values.Where(v => !values.ContainsKey(v.IndicatorId)).ToList())
        {
            report.Values.Remove(stale);
        }

        foreach (var (indicatorId, value) in values)
        {
            var existing = report.Values.FirstOrDefault(v => v.IndicatorId == indicatorId);
            if (existing is null)
            {
                report.Values.Add(new ProgressReportValue { IndicatorId = indicatorId, Value = value });
            }
            else
            {
                existing.Value = value;
            }
        }

        if (!isNew)
        {
            db.ExpectVersion(report, version);
            db.Entry(report).Property(p => p.Version).IsModified = true;
        }

        ConcurrencyConflict? conflict;
        try
        {
            conflict = await db.SaveOrConflictAsync(cancellationToken);
        }
        catch (DbUpdateException) when (isNew)
        {
            // Another reporter of the unit submitted the same round at the same moment (unique round + unit).
            return ServiceResult.Fail(new ServiceError(string.Empty, "Report.AlreadySubmitted"));
        }

        if (conflict is not null)
        {
            return ServiceResult.NotSaved(conflict);
        }

        if (checkedFiles.Count > 0)
        {
            var order = report.Attachments.Count;
            foreach (var file in checkedFiles)
            {
                var stored = await files.StoreAsync(file, cancellationToken);
                await file.Content.DisposeAsync();

                // The same content twice (deduplicated to one stored file) is attached once.
                if (!report.Attachments.Any(a => ReferenceEquals(a.StoredFile, stored) || (stored.Id != 0 && a.StoredFileId == stored.Id)))
                {
                    report.Attachments.Add(new ProgressReportAttachment { StoredFile = stored, SortOrder = order++ });
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return ServiceResult.Ok(report.Id);
    }

    /// <summary>An attachment of one of the unit's own reports; null for any other.</summary>
    public async Task<ReportAttachmentFile?> FindAttachmentAsync(int reportId, int attachmentId, int unitId, CancellationToken cancellationToken = default) =>
        await db.ProgressReports.AsNoTracking().Where(p => p.Id == reportId && p.UnitId == unitId)
            .SelectMany(p => p.Attachments).Where(a => a.Id == attachmentId)
            .Select(a => new ReportAttachmentFile(a.StoredFile!.StorageKey, a.StoredFile.ContentType, a.StoredFile.OriginalName))
            .FirstOrDefaultAsync(cancellationToken);

    private static string HtmlText(string html) => System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]*>", string.Empty)).Trim();
}
