using EmulationPortal.Organisation;
using Microsoft.AspNetCore.Identity;

namespace EmulationPortal.Accounts;

/// <summary>A sign-in account, optionally linked to the staff member it belongs to.</summary>
public class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    public int? StaffMemberId { get; set; }

    public StaffMember? StaffMember { get; set; }

    /// <summary>The unit the user works in; a unit reporter acts for this unit only.</summary>
    public int? UnitId { get; set; }

    public Unit? Unit { get; set; }

    /// <summary>A disabled account cannot sign in, and its sessions end.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>Set for generated or reset passwords: the user must choose a new one at the next sign-in.</summary>
    public bool MustChangePassword { get; set; }
}
