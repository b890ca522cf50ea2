using EmulationPortal.Organisation;
using Microsoft.AspNetCore.Identity;

namespace EmulationPortal.Accounts;

/// <summary>A sign-in account, optionally linked to the staff member it belongs to.</summary>
public class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    public int? StaffMemberId { get; set; }

    public StaffMember? StaffMember { get; set; }

    /// <summary>Set for generated or reset passwords: the user must choose a new one at the next sign-in.</summary>
    public bool MustChangePassword { get; set; }
}
