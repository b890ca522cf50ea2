using EmulationPortal.Common;

namespace EmulationPortal.Organisation;

public enum UnitKind
{
    /// <summary>Ban Giám đốc / lãnh đạo.</summary>
    Leadership = 0,

    /// <summary>Văn phòng: the Office, in charge of emulation work.</summary>
    Office = 1,

    /// <summary>Phòng chuyên môn, Thanh tra.</summary>
    Division = 2,

    /// <summary>Đơn vị trực thuộc (Trung tâm …).</summary>
    Affiliated = 3,
}

/// <summary>Đơn vị: a unit of the organisation; units form a tree.</summary>
public class Unit : IVersioned
{
    public int Id { get; set; }

    public int Version { get; set; }

    public string Name { get; set; } = string.Empty;

    public UnitKind Kind { get; set; }

    public int? ParentId { get; set; }

    public Unit? Parent { get; set; }

    public ICollection<Unit> Children { get; set; } = [];

    public int SortOrder { get; set; }

    public bool IsActive { get; set; } = true;
}
