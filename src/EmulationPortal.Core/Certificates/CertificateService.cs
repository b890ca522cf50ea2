using System.Security.Cryptography;
using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Decisions;
using EmulationPortal.Honors;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Certificates;

/// <summary>What one certificate prints: the recipient, the award, the decision, the register number and the public code.</summary>
public sealed record CertificatePrint(
    int CertificateId, string RecipientName, string? UnitName, RecipientKind RecipientKind, string AwardTypeName, string Achievement,
    string DecisionNumber, DateOnly DecidedOn, string DecidedBy, int SequenceNumber, int Year, string Code, int AwardTypeId);

/// <summary>An issued decision as the certificates page lists it.</summary>
public sealed record CertificateDecisionRow(int DecisionId, string Number, DateOnly? SignedOn, DecisionStatus Status, int Year, int Commendations, int Certificates);

/// <summary>One certificate of a decision (or the commendation still without one).</summary>
public sealed record CertificateRow(int CommendationId, int? CertificateId, string RecipientName, string AwardTypeName, int? SequenceNumber, int Year, string? Code);

/// <summary>The public verification of a code: the award, the recipient, the decision, the register number; cancelled or not.</summary>
public sealed record CertificateVerification(
    string Code, string AwardTypeName, string RecipientName, string? UnitName, RecipientKind RecipientKind, string DecisionNumber, DateOnly DecidedOn,
    string DecidedBy, int SequenceNumber, int Year, bool IsCancelled, DateOnly? CancelledOn);

/// <summary>The positions an editor sends for a layout, in millimetres (points for font sizes).</summary>
public sealed record CertificateLayoutInput(
    decimal PageWidthMm, decimal PageHeightMm, bool PrintBackground, decimal TitleTopMm, decimal NameTopMm, decimal NameLeftMm, decimal NameWidthMm,
    decimal NameFontSizePt, decimal AchievementTopMm, decimal AchievementFontSizePt, decimal DecisionTopMm, decimal QrLeftMm, decimal QrTopMm,
    decimal QrSizeMm, int Version);

/// <summary>A layout as the layouts page lists it: the default (no award type) or an award type's own.</summary>
public sealed record CertificateLayoutRow(int? AwardTypeId, string? AwardTypeName, bool HasOwnLayout, decimal PageWidthMm, decimal PageHeightMm, bool PrintBackground);

/// <summary>
/// Giấy chứng nhận: issues one certificate per commendation (a register number 1, 2, … per year and award type, and
/// a random public code), gathers what each prints, verifies a code publicly, and keeps the print layouts.
/// </summary>
public sealed class CertificateService(PortalDbContext db, PortalClock clock)
{
    /// <summary>Length of a public code: 12 characters of a 32-letter alphabet = 60 random bits.</summary>
    public const int CodeLength = 12;

    /// <summary>Lower-case letters and digits without the look-alikes 0/o, 1/l/i (a code may be typed from paper).</summary>
    private const string CodeAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    private const int MaxAttempts = 5;

    /// <summary>Smallest and largest page side accepted for a layout (A6 … A3).</summary>
    public const decimal MinPageMm = 100m;

    public const decimal MaxPageMm = 420m;

    public const decimal MinFontPt = 6m;

    public const decimal MaxFontPt = 72m;

    public const decimal MinQrMm = 15m;

