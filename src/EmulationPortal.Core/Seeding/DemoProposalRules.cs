using EmulationPortal.Data;
using EmulationPortal.Honors;
using EmulationPortal.Proposals;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Seeding;

/// <summary>
/// The rule checks' defaults from the Law on Emulation and Commendation 06/2022/QH15 and domain.md, added by the seeded
/// award types' names when there are no rules yet. The Office changes them on /Admin/AwardRules.
/// </summary>
public static class DemoProposalRules
{
    public const string Ldtt = "Lao động tiên tiến";
    public const string Cstdcs = "Chiến sĩ thi đua cơ sở";
    public const string CstdTinh = "Chiến sĩ thi đua cấp tỉnh";

    /// <summary>Adds the default rules (saves) when the table is empty; returns how many were added.</summary>
    public static async Task<int> AddAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.AwardRules.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var types = await db.AwardTypes.ToListAsync(cancellationToken);
        var rules = Defaults(types);
        db.AwardRules.AddRange(rules);
        await db.SaveChangesAsync(cancellationToken);
        return rules.Count;
    }

    /// <summary>The default rules for the given catalogue; rules whose award types are missing are left out.</summary>
    public static List<AwardRule> Defaults(IReadOnlyList<AwardType> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        AwardType? Find(string name) => types.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));
        var ldtt = Find(Ldtt);
        var cstdcs = Find(Cstdcs);
        var cstdTinh = Find(CstdTinh);
        var rules = new List<AwardRule>
        {
            new() { Kind = AwardRuleKind.DuplicateInYear, Severity = RuleSeverity.Block, Name = "Không khen trùng danh hiệu trong năm" },
            new() { Kind = AwardRuleKind.DuplicateForCampaign, Severity = RuleSeverity.Warning, Name = "Không khen hai lần cho cùng phong trào" },
            new() { Kind = AwardRuleKind.Discipline, Severity = RuleSeverity.Block, Name = "Không đề nghị người đang bị kỷ luật" },
            new() { Kind = AwardRuleKind.WomenShare, Severity = RuleSeverity.Warning, Name = "Tỷ lệ nữ trong danh sách đề nghị" },
        };
        if (ldtt is not null && cstdcs is not null)
        {
            rules.Add(new AwardRule
            {
                Kind = AwardRuleKind.PrerequisiteSameYear, AwardType = cstdcs, RequiredAwardType = ldtt, Severity = RuleSeverity.Block,
                Name = "CSTĐCS cần LĐTT cùng năm",
            });
            rules.Add(new AwardRule
            {
                Kind = AwardRuleKind.Cap, AwardType = cstdcs, RequiredAwardType = ldtt, CapPercent = 15m, CapScope = CapScope.Agency,
                Severity = RuleSeverity.Warning, Name = "CSTĐCS không quá 15% số LĐTT",
            });
        }

        if (cstdcs is not null && cstdTinh is not null)
        {
            // "03 lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở" (Law 06/2022/QH15).
            rules.Add(new AwardRule
            {
                Kind = AwardRuleKind.PrerequisiteConsecutiveYears, AwardType = cstdTinh, RequiredAwardType = cstdcs, Years = 3,
                Severity = RuleSeverity.Warning, Name = "CSTĐ cấp tỉnh cần 3 lần liên tục CSTĐCS",
            });
        }

        return rules;
    }
}
