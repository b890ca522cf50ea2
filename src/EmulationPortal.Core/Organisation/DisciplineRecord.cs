namespace EmulationPortal.Organisation;

/// <summary>
/// Kỷ luật: a dated discipline decision on a staff member. While it is in effect the person cannot be proposed for
/// any commendation.
/// </summary>
public class DisciplineRecord
{
    public int Id { get; set; }

    public int StaffMemberId { get; set; }

    public StaffMember? StaffMember { get; set; }

    /// <summary>Hình thức kỷ luật: "Khiển trách", "Cảnh cáo", …</summary>
    public string Form { get; set; } = string.Empty;

    public string DecisionNumber { get; set; } = string.Empty;

    public DateOnly DecidedOn { get; set; }

    /// <summary>The first day it is in effect.</summary>
    public DateOnly EffectiveFrom { get; set; }

    /// <summary>The last day it is in effect (inclusive); null: until lifted.</summary>
    public DateOnly? EffectiveUntil { get; set; }

    public string Note { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    public bool IsInEffectOn(DateOnly day) => EffectiveFrom <= day && (EffectiveUntil is null || day <= EffectiveUntil);
}
