using System.Globalization;
using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Decisions;
using EmulationPortal.Honors;
using EmulationPortal.Organisation;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Proposals;

/// <summary>
/// The rule checks of a proposal: every active <see cref="AwardRule"/> (severity not Off) against the proposal's live
/// nominees (not Excluded, Failed or Cancelled). Each finding carries the rule's name, and its message arguments start
/// with that name, so a message shown without the findings panel (a refused Submit) still names its rule.
/// </summary>
/// <remarks>
/// Decisions taken here (also in docs for the Office):
/// <list type="bullet">
/// <item>"Live" proposals are those not Withdrawn and not DecisionCancelled; "live" nominees are not Excluded, Failed
/// or Cancelled. Commendations count unless their decision was cancelled.</item>
/// <item>Discipline: a record blocks when it is in effect today or on any day of the proposal's year (the law leaves
/// out people disciplined in the year being reviewed, and nobody under discipline now may be proposed).</item>
/// <item>Consecutive years: the law asks for N consecutive times ("03 lần liên tục"), the last being the year of the
/// proposal. So the years are the proposal's year and the N − 1 before it; the proposal's year is met by a
/// commendation or by a nomination for the prerequisite in the same proposal, earlier years by commendations.</item>
/// <item>Cap: the base counts nominees, not commendations: the titles are reviewed together at year end, so the base
/// is the list proposed for the base award in the same scope (the proposal for a unit cap; every live proposal of the
/// year for an agency cap), plus commendations of the base award that year granted outside the workflow (no
/// decision of the workflow), so that an agency that records Lao động tiên tiến directly still has its base.
/// Exactly the cap passes; a base of zero allows none.</item>
/// <item>Share of women: always a warning (never blocks), whatever severity is configured; only individuals count.</item>
/// </list>
/// </remarks>
public sealed class ProposalRuleChecker(PortalDbContext db, PortalClock clock) : IProposalChecks
{
    private static readonly ProposalStatus[] DeadStatuses = [ProposalStatus.Withdrawn, ProposalStatus.DecisionCancelled];
    private static readonly NomineeOutcome[] DeadOutcomes = [NomineeOutcome.Excluded, NomineeOutcome.Failed, NomineeOutcome.Cancelled];

    public static bool IsLive(Nominee nominee)
    {
        ArgumentNullException.ThrowIfNull(nominee);
        return !DeadOutcomes.Contains(nominee.Outcome);
    }

    public async Task<IReadOnlyList<RuleFinding>> CheckAsync(int proposalId, CancellationToken cancellationToken = default)
    {
        var proposal = await db.Proposals.AsNoTracking()
            .Include(p => p.Nominees).ThenInclude(n => n.StaffMember)
            .Include(p => p.Nominees).ThenInclude(n => n.Unit)
            .Include(p => p.Nominees).ThenInclude(n => n.AwardType)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == proposalId, cancellationToken);
        if (proposal is null)
        {
            return [];
        }

        var rules = await db.AwardRules.AsNoTracking().Include(r => r.AwardType).Include(r => r.RequiredAwardType)
            .Where(r => r.Severity != RuleSeverity.Off).OrderBy(r => r.Kind).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var nominees = proposal.Nominees.Where(IsLive).OrderBy(n => n.SortOrder).ThenBy(n => n.Id).ToList();
        var findings = new List<RuleFinding>();
        if (rules.Count == 0 || nominees.Count == 0)
        {
            return findings;
        }

        var context = await ContextAsync(proposal, nominees, cancellationToken);
        foreach (var rule in rules)
        {
            var subjects = nominees.Where(n => rule.AwardTypeId is null || n.AwardTypeId == rule.AwardTypeId).ToList();
            switch (rule.Kind)
            {
                case AwardRuleKind.DuplicateInYear:
                    DuplicateInYear(rule, proposal, subjects, context, findings);
                    break;
                case AwardRuleKind.DuplicateForCampaign:
                    DuplicateForCampaign(rule, proposal, subjects, context, findings);
                    break;
                case AwardRuleKind.PrerequisiteSameYear when rule.RequiredAwardTypeId is { } required:
                    PrerequisiteSameYear(rule, proposal, subjects, nominees, required, context, findings);
                    break;
                case AwardRuleKind.PrerequisiteConsecutiveYears when rule.RequiredAwardTypeId is { } required && rule.Years is > 0:
                    PrerequisiteYears(rule, proposal, subjects, nominees, required, rule.Years.Value, context, findings);
                    break;
                case AwardRuleKind.Discipline:
                    Discipline(rule, proposal, subjects, context, findings);
                    break;
                case AwardRuleKind.Cap when rule.AwardTypeId is { } capped && rule.RequiredAwardTypeId is { } baseType && rule.CapPercent is { } percent:
                    await CapAsync(rule, proposal, nominees, capped, baseType, percent, findings, cancellationToken);
                    break;
                case AwardRuleKind.WomenShare:
                    WomenShare(rule, subjects, findings);
                    break;
            }
        }

