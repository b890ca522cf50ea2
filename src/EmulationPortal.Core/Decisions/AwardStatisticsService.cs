using EmulationPortal.Data;
using EmulationPortal.Honors;
using EmulationPortal.Organisation;
using EmulationPortal.Proposals;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Decisions;

/// <summary>Which of the two annual report forms a table follows.</summary>
public enum StatisticsForm
{
    /// <summary>Mẫu 0603.N: awards of the department and province levels.</summary>
    DepartmentProvince = 0,

    /// <summary>Mẫu 0602.N: awards of the ministerial and national levels.</summary>
    MinisterialNational = 1,
}

/// <summary>What a row counts; the web layer names it (units by their own name).</summary>
public enum StatisticsRowKind
{
    Unit = 0,
    Collectives = 1,
    Individuals = 2,
    Women = 3,
    Kind = 4,
    Total = 5,
}

/// <summary>One award type's pair of columns.</summary>
public sealed record StatisticsColumn(int AwardTypeId, string Name);

/// <summary>Collectives and individuals counted in one cell pair.</summary>
public readonly record struct StatisticsCell(int Collective, int Individual)
{
    public int Total => Collective + Individual;
}

/// <summary>A row: its kind, the unit's name or the proposal kind, one cell pair per column, and the row's totals.</summary>
public sealed record StatisticsRow(StatisticsRowKind Kind, string? UnitName, ProposalKind? ProposalKind, IReadOnlyList<StatisticsCell> Cells)
{
    public StatisticsCell Sum => new(Cells.Sum(c => c.Collective), Cells.Sum(c => c.Individual));
}

/// <summary>One form's table: columns, the three row blocks (units, recipient category, kind of commendation), the total.</summary>
public sealed record StatisticsTable(
    StatisticsForm Form, IReadOnlyList<StatisticsColumn> Columns, IReadOnlyList<StatisticsRow> ByUnit,
    IReadOnlyList<StatisticsRow> ByCategory, IReadOnlyList<StatisticsRow> ByKind, StatisticsRow Total);

public sealed record AwardStatistics(int Year, IReadOnlyList<int> Years, IReadOnlyList<StatisticsTable> Tables);

/// <summary>
/// The annual tables provinces report (0603.N for department/province levels, 0602.N for ministerial/national
/// levels): award types as columns split collective/individual; rows by the agency's units, by recipient category and
/// by kind of commendation. Counts the commendations of the decisions of the proposal workflow issued for that year;
/// cancelled decisions have no commendations left and direct honoring from the admin area (decisions made elsewhere,
/// whose kind is unknown) is not counted.
/// </summary>
public sealed class AwardStatisticsService(PortalDbContext db)
{
    private sealed record Fact(int AwardTypeId, AwardLevel Level, RecipientKind Recipient, int UnitId, Gender? Gender, ProposalKind Kind);

    public async Task<AwardStatistics> BuildAsync(int year, CancellationToken cancellationToken = default)
    {
        var years = await db.AwardDecisions.AsNoTracking().Where(d => d.Status == DecisionStatus.Issued)
            .Select(d => d.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);

        var facts = (await db.Nominees.AsNoTracking()
                .Where(n => n.CommendationId != null && n.Outcome == NomineeOutcome.Awarded
                    && n.Decision!.Status == DecisionStatus.Issued && n.Decision.Year == year)
                .Select(n => new
                {
                    n.Commendation!.AwardTypeId,
                    n.Commendation.AwardType!.Level,
                    n.Commendation.RecipientKind,
                    UnitId = n.Commendation.RecipientKind == RecipientKind.Collective ? n.Commendation.UnitId!.Value : n.Commendation.StaffMember!.UnitId,
                    Gender = n.Commendation.RecipientKind == RecipientKind.Collective ? (Gender?)null : n.Commendation.StaffMember!.Gender,
                    n.Proposal!.Kind,
                })
                .ToListAsync(cancellationToken))
            .Select(f => new Fact(f.AwardTypeId, f.Level, f.RecipientKind, f.UnitId, f.Gender, f.Kind))
            .ToList();

        var awardTypes = await db.AwardTypes.AsNoTracking()
            .OrderBy(a => a.Level).ThenBy(a => a.Category).ThenBy(a => a.SortOrder).ThenBy(a => a.Name)
            .Select(a => new { a.Id, a.Name, a.Level, a.IsActive })
            .ToListAsync(cancellationToken);
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Kind).ThenBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new { u.Id, u.Name, u.IsActive }).ToListAsync(cancellationToken);

        var tables = new List<StatisticsTable>();
        foreach (var form in new[] { StatisticsForm.DepartmentProvince, StatisticsForm.MinisterialNational })
        {
            var inForm = facts.Where(f => FormOf(f.Level) == form).ToList();
            var columns = awardTypes.Where(a => FormOf(a.Level) == form && (a.IsActive || inForm.Any(f => f.AwardTypeId == a.Id)))
                .Select(a => new StatisticsColumn(a.Id, a.Name)).ToList();
            StatisticsRow Row(StatisticsRowKind kind, Func<Fact, bool> match, string? unitName = null, ProposalKind? proposalKind = null) =>
                new(kind, unitName, proposalKind, columns.Select(c =>
                {
                    var cell = inForm.Where(f => f.AwardTypeId == c.AwardTypeId && match(f)).ToList();
                    return new StatisticsCell(cell.Count(f => f.Recipient == RecipientKind.Collective), cell.Count(f => f.Recipient == RecipientKind.Individual));
                }).ToList());

            var byUnit = units.Where(u => u.IsActive || inForm.Any(f => f.UnitId == u.Id))
                .Select(u => Row(StatisticsRowKind.Unit, f => f.UnitId == u.Id, unitName: u.Name)).ToList();
            var byCategory = new List<StatisticsRow>
            {
                Row(StatisticsRowKind.Collectives, f => f.Recipient == RecipientKind.Collective),
                Row(StatisticsRowKind.Individuals, f => f.Recipient == RecipientKind.Individual),
                Row(StatisticsRowKind.Women, f => f.Recipient == RecipientKind.Individual && f.Gender == Gender.Female),
            };
            var byKind = Enum.GetValues<ProposalKind>().Select(k => Row(StatisticsRowKind.Kind, f => f.Kind == k, proposalKind: k)).ToList();
            tables.Add(new StatisticsTable(form, columns, byUnit, byCategory, byKind, Row(StatisticsRowKind.Total, _ => true)));
        }

        return new AwardStatistics(year, years, tables);
    }

    public static StatisticsForm FormOf(AwardLevel level) =>
        level is AwardLevel.Department or AwardLevel.Provincial ? StatisticsForm.DepartmentProvince : StatisticsForm.MinisterialNational;
}
