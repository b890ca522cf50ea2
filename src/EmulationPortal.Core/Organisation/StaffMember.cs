using EmulationPortal.Common;

namespace EmulationPortal.Organisation;

public enum Gender
{
    Male = 0,
    Female = 1,
}

/// <summary>Cán bộ, công chức, viên chức, người lao động.</summary>
public class StaffMember : IVersioned
{
    private string _fullName = string.Empty;

    public int Id { get; set; }

    public int Version { get; set; }

    /// <summary>Family, middle and given names, in Vietnamese order ("Nguyễn Thị Ánh").</summary>
    public string FullName
    {
        get => _fullName;
        set
        {
            _fullName = VietnameseText.Normalize(value);
            NameSortKey = VietnameseText.NameSortKey(_fullName);
        }
    }

    /// <summary>Sorts by given name first, in Vietnamese collation; maintained with <see cref="FullName"/>.</summary>
    public byte[] NameSortKey { get; private set; } = [];

    public string Position { get; set; } = string.Empty;

    public Gender Gender { get; set; }

    public int UnitId { get; set; }

    public Unit? Unit { get; set; }

    public bool IsActive { get; set; } = true;
}
