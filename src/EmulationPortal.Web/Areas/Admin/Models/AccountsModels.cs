using EmulationPortal.Accounts;
using EmulationPortal.Audit;
using EmulationPortal.Common;
using EmulationPortal.Feedbacks;
using EmulationPortal.Home;

namespace EmulationPortal.Web.Areas.Admin.Models;

/// <summary>A simple admin pager: where it is and the query values to keep.</summary>

public sealed record DashboardViewModel(Dashboard Dashboard, bool ShowsAccountActivity);

public sealed record UserIndexViewModel(
    PagedList<UserListItem> Users, string? Role, int? UnitId, UserState? State, string? Search, UserFormOptions Options, bool HasInvalidFilter, AdminPager Pager);

/// <summary>The create-user form. Validation is the service's (messages from AdminAccountsResource).</summary>
public sealed class UserCreateInput
{
    public string? UserName { get; set; }

    public string? DisplayName { get; set; }

    public string? Email { get; set; }

    public int? UnitId { get; set; }

    public int? StaffMemberId { get; set; }

    public List<string> Roles { get; set; } = [];

    /// <summary>"generate" (default) or "type".</summary>
    public string? PasswordMode { get; set; }

    public string? Password { get; set; }
}

public sealed record UserCreateViewModel(UserCreateInput Input, UserFormOptions Options);

/// <summary>The edit-user form: display name, e-mail, unit, linked staff member, roles.</summary>
public sealed class UserEditInput
{
    public string? DisplayName { get; set; }

    public string? Email { get; set; }

    public int? UnitId { get; set; }

    public int? StaffMemberId { get; set; }

    public List<string> Roles { get; set; } = [];

    public string? ConcurrencyStamp { get; set; }
}

public sealed record UserEditViewModel(UserDetail User, UserEditInput Input, UserFormOptions Options, bool IsSelf);

/// <summary>The operations that ask for a confirmation first.</summary>
public enum UserOperation
{
    Lock,
    Disable,
    ResetPassword,
}

public sealed record UserConfirmViewModel(UserDetail User, UserOperation Operation);

public sealed record UserPasswordViewModel(UserDetail User, string Password);

public sealed record FeedbackIndexViewModel(PagedList<FeedbackListItem> Items, FeedbackStatus? Status, IReadOnlyDictionary<FeedbackStatus, int> Counts, AdminPager Pager);

/// <summary>The triage form: status and internal note, at the version the page was read.</summary>
public sealed class FeedbackTriageInput
{
    public FeedbackStatus Status { get; set; }

    public string? InternalNote { get; set; }

    public int Version { get; set; }
}

public sealed record FeedbackDetailViewModel(FeedbackDetail Feedback, FeedbackTriageInput Input, bool CanChange);

public sealed record AuditIndexViewModel(
    PagedList<AuditListItem> Entries, string? UserName, string? Action, string? EntityType, DateOnly? From, DateOnly? To,
    AuditFilterOptions Options, bool HasInvalidFilter, AdminPager Pager);
