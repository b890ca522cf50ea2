using EmulationPortal.Accounts;
using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EmulationPortal.Participation;

/// <summary>What a reminder mail is about; the web project turns it into Vietnamese words.</summary>
public sealed record ReminderMailData(string UnitName, string CampaignTitle, string RoundName, DateOnly DueOn, DateOnly Today, ReminderKind Kind);

/// <summary>Writes the subject and body of a reminder mail (resources live in the web project, so Core stays free of MVC).</summary>
public interface IReminderMailComposer
{
    (string Subject, string Body) Compose(ReminderMailData data);
}

/// <summary>A unit that owes a report for a round.</summary>
public sealed record MissingUnit(int UnitId, string UnitName, int RecipientCount, int ReminderCount, DateTime? LastRemindedAt);

/// <summary>A round due soon or overdue, with the expected units that have not reported.</summary>
public sealed record DueRound(int RoundId, string RoundName, int CampaignId, string CampaignTitle, DateOnly DueOn, IReadOnlyList<MissingUnit> Units)
{
    public bool IsOverdue(DateOnly today) => DueOn < today;
}

/// <summary>A line of the reminders' history.</summary>
public sealed record ReminderHistoryItem(long Id, DateTime SentAt, ReminderKind Kind, string UnitName, string RoundName, string CampaignTitle, string? SentBy, int MailCount);

/// <summary>A reminder a unit reporter sees in the portal while the report is still missing.</summary>
public sealed record ReminderNotice(int RoundId, string RoundName, string CampaignTitle, DateOnly DueOn, DateTime LastSentAt);

/// <summary>The outcome of sending: reminders recorded and mails sent.</summary>
public sealed record ReminderSendResult(int Reminders, int Mails);

/// <summary>Settings of reminders (section "Reminders").</summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    /// <summary>Whether the daily job runs.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Automatic reminders go this many days (or fewer) before the due date; the Office's page lists rounds due within it.</summary>
    public int DaysBefore { get; set; } = 3;
}

