using EmulationPortal.Common;
using EmulationPortal.Organisation;
using EmulationPortal.Proposals;

namespace EmulationPortal.Web.Areas.Admin.Models;

public sealed record AwardRuleIndexViewModel(IReadOnlyList<AwardRuleRow> Rules);

public sealed record AwardRuleEditViewModel(int? Id, AwardRuleForm Form, IReadOnlyList<FilterOption> Awards);

public sealed record DisciplineIndexViewModel(IReadOnlyList<DisciplineRow> Records, IReadOnlyList<FilterOption> Staff, int? StaffMemberId);

public sealed record DisciplineEditViewModel(int? Id, DisciplineForm Form, IReadOnlyList<FilterOption> Staff);