    /// <summary>A new random code; never derived from data, so it cannot be guessed from a name or a number.</summary>
    public static string NewCode()
    {
        Span<char> chars = stackalloc char[CodeLength];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>Whether a string could be a code at all (so a malformed one is refused before any query).</summary>
    public static bool IsWellFormed(string? code) =>
        code is { Length: CodeLength } && code.All(c => CodeAlphabet.Contains(c, StringComparison.Ordinal));

    /// <summary>Issued and cancelled decisions, newest first, with how many of their commendations have a certificate.</summary>
    public async Task<IReadOnlyList<CertificateDecisionRow>> DecisionsAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.AwardDecisions.AsNoTracking()
            .Where(d => d.Status != DecisionStatus.Draft)
            .OrderByDescending(d => d.SignedOn).ThenByDescending(d => d.Id)
            .Select(d => new
            {
                d.Id, d.Number, d.SignedOn, d.Status, d.Year,
                Commendations = db.Commendations.Count(c => c.AwardDecisionId == d.Id),
                Certificates = db.Certificates.Count(c => c.Commendation!.AwardDecisionId == d.Id),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new CertificateDecisionRow(r.Id, r.Number ?? string.Empty, r.SignedOn, r.Status, r.Year, r.Commendations, r.Certificates)).ToList();
    }

    public async Task<CertificateDecisionRow?> DecisionAsync(int decisionId, CancellationToken cancellationToken = default) =>
        (await DecisionsAsync(cancellationToken)).FirstOrDefault(d => d.DecisionId == decisionId);

    /// <summary>The commendations of a decision and their certificates, in register order.</summary>
    public async Task<IReadOnlyList<CertificateRow>> CertificatesOfDecisionAsync(int decisionId, CancellationToken cancellationToken = default)
    {
        var rows = await db.Commendations.AsNoTracking()
            .Where(c => c.AwardDecisionId == decisionId)
            .Select(c => new
            {
                c.Id,
                Name = c.StaffMember != null ? c.StaffMember.FullName : c.Unit!.Name,
                AwardType = c.AwardType!.Name,
                c.Year,
                Certificate = db.Certificates.Where(x => x.CommendationId == c.Id).Select(x => new { x.Id, x.SequenceNumber, x.Code }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows
            .OrderBy(r => r.AwardType, StringComparer.Ordinal).ThenBy(r => r.Certificate?.SequenceNumber ?? int.MaxValue).ThenBy(r => r.Id)
            .Select(r => new CertificateRow(r.Id, r.Certificate?.Id, r.Name, r.AwardType, r.Certificate?.SequenceNumber, r.Year, r.Certificate?.Code))
            .ToList();
    }

    /// <summary>
    /// Gives every commendation of an issued decision its certificate; those that have one keep it (idempotent).
    /// Returns the number of certificates now held by the decision's commendations; errors when the decision is not issued.
    /// </summary>
    public async Task<ServiceResult> IssueForDecisionAsync(int decisionId, CancellationToken cancellationToken = default)
    {
        var decision = await db.AwardDecisions.AsNoTracking().Where(d => d.Id == decisionId).Select(d => new { d.Status }).FirstOrDefaultAsync(cancellationToken);
        if (decision is null)
        {
            return ServiceResult.Fail(new ServiceError(string.Empty, "Certificates.Error.NoDecision"));
        }

        if (decision.Status != DecisionStatus.Issued)
        {
            return ServiceResult.Fail(new ServiceError(string.Empty, "Certificates.Error.DecisionNotIssued"));
        }

        var ids = await db.Commendations.AsNoTracking().Where(c => c.AwardDecisionId == decisionId).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return ServiceResult.Fail(new ServiceError(string.Empty, "Certificates.Error.NoCommendations"));
        }

        foreach (var id in ids)
        {
            await IssueOneAsync(id, cancellationToken);
        }

        return ServiceResult.Ok(ids.Count);
    }

    /// <summary>
    /// The certificate of one commendation (a decision's or one honored directly from the admin area), issued now if it
    /// has none. Null when the commendation does not exist or its decision is not in force.
    /// </summary>
    public async Task<int?> IssueForCommendationAsync(int commendationId, CancellationToken cancellationToken = default)
    {
        var status = await db.Commendations.AsNoTracking().Where(c => c.Id == commendationId)
            .Select(c => new { Exists = true, Status = c.AwardDecision == null ? (DecisionStatus?)null : c.AwardDecision.Status })
            .FirstOrDefaultAsync(cancellationToken);
        if (status is null || status.Status is DecisionStatus.Draft or DecisionStatus.Cancelled)
        {
            return null;
        }

        return await IssueOneAsync(commendationId, cancellationToken);
    }

    private async Task<int> IssueOneAsync(int commendationId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var existing = await db.Certificates.AsNoTracking().Where(c => c.CommendationId == commendationId).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
            if (existing is { } id)
            {
                return id;
            }

            var commendation = await db.Commendations.AsNoTracking().Where(c => c.Id == commendationId)
                .Select(c => new { c.AwardTypeId, c.Year }).FirstAsync(cancellationToken);
            var nomineeId = await db.Nominees.AsNoTracking().Where(n => n.CommendationId == commendationId).Select(n => (int?)n.Id).FirstOrDefaultAsync(cancellationToken);
            var last = await db.Certificates.AsNoTracking()
                .Where(c => c.Year == commendation.Year && c.AwardTypeId == commendation.AwardTypeId)
                .MaxAsync(c => (int?)c.SequenceNumber, cancellationToken) ?? 0;
            var certificate = new Certificate
            {
                CommendationId = commendationId,
                NomineeId = nomineeId,
                AwardTypeId = commendation.AwardTypeId,
                Year = commendation.Year,
                SequenceNumber = last + 1,
                Code = NewCode(),
                IssuedAt = clock.UtcNow,
            };
            db.Certificates.Add(certificate);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return certificate.Id;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Another clerk took the same number (or, most unlikely, the same code) first: the unique indexes refused
                // the row; forget it and take the next free number.
                db.Entry(certificate).State = EntityState.Detached;
            }
        }
    }

    /// <summary>What the certificates of a decision print, in register order; empty when it has none yet.</summary>
    public Task<IReadOnlyList<CertificatePrint>> PrintsOfDecisionAsync(int decisionId, CancellationToken cancellationToken = default) =>
        PrintsAsync(db.Certificates.Where(c => c.Commendation!.AwardDecisionId == decisionId), cancellationToken);

    /// <summary>What one certificate prints; null when there is no such certificate.</summary>
    public async Task<CertificatePrint?> PrintAsync(int certificateId, CancellationToken cancellationToken = default)
    {
        var prints = await PrintsAsync(db.Certificates.Where(c => c.Id == certificateId), cancellationToken);
        return prints.Count == 0 ? null : prints[0];
    }

    private static async Task<IReadOnlyList<CertificatePrint>> PrintsAsync(IQueryable<Certificate> certificates, CancellationToken cancellationToken)
    {
        var rows = await certificates.AsNoTracking()
            .Select(c => new
            {
                c.Id,
                Person = c.Commendation!.StaffMember == null ? null : c.Commendation.StaffMember.FullName,
                PersonUnit = c.Commendation.StaffMember == null ? null : c.Commendation.StaffMember.Unit!.Name,
                Unit = c.Commendation.Unit == null ? null : c.Commendation.Unit.Name,
                c.Commendation.RecipientKind,
                AwardType = c.Commendation.AwardType!.Name,
                c.Commendation.Achievement,
                c.Commendation.DecisionNumber,
                c.Commendation.DecidedOn,
                c.Commendation.DecidedBy,
                c.SequenceNumber,
                c.Year,
                c.Code,
                c.AwardTypeId,
            })
            .ToListAsync(cancellationToken);
        return rows
            .OrderBy(r => r.AwardTypeId).ThenBy(r => r.Year).ThenBy(r => r.SequenceNumber)
            .Select(r => new CertificatePrint(
                r.Id, r.Person ?? r.Unit ?? string.Empty, r.Person is null ? null : r.PersonUnit, r.RecipientKind, r.AwardType, r.Achievement,
                r.DecisionNumber, r.DecidedOn, r.DecidedBy, r.SequenceNumber, r.Year, r.Code, r.AwardTypeId))
            .ToList();
    }

    /// <summary>The public page's answer for a code; null when the code was never issued (or is not a code at all).</summary>
    public async Task<CertificateVerification?> VerifyAsync(string? code, CancellationToken cancellationToken = default)
    {
        var normalized = code?.Trim().ToLowerInvariant();
        if (!IsWellFormed(normalized))
        {
            return null;
        }

        var certificate = await db.Certificates.AsNoTracking().Where(c => c.Code == normalized)
            .Select(c => new { c.CommendationId, c.NomineeId, c.SequenceNumber, c.Year }).FirstOrDefaultAsync(cancellationToken);
        if (certificate is null)
        {
            return null;
        }

        if (certificate.CommendationId is null)
        {
            // Its commendation was withdrawn: a decision's certificate still shows what it was and that the decision
            // was cancelled; one of a directly honored commendation that was deleted has nothing left to show.
            return certificate.NomineeId is { } nomineeId ? await RevokedAsync(normalized!, nomineeId, certificate.SequenceNumber, certificate.Year, cancellationToken) : null;
        }

        var row = await db.Certificates.AsNoTracking().Where(c => c.Code == normalized)
            .Select(c => new
            {
                Person = c.Commendation!.StaffMember == null ? null : c.Commendation.StaffMember.FullName,
                PersonUnit = c.Commendation.StaffMember == null ? null : c.Commendation.StaffMember.Unit!.Name,
                Unit = c.Commendation.Unit == null ? null : c.Commendation.Unit.Name,
                c.Commendation.RecipientKind,
                AwardType = c.Commendation.AwardType!.Name,
                c.Commendation.DecisionNumber,
                c.Commendation.DecidedOn,
                c.Commendation.DecidedBy,
                c.SequenceNumber,
                c.Year,
                DecisionStatus = c.Commendation.AwardDecision == null ? (DecisionStatus?)null : c.Commendation.AwardDecision.Status,
                CancelledAt = c.Commendation.AwardDecision == null ? null : c.Commendation.AwardDecision.CancelledAt,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var cancelled = row.DecisionStatus == DecisionStatus.Cancelled;
        DateOnly? cancelledOn = cancelled && row.CancelledAt is { } at ? DateOnly.FromDateTime(clock.ToLocal(at)) : null;
        return new CertificateVerification(
            normalized!, row.AwardType, row.Person ?? row.Unit ?? string.Empty, row.Person is null ? null : row.PersonUnit, row.RecipientKind,
            row.DecisionNumber, row.DecidedOn, row.DecidedBy, row.SequenceNumber, row.Year, cancelled, cancelledOn);
    }

    private async Task<CertificateVerification?> RevokedAsync(string code, int nomineeId, int sequenceNumber, int year, CancellationToken cancellationToken)
    {
        var row = await db.Nominees.AsNoTracking().Where(n => n.Id == nomineeId && n.Decision != null)
            .Select(n => new
            {
                Person = n.StaffMember == null ? null : n.StaffMember.FullName,
                PersonUnit = n.StaffMember == null ? null : n.StaffMember.Unit!.Name,
                Unit = n.Unit == null ? null : n.Unit.Name,
                n.RecipientKind,
                AwardType = n.AwardType!.Name,
                n.Decision!.Number,
                n.Decision.SignedOn,
                n.Decision.DecidedBy,
                n.Decision.Status,
                n.Decision.CancelledAt,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var cancelled = row.Status == DecisionStatus.Cancelled;
        DateOnly? cancelledOn = cancelled && row.CancelledAt is { } at ? DateOnly.FromDateTime(clock.ToLocal(at)) : null;
        return new CertificateVerification(
            code, row.AwardType, row.Person ?? row.Unit ?? string.Empty, row.Person is null ? null : row.PersonUnit, row.RecipientKind,
            row.Number ?? string.Empty, row.SignedOn ?? default, row.DecidedBy, sequenceNumber, year, cancelled, cancelledOn);
    }

    /// <summary>The layout that applies to an award type: its own, else the default, else the built-in default (unsaved).</summary>
    public async Task<CertificateLayout> LayoutForAsync(int? awardTypeId, CancellationToken cancellationToken = default)
    {
        var layouts = await db.CertificateLayouts.AsNoTracking()
            .Where(l => l.AwardTypeId == null || (awardTypeId != null && l.AwardTypeId == awardTypeId))
            .ToListAsync(cancellationToken);
        return layouts.FirstOrDefault(l => awardTypeId != null && l.AwardTypeId == awardTypeId)
            ?? layouts.FirstOrDefault(l => l.AwardTypeId == null)
            ?? new CertificateLayout();
    }

    /// <summary>The layouts for a set of award types at once (for a batch).</summary>
    public async Task<IReadOnlyDictionary<int, CertificateLayout>> LayoutsForAsync(IEnumerable<int> awardTypeIds, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<int, CertificateLayout>();
        foreach (var id in awardTypeIds.Distinct())
        {
            result[id] = await LayoutForAsync(id, cancellationToken);
        }

        return result;
    }

    /// <summary>The default layout and one row per active award type (its own layout, or the default's values).</summary>
    public async Task<IReadOnlyList<CertificateLayoutRow>> LayoutRowsAsync(CancellationToken cancellationToken = default)
    {
        var layouts = await db.CertificateLayouts.AsNoTracking().ToListAsync(cancellationToken);
        var fallback = layouts.FirstOrDefault(l => l.AwardTypeId == null) ?? new CertificateLayout();
        var types = await db.AwardTypes.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.SortOrder).ThenBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        var rows = new List<CertificateLayoutRow> { new(null, null, layouts.Any(l => l.AwardTypeId == null), fallback.PageWidthMm, fallback.PageHeightMm, fallback.PrintBackground) };
        foreach (var type in types)
        {
            var own = layouts.FirstOrDefault(l => l.AwardTypeId == type.Id);
            var shown = own ?? fallback;
            rows.Add(new CertificateLayoutRow(type.Id, type.Name, own is not null, shown.PageWidthMm, shown.PageHeightMm, shown.PrintBackground));
        }

        return rows;
    }

    /// <summary>The name of an award type, or null when there is none with that id.</summary>
    public Task<string?> AwardTypeNameAsync(int awardTypeId, CancellationToken cancellationToken = default) =>
        db.AwardTypes.AsNoTracking().Where(a => a.Id == awardTypeId).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The stored layout of an award type (or the default when null), for editing; null when not saved yet.</summary>
    public Task<CertificateLayout?> StoredLayoutAsync(int? awardTypeId, CancellationToken cancellationToken = default) =>
        db.CertificateLayouts.AsNoTracking().FirstOrDefaultAsync(l => l.AwardTypeId == awardTypeId, cancellationToken);

    /// <summary>Every problem with a layout: sizes positive, fonts readable, every field inside the page.</summary>
    public static IReadOnlyList<ServiceError> Validate(CertificateLayoutInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<ServiceError>();
        void Page(string field, decimal value)
        {
            if (value < MinPageMm || value > MaxPageMm)
            {
                errors.Add(new ServiceError(field, "Certificates.Layout.Error.PageSize", MinPageMm, MaxPageMm));
            }
        }

        void Font(string field, decimal value)
        {
            if (value < MinFontPt || value > MaxFontPt)
            {
                errors.Add(new ServiceError(field, "Certificates.Layout.Error.FontSize", MinFontPt, MaxFontPt));
            }
        }

        void Within(string field, decimal value, decimal limit)
        {
            if (value < 0 || value >= limit)
            {
                errors.Add(new ServiceError(field, "Certificates.Layout.Error.OutsidePage"));
            }
        }

        Page(nameof(input.PageWidthMm), input.PageWidthMm);
        Page(nameof(input.PageHeightMm), input.PageHeightMm);
        Font(nameof(input.NameFontSizePt), input.NameFontSizePt);
        Font(nameof(input.AchievementFontSizePt), input.AchievementFontSizePt);
        var width = input.PageWidthMm;
        var height = input.PageHeightMm;
        Within(nameof(input.TitleTopMm), input.TitleTopMm, height);
        Within(nameof(input.NameTopMm), input.NameTopMm, height);
        Within(nameof(input.AchievementTopMm), input.AchievementTopMm, height);
        Within(nameof(input.DecisionTopMm), input.DecisionTopMm, height);
        Within(nameof(input.NameLeftMm), input.NameLeftMm, width);
        Within(nameof(input.QrLeftMm), input.QrLeftMm, width);
        Within(nameof(input.QrTopMm), input.QrTopMm, height);
        if (input.NameWidthMm <= 0)
        {
            errors.Add(new ServiceError(nameof(input.NameWidthMm), "Certificates.Layout.Error.Positive"));
        }
        else if (input.NameLeftMm + input.NameWidthMm > width)
        {
            errors.Add(new ServiceError(nameof(input.NameWidthMm), "Certificates.Layout.Error.NameBeyondPage"));
        }

        if (input.QrSizeMm < MinQrMm)
        {
            errors.Add(new ServiceError(nameof(input.QrSizeMm), "Certificates.Layout.Error.QrTooSmall", MinQrMm));
        }
        else if (input.QrLeftMm + input.QrSizeMm > width || input.QrTopMm + input.QrSizeMm > height)
        {
            errors.Add(new ServiceError(nameof(input.QrSizeMm), "Certificates.Layout.Error.QrBeyondPage"));
        }

        return errors;
    }

    /// <summary>Saves the default layout (<paramref name="awardTypeId"/> null) or an award type's own, after validation.</summary>
    public async Task<ServiceResult> SaveLayoutAsync(int? awardTypeId, CertificateLayoutInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (awardTypeId is { } typeId && !await db.AwardTypes.AnyAsync(a => a.Id == typeId, cancellationToken))
        {
            return ServiceResult.Fail(new ServiceError(string.Empty, "Certificates.Layout.Error.NoAwardType"));
        }

        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        var layout = await db.CertificateLayouts.FirstOrDefaultAsync(l => l.AwardTypeId == awardTypeId, cancellationToken);
        if (layout is null)
        {
            layout = new CertificateLayout { AwardTypeId = awardTypeId };
            db.CertificateLayouts.Add(layout);
        }
        else
        {
            db.ExpectVersion(layout, input.Version);
        }

        layout.PageWidthMm = input.PageWidthMm;
        layout.PageHeightMm = input.PageHeightMm;
        layout.PrintBackground = input.PrintBackground;
        layout.TitleTopMm = input.TitleTopMm;
        layout.NameTopMm = input.NameTopMm;
        layout.NameLeftMm = input.NameLeftMm;
        layout.NameWidthMm = input.NameWidthMm;
        layout.NameFontSizePt = input.NameFontSizePt;
        layout.AchievementTopMm = input.AchievementTopMm;
        layout.AchievementFontSizePt = input.AchievementFontSizePt;
        layout.DecisionTopMm = input.DecisionTopMm;
        layout.QrLeftMm = input.QrLeftMm;
        layout.QrTopMm = input.QrTopMm;
        layout.QrSizeMm = input.QrSizeMm;
        var conflict = await db.SaveOrConflictAsync(cancellationToken);
        return conflict is null ? ServiceResult.Ok(layout.Id) : ServiceResult.NotSaved(conflict);
    }

    /// <summary>Removes an award type's own layout so the default applies again.</summary>
    public async Task<bool> ResetLayoutAsync(int awardTypeId, CancellationToken cancellationToken = default) =>
        await db.CertificateLayouts.Where(l => l.AwardTypeId == awardTypeId).ExecuteDeleteAsync(cancellationToken) > 0;
}