/// <summary>
/// Theo dõi, đôn đốc: which units owe reports, manual reminders in one click and the daily automatic reminders.
/// A reminder row is written before its mail is sent, and the unique <see cref="Reminder.DedupKey"/> makes a second
/// automatic reminder for the same round and unit fail to insert, so a mail is never sent twice.
/// </summary>
public sealed class ReminderService(
    PortalDbContext db,
    IMailSender mail,
    IReminderMailComposer composer,
    PortalClock clock,
    ReminderOptions options,
    ILogger<ReminderService> logger)
{
    /// <summary>Overdue rounds are listed this long after their due date (older ones are history, not work).</summary>
    public const int OverdueWindowDays = 180;

    public int DaysBefore => Math.Max(0, options.DaysBefore);

    /// <summary>Unlocked rounds due on or before today + <paramref name="daysAhead"/> (and not long past) with their missing units; rounds nobody owes are left out.</summary>
    public async Task<IReadOnlyList<DueRound>> DueRoundsAsync(DateOnly today, int daysAhead, CancellationToken cancellationToken = default)
    {
        var horizon = today.AddDays(Math.Max(0, daysAhead));
        return await MissingAsync(today.AddDays(-OverdueWindowDays), horizon, roundId: null, cancellationToken);
    }

    /// <summary>Sends a manual reminder to one unit, or to every unit that owes the round's report; null when the round is unknown.</summary>
    public async Task<ReminderSendResult?> SendManualAsync(int roundId, int? unitId, string? userId, CancellationToken cancellationToken = default)
    {
        if (!await db.ReportRounds.AnyAsync(r => r.Id == roundId, cancellationToken))
        {
            return null;
        }

        var round = (await MissingAsync(DateOnly.MinValue, DateOnly.MaxValue, roundId, cancellationToken)).SingleOrDefault();
        var targets = round?.Units.Where(u => unitId is null || u.UnitId == unitId).ToList() ?? [];
        var reminders = 0;
        var mails = 0;
        foreach (var unit in targets)
        {
            var reminder = new Reminder
            {
                RoundId = roundId,
                UnitId = unit.UnitId,
                Kind = ReminderKind.Manual,
                DedupKey = $"manual:{Guid.NewGuid():N}",
                SentAt = clock.UtcNow,
                SentByUserId = userId,
            };
            db.Reminders.Add(reminder);
            await db.SaveChangesAsync(cancellationToken);
            reminders++;
            mails += await MailAsync(reminder, round!, unit, cancellationToken);
        }

        logger.LogInformation("Manual reminders for round {RoundId}: {Reminders} reminders, {Mails} mails", roundId, reminders, mails);
        return new ReminderSendResult(reminders, mails);
    }

    /// <summary>
    /// The daily job: for rounds due from today to today + DaysBefore, one automatic reminder per unit that owes the
    /// report. Safe to run again the same day, after a restart, or on two instances at once.
    /// </summary>
    public async Task<ReminderSendResult> RunAutomaticAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var rounds = await MissingAsync(today, today.AddDays(DaysBefore), roundId: null, cancellationToken);
        var roundIds = rounds.Select(r => r.RoundId).ToList();

        // Skip what is known to be sent (no failed inserts in the log every day); the unique index still decides races.
        var sent = (await db.Reminders.AsNoTracking()
            .Where(r => roundIds.Contains(r.RoundId) && r.Kind == ReminderKind.Automatic)
            .Select(r => r.DedupKey)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var reminders = 0;
        var mails = 0;
        foreach (var round in rounds)
        {
            foreach (var unit in round.Units.Where(u => !sent.Contains(Reminder.AutomaticKey(round.RoundId, u.UnitId))))
            {
                var reminder = new Reminder
                {
                    RoundId = round.RoundId,
                    UnitId = unit.UnitId,
                    Kind = ReminderKind.Automatic,
                    DedupKey = Reminder.AutomaticKey(round.RoundId, unit.UnitId),
                    SentAt = clock.UtcNow,
                };
                db.Reminders.Add(reminder);
                try
                {
                    // The row first: if it exists already (sent before, or by another instance), no mail goes out.
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    db.Entry(reminder).State = EntityState.Detached;
                    if (await db.Reminders.AnyAsync(r => r.DedupKey == reminder.DedupKey, cancellationToken))
                    {
                        continue; // already reminded: by an earlier run or by another instance
                    }

                    throw; // something else went wrong (the database is unreachable or locked): retry on the next run
                }

                reminders++;
                mails += await MailAsync(reminder, round, unit, cancellationToken);
            }
        }

        if (reminders > 0)
        {
            logger.LogInformation("Automatic reminders for {Today}: {Reminders} reminders, {Mails} mails", today, reminders, mails);
        }

        return new ReminderSendResult(reminders, mails);
    }

    /// <summary>The reminders' history, newest first.</summary>
    public async Task<PagedList<ReminderHistoryItem>> HistoryAsync(int page, int pageSize = 20, CancellationToken cancellationToken = default)
    {
        var query = db.Reminders.AsNoTracking();
        var total = await query.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pages);
        var items = await query
            .OrderByDescending(r => r.SentAt).ThenByDescending(r => r.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(r => new ReminderHistoryItem(
                r.Id, r.SentAt, r.Kind, r.Unit!.Name, r.Round!.Name, r.Round.Campaign!.Title,
                db.Users.Where(u => u.Id == r.SentByUserId).Select(u => u.DisplayName != "" ? u.DisplayName : u.UserName).FirstOrDefault(),
                r.MailCount))
            .ToListAsync(cancellationToken);
        return new PagedList<ReminderHistoryItem>(items, page, pageSize, total);
    }

    /// <summary>The notices for a signed-in user's unit (none when the account has no unit).</summary>
    public async Task<IReadOnlyList<ReminderNotice>> NoticesForUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        var unitId = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.UnitId).FirstOrDefaultAsync(cancellationToken);
        return unitId is { } id ? await NoticesForUnitAsync(id, cancellationToken) : [];
    }

    /// <summary>Reminders of the last 30 days for the unit whose report is still missing, one per round (the latest).</summary>
    public async Task<IReadOnlyList<ReminderNotice>> NoticesForUnitAsync(int unitId, CancellationToken cancellationToken = default)
    {
        var since = clock.UtcNow.AddDays(-30);
        var rows = await db.Reminders.AsNoTracking()
            .Where(r => r.UnitId == unitId && r.SentAt >= since && !r.Round!.IsLocked
                && !db.ProgressReports.Any(p => p.RoundId == r.RoundId && p.UnitId == unitId))
            .GroupBy(r => new { r.RoundId, r.Round!.Name, r.Round.Campaign!.Title, r.Round.DueOn })
            .Select(g => new ReminderNotice(g.Key.RoundId, g.Key.Name, g.Key.Title, g.Key.DueOn, g.Max(r => r.SentAt)))
            .ToListAsync(cancellationToken);
        return rows.OrderBy(n => n.DueOn).ToList();
    }

    private async Task<int> MailAsync(Reminder reminder, DueRound round, MissingUnit unit, CancellationToken cancellationToken)
    {
        var recipients = await RecipientsAsync(unit.UnitId, cancellationToken);
        if (recipients.Count == 0)
        {
            return 0;
        }

        var (subject, body) = composer.Compose(new ReminderMailData(unit.UnitName, round.CampaignTitle, round.RoundName, round.DueOn, clock.Today, reminder.Kind));
        try
        {
            await mail.SendAsync(new OutgoingMail(recipients, subject, body), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The reminder stays recorded (the notice shows in the portal); the mail is not retried, so never doubled.
            logger.LogError(ex, "Could not send the reminder mail {ReminderId} to unit {UnitId}", reminder.Id, unit.UnitId);
            return 0;
        }

        reminder.MailCount = recipients.Count;
        await db.SaveChangesAsync(cancellationToken);
        return recipients.Count;
    }

    /// <summary>The e-mail addresses of the unit's reporters (active accounts with an address).</summary>
    private async Task<List<string>> RecipientsAsync(int unitId, CancellationToken cancellationToken) =>
        await (from u in db.Users
               join ur in db.UserRoles on u.Id equals ur.UserId
               join role in db.Roles on ur.RoleId equals role.Id
               where u.UnitId == unitId && role.Name == Roles.UnitReporter && !u.IsDisabled && u.Email != null && u.Email != ""
               select u.Email!)
            .Distinct()
            .ToListAsync(cancellationToken);

    private async Task<List<DueRound>> MissingAsync(DateOnly from, DateOnly to, int? roundId, CancellationToken cancellationToken)
    {
        var roundsQuery = db.ReportRounds.AsNoTracking().Where(r => !r.IsLocked);
        roundsQuery = roundId is { } id ? roundsQuery.Where(r => r.Id == id) : roundsQuery.Where(r => r.DueOn >= from && r.DueOn <= to);
        var rounds = await roundsQuery
            .OrderBy(r => r.DueOn).ThenBy(r => r.CampaignId).ThenBy(r => r.SortOrder)
            .Select(r => new { r.Id, r.Name, r.CampaignId, r.Campaign!.Title, r.DueOn })
            .ToListAsync(cancellationToken);
        if (rounds.Count == 0)
        {
            return [];
        }

        var campaignIds = rounds.Select(r => r.CampaignId).Distinct().ToList();
        var settings = await db.ParticipationSettings.AsNoTracking()
            .Where(s => campaignIds.Contains(s.CampaignId))
            .Select(s => new { s.CampaignId, Units = s.ExpectedUnits.Select(u => u.Id).ToList() })
            .ToDictionaryAsync(s => s.CampaignId, s => s.Units, cancellationToken);
        var activeUnits = await db.Units.AsNoTracking().Where(u => u.IsActive)
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new { u.Id, u.Name })
            .ToListAsync(cancellationToken);
        var unitOrder = activeUnits.Select((u, i) => (u.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var unitNames = activeUnits.ToDictionary(u => u.Id, u => u.Name);

        var roundIds = rounds.Select(r => r.Id).ToList();
        var reported = (await db.ProgressReports.AsNoTracking().Where(p => roundIds.Contains(p.RoundId))
            .Select(p => new { p.RoundId, p.UnitId }).ToListAsync(cancellationToken))
            .Select(p => (p.RoundId, p.UnitId)).ToHashSet();
        var reminded = (await db.Reminders.AsNoTracking().Where(r => roundIds.Contains(r.RoundId))
            .GroupBy(r => new { r.RoundId, r.UnitId })
            .Select(g => new { g.Key.RoundId, g.Key.UnitId, Count = g.Count(), Last = g.Max(r => r.SentAt) })
            .ToListAsync(cancellationToken))
            .ToDictionary(r => (r.RoundId, r.UnitId));
        var recipients = (await (from u in db.Users
                                 join ur in db.UserRoles on u.Id equals ur.UserId
                                 join role in db.Roles on ur.RoleId equals role.Id
                                 where u.UnitId != null && role.Name == Roles.UnitReporter && !u.IsDisabled && u.Email != null && u.Email != ""
                                 select new { UnitId = u.UnitId!.Value, u.Email })
                .ToListAsync(cancellationToken))
            .GroupBy(x => x.UnitId)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Email).Distinct().Count());

        var result = new List<DueRound>();
        foreach (var round in rounds)
        {
            if (!settings.TryGetValue(round.CampaignId, out var expected))
            {
                continue; // a campaign without participation settings expects nobody
            }

            IEnumerable<int> unitIds = expected.Count == 0 ? activeUnits.Select(u => u.Id) : expected.Where(unitNames.ContainsKey);
            var missing = unitIds
                .Where(u => !reported.Contains((round.Id, u)))
                .OrderBy(u => unitOrder[u])
                .Select(u =>
                {
                    reminded.TryGetValue((round.Id, u), out var r);
                    return new MissingUnit(u, unitNames[u], recipients.GetValueOrDefault(u), r?.Count ?? 0, r?.Last);
                })
                .ToList();
            if (missing.Count > 0)
            {
                result.Add(new DueRound(round.Id, round.Name, round.CampaignId, round.Title, round.DueOn, missing));
            }
        }

        return result;
    }
}