        return findings;
    }

    /// <summary>The share of women among the live individual nominees, in percent with one decimal; null when there are none.</summary>
    public static (int Women, int Individuals, decimal Percent)? ShareOfWomen(IEnumerable<Nominee> nominees)
    {
        var individuals = nominees.Where(n => IsLive(n) && n.RecipientKind == RecipientKind.Individual && n.StaffMember is not null).ToList();
        if (individuals.Count == 0)
        {
            return null;
        }

        var women = individuals.Count(n => n.StaffMember!.Gender == Gender.Female);
        return (women, individuals.Count, Math.Round(women * 100m / individuals.Count, 1, MidpointRounding.AwayFromZero));
    }

    private static string Percent(decimal value) => value.ToString("0.#", CultureInfo.GetCultureInfo("vi-VN"));

    private static string NameOf(Nominee n) => n.RecipientKind == RecipientKind.Individual ? n.StaffMember?.FullName ?? string.Empty : n.Unit?.Name ?? string.Empty;

    private static (RecipientKind Kind, int Id) Recipient(Nominee n) =>
        (n.RecipientKind, n.RecipientKind == RecipientKind.Individual ? n.StaffMemberId ?? 0 : n.UnitId ?? 0);

    private static RuleFinding Finding(AwardRule rule, Nominee? nominee, string code, params object[] args) =>
        new(rule.Id, rule.Name, rule.Kind, rule.Severity, nominee?.Id, code, [rule.Name, .. args]);

    private async Task<CheckContext> ContextAsync(Proposal proposal, List<Nominee> nominees, CancellationToken cancellationToken)
    {
        var staffIds = nominees.Where(n => n.StaffMemberId is not null).Select(n => n.StaffMemberId!.Value).Distinct().ToList();
        var unitIds = nominees.Where(n => n.UnitId is not null).Select(n => n.UnitId!.Value).Distinct().ToList();

        var commendations = await db.Commendations.AsNoTracking()
            .Where(c => (c.StaffMemberId != null && staffIds.Contains(c.StaffMemberId.Value)) || (c.UnitId != null && unitIds.Contains(c.UnitId.Value)))
            .Where(c => c.AwardDecision == null || c.AwardDecision.Status != DecisionStatus.Cancelled)
            .Select(c => new CommendationFact(c.Id, c.RecipientKind, c.StaffMemberId, c.UnitId, c.AwardTypeId, c.Year, c.CampaignId, c.DecisionNumber, c.AwardType!.Name))
            .ToListAsync(cancellationToken);

        var others = await db.Nominees.AsNoTracking()
            .Where(n => n.ProposalId != proposal.Id && !DeadStatuses.Contains(n.Proposal!.Status) && !DeadOutcomes.Contains(n.Outcome))
            .Where(n => (n.StaffMemberId != null && staffIds.Contains(n.StaffMemberId.Value)) || (n.UnitId != null && unitIds.Contains(n.UnitId.Value)))
            .Select(n => new NomineeFact(n.Id, n.RecipientKind, n.StaffMemberId, n.UnitId, n.AwardTypeId, n.Proposal!.Year, n.Proposal.CampaignId, n.Proposal.Title, n.AwardType!.Name))
            .ToListAsync(cancellationToken);

        var today = clock.Today;
        var yearStart = new DateOnly(proposal.Year, 1, 1);
        var yearEnd = new DateOnly(proposal.Year, 12, 31);
        var discipline = staffIds.Count == 0
            ? []
            : await db.DisciplineRecords.AsNoTracking()
                .Where(d => staffIds.Contains(d.StaffMemberId))
                .Where(d => (d.EffectiveFrom <= yearEnd && (d.EffectiveUntil == null || d.EffectiveUntil >= yearStart))
                    || (d.EffectiveFrom <= today && (d.EffectiveUntil == null || d.EffectiveUntil >= today)))
                .ToListAsync(cancellationToken);
        return new CheckContext(commendations, others, discipline);
    }

    private static void DuplicateInYear(AwardRule rule, Proposal proposal, List<Nominee> subjects, CheckContext context, List<RuleFinding> findings)
    {
        var seen = new HashSet<(RecipientKind, int, int)>();
        foreach (var n in subjects)
        {
            var who = Recipient(n);
            var award = n.AwardType?.Name ?? string.Empty;
            if (!seen.Add((who.Kind, who.Id, n.AwardTypeId)))
            {
                findings.Add(Finding(rule, n, "Rules.DuplicateInProposal", NameOf(n), award));
                continue;
            }

            var granted = context.Commendations.FirstOrDefault(c => c.Id != n.CommendationId && c.Matches(who) && c.AwardTypeId == n.AwardTypeId && c.Year == proposal.Year);
            if (granted is not null)
            {
                findings.Add(Finding(rule, n, "Rules.DuplicateAwarded", NameOf(n), award, proposal.Year, granted.DecisionNumber));
                continue;
            }

            var proposed = context.OtherNominees.FirstOrDefault(o => o.Matches(who) && o.AwardTypeId == n.AwardTypeId && o.Year == proposal.Year);
            if (proposed is not null)
            {
                findings.Add(Finding(rule, n, "Rules.DuplicateProposed", NameOf(n), award, proposal.Year, proposed.ProposalTitle));
            }
        }
    }

    private static void DuplicateForCampaign(AwardRule rule, Proposal proposal, List<Nominee> subjects, CheckContext context, List<RuleFinding> findings)
    {
        if (proposal.CampaignId is not { } campaignId)
        {
            return;
        }

        foreach (var n in subjects)
        {
            var who = Recipient(n);
            var granted = context.Commendations.FirstOrDefault(c => c.Id != n.CommendationId && c.Matches(who) && c.CampaignId == campaignId);
            if (granted is not null)
            {
                findings.Add(Finding(rule, n, "Rules.CampaignAwarded", NameOf(n), granted.AwardName, granted.DecisionNumber));
                continue;
            }

            var proposed = context.OtherNominees.FirstOrDefault(o => o.Matches(who) && o.CampaignId == campaignId);
            if (proposed is not null)
            {
                findings.Add(Finding(rule, n, "Rules.CampaignProposed", NameOf(n), proposed.AwardName, proposed.ProposalTitle));
            }
        }
    }

    private static bool HasInYear(Nominee n, int year, int requiredTypeId, Proposal proposal, List<Nominee> all, CheckContext context)
    {
        var who = Recipient(n);
        if (context.Commendations.Any(c => c.Matches(who) && c.AwardTypeId == requiredTypeId && c.Year == year))
        {
            return true;
        }

        return year == proposal.Year && all.Any(o => o.Id != n.Id && Recipient(o) == who && o.AwardTypeId == requiredTypeId);
    }

    private static void PrerequisiteSameYear(
        AwardRule rule, Proposal proposal, List<Nominee> subjects, List<Nominee> all, int requiredTypeId, CheckContext context, List<RuleFinding> findings)
    {
        foreach (var n in subjects.Where(n => n.AwardTypeId != requiredTypeId))
        {
            if (!HasInYear(n, proposal.Year, requiredTypeId, proposal, all, context))
            {
                findings.Add(Finding(rule, n, "Rules.PrerequisiteSameYear", NameOf(n), n.AwardType?.Name ?? string.Empty, rule.RequiredAwardType?.Name ?? string.Empty, proposal.Year));
            }
        }
    }

    private static void PrerequisiteYears(
        AwardRule rule, Proposal proposal, List<Nominee> subjects, List<Nominee> all, int requiredTypeId, int years, CheckContext context, List<RuleFinding> findings)
    {
        foreach (var n in subjects.Where(n => n.AwardTypeId != requiredTypeId))
        {
            var missing = Enumerable.Range(proposal.Year - years + 1, years)
                .Where(y => !HasInYear(n, y, requiredTypeId, proposal, all, context))
                .ToList();
            if (missing.Count > 0)
            {
                findings.Add(Finding(
                    rule, n, "Rules.PrerequisiteYears", NameOf(n), n.AwardType?.Name ?? string.Empty, rule.RequiredAwardType?.Name ?? string.Empty, years,
                    string.Join(", ", missing)));
            }
        }
    }

    private static void Discipline(AwardRule rule, Proposal proposal, List<Nominee> subjects, CheckContext context, List<RuleFinding> findings)
    {
        _ = proposal;
        foreach (var n in subjects.Where(n => n.StaffMemberId is not null))
        {
            var record = context.Discipline.Where(d => d.StaffMemberId == n.StaffMemberId).OrderByDescending(d => d.EffectiveFrom).FirstOrDefault();
            if (record is not null)
            {
                var until = record.EffectiveUntil is { } u ? VietnameseDate.Display(u) : "—";
                findings.Add(Finding(rule, n, "Rules.Discipline", NameOf(n), record.Form, record.DecisionNumber, VietnameseDate.Display(record.EffectiveFrom), until));
            }
        }
    }

    private async Task CapAsync(
        AwardRule rule, Proposal proposal, List<Nominee> nominees, int cappedTypeId, int baseTypeId, decimal percent, List<RuleFinding> findings,
        CancellationToken cancellationToken)
    {
        int capped, baseCount;
        IQueryable<Honors.Commendation> outside = db.Commendations.AsNoTracking()
            .Where(c => c.AwardTypeId == baseTypeId && c.Year == proposal.Year && c.AwardDecisionId == null);
        if (rule.CapScope == CapScope.Unit)
        {
            capped = nominees.Count(n => n.AwardTypeId == cappedTypeId);
            if (capped == 0)
            {
                return;
            }

            baseCount = nominees.Count(n => n.AwardTypeId == baseTypeId);
            var unitId = proposal.UnitId;
            baseCount += await outside.CountAsync(
                c => (c.StaffMember != null && c.StaffMember.UnitId == unitId) || c.UnitId == unitId, cancellationToken);
        }
        else
        {
            if (!nominees.Any(n => n.AwardTypeId == cappedTypeId))
            {
                return;
            }

            var live = db.Nominees.AsNoTracking()
                .Where(n => n.Proposal!.Year == proposal.Year && !DeadStatuses.Contains(n.Proposal.Status) && !DeadOutcomes.Contains(n.Outcome));
            capped = await live.CountAsync(n => n.AwardTypeId == cappedTypeId, cancellationToken);
            baseCount = await live.CountAsync(n => n.AwardTypeId == baseTypeId, cancellationToken)
                + await outside.CountAsync(cancellationToken);
        }

        // capped / base ≤ percent / 100, in integers of hundredths so "exactly 15 %" is exact.
        if (capped * 100m > percent * baseCount)
        {
            var share = baseCount == 0 ? 100m : Math.Round(capped * 100m / baseCount, 1, MidpointRounding.AwayFromZero);
            var scopeKey = rule.CapScope == CapScope.Unit ? "Rules.CapUnit" : "Rules.CapAgency";
            findings.Add(Finding(
                rule, null, scopeKey, rule.AwardType?.Name ?? string.Empty, capped, rule.RequiredAwardType?.Name ?? string.Empty, baseCount,
                Percent(share), Percent(percent)));
        }
    }

    private static void WomenShare(AwardRule rule, List<Nominee> subjects, List<RuleFinding> findings)
    {
        if (ShareOfWomen(subjects) is { } share)
        {
            findings.Add(new RuleFinding(
                rule.Id, rule.Name, rule.Kind, RuleSeverity.Warning, null, "Rules.WomenShare",
                rule.Name, share.Women, share.Individuals, Percent(share.Percent)));
        }
    }

    private sealed record CommendationFact(
        int Id, RecipientKind Kind, int? StaffMemberId, int? UnitId, int AwardTypeId, int Year, int? CampaignId, string DecisionNumber, string AwardName)
    {
        public bool Matches((RecipientKind Kind, int Id) who) =>
            who.Kind == Kind && (Kind == RecipientKind.Individual ? StaffMemberId == who.Id : UnitId == who.Id);
    }

    private sealed record NomineeFact(
        int Id, RecipientKind Kind, int? StaffMemberId, int? UnitId, int AwardTypeId, int Year, int? CampaignId, string ProposalTitle, string AwardName)
    {
        public bool Matches((RecipientKind Kind, int Id) who) =>
            who.Kind == Kind && (Kind == RecipientKind.Individual ? StaffMemberId == who.Id : UnitId == who.Id);
    }

    private sealed record CheckContext(List<CommendationFact> Commendations, List<NomineeFact> OtherNominees, List<DisciplineRecord> Discipline);
}
