using EmulationPortal.Council;
using EmulationPortal.Data;
using EmulationPortal.Organisation;

namespace EmulationPortal.Seeding;

/// <summary>
/// The demo council (Hội đồng Thi đua – Khen thưởng) from the seeded staff, as departments usually form it: the
/// director chairs, the deputy director is vice-chair, the officer in charge of emulation work is secretary, and the
/// heads of the Office, the inspectorate, the divisions and the centre are members.
/// </summary>
internal static class DemoCouncil
{
    /// <summary>Full name (as in <see cref="DemoContent.Staff"/>) and role, in the order the council lists them.</summary>
    public static readonly (string Name, CouncilRole Role)[] Members =
    [
        ("Trần Minh Khôi", CouncilRole.Chair),
        ("Lê Thị Thu Hà", CouncilRole.ViceChair),
        ("Phạm Quốc Đạt", CouncilRole.Secretary),
        ("Nguyễn Thị Ánh", CouncilRole.Member),
        ("Đỗ Văn Dũng", CouncilRole.Member),
        ("Bùi Đức Thắng", CouncilRole.Member),
        ("Đặng Văn Hùng", CouncilRole.Member),
        ("Trịnh Công Sơn Tùng", CouncilRole.Member),
        ("Dương Thị Kim Oanh", CouncilRole.Member),
        ("Hà Văn Bảo", CouncilRole.Member),
    ];

    /// <summary>
    /// Adds the members (not saved) for the staff found by full name in <paramref name="staff"/> (saved or not); names
    /// not found are skipped. Returns the members added, in order.
    /// </summary>
    public static IReadOnlyList<CouncilMember> Add(PortalDbContext db, IReadOnlyDictionary<string, StaffMember> staff)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(staff);
        var added = new List<CouncilMember>();
        foreach (var (name, role) in Members)
        {
            if (!staff.TryGetValue(name, out var person))
            {
                continue;
            }

            var member = new CouncilMember { StaffMember = person, Role = role, SortOrder = added.Count + 1, IsActive = true };
            db.CouncilMembers.Add(member);
            added.Add(member);
        }

        return added;
    }
}
