using System.Security.Cryptography;
using EmulationPortal.Common;
using EmulationPortal.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Accounts;

/// <summary>States an account can be filtered by.</summary>
public enum UserState
{
    Active = 0,
    Locked = 1,
    Disabled = 2,
    MustChangePassword = 3,
}

public sealed record UserFilter(string? Role, int? UnitId, UserState? State, string? Search, int Page);

public sealed record UserListItem(
    string Id, string UserName, string DisplayName, string? Email, string? UnitName, IReadOnlyList<string> Roles, bool IsDisabled, bool IsLocked, bool MustChangePassword);

public sealed record UserDetail(
    string Id, string UserName, string DisplayName, string? Email, int? UnitId, string? UnitName, int? StaffMemberId, string? StaffMemberName,
    IReadOnlyList<string> Roles, bool IsDisabled, bool IsLocked, bool MustChangePassword, string ConcurrencyStamp);

public sealed record UserFormOptions(IReadOnlyList<FilterOption> Units, IReadOnlyList<FilterOption> StaffMembers);

/// <summary>A new account. A null or empty <paramref name="Password"/> means: generate one and show it once.</summary>
public sealed record NewUser(string? UserName, string? DisplayName, string? Email, int? UnitId, int? StaffMemberId, IReadOnlyList<string> Roles, string? Password);

/// <summary>What the edit form changes; <paramref name="ConcurrencyStamp"/> is the one the form was read at.</summary>
public sealed record UserChanges(string? DisplayName, string? Email, int? UnitId, int? StaffMemberId, IReadOnlyList<string> Roles, string? ConcurrencyStamp);

/// <summary>The outcome of an account change: errors (resource keys), or success with a password to show once.</summary>
public sealed record UserAdminResult(string? UserId, IReadOnlyList<ServiceError> Errors, string? GeneratedPassword = null, bool Conflict = false)
{
    public bool Succeeded => Errors.Count == 0 && !Conflict;

    public static UserAdminResult Ok(string userId, string? generatedPassword = null) => new(userId, [], generatedPassword);

    public static UserAdminResult Fail(params ServiceError[] errors) => new(null, errors);

    public static UserAdminResult ConcurrencyConflict() => new(null, [], null, Conflict: true);
}

/// <summary>
/// Accounts for administrators: create, edit roles and unit, lock, disable, reset the password. Disabling, locking,
/// a change of roles and a password reset end the user's server-side sessions at once (<see cref="ISessionRevoker"/>,
/// after the commit) and raise the security stamp as a second line. An administrator cannot lock, disable or demote themself.
/// </summary>
public sealed class UserAdminService(PortalDbContext db, UserManager<PortalUser> users, PortalClock clock, ISessionRevoker? sessions = null)
{
    public const int PageSize = 25;
    public const int MaxUserNameLength = 100;
    public const int MaxDisplayNameLength = 150;
    public const int MaxEmailLength = 256;
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;

    private const string PasswordAlphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public async Task<PagedList<UserListItem>> ListAsync(UserFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var now = clock.UtcNow;
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Role))
        {
            var roleId = await db.Roles.Where(r => r.Name == filter.Role).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        }

        if (filter.UnitId is { } unitId)
        {
            query = query.Where(u => u.UnitId == unitId);
        }

        query = filter.State switch
        {
            UserState.Active => query.Where(u => !u.IsDisabled && (u.LockoutEnd == null || u.LockoutEnd <= now)),
            UserState.Locked => query.Where(u => u.LockoutEnd != null && u.LockoutEnd > now),
            UserState.Disabled => query.Where(u => u.IsDisabled),
            UserState.MustChangePassword => query.Where(u => u.MustChangePassword),
            _ => query,
        };

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = VietnameseText.Normalize(filter.Search).Trim();
            var upper = term.ToUpperInvariant();
            query = query.Where(u => u.NormalizedUserName!.Contains(upper) || u.DisplayName.Contains(term) || (u.NormalizedEmail != null && u.NormalizedEmail.Contains(upper)));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(u => u.UserName).Skip((filter.Page - 1) * PageSize).Take(PageSize)
            .Select(u => new
            {
                u.Id, u.UserName, u.DisplayName, u.Email, UnitName = u.Unit == null ? null : u.Unit.Name, u.IsDisabled, u.LockoutEnd, u.MustChangePassword,
            })
            .ToListAsync(cancellationToken);
        var roles = await RolesOfAsync(rows.Select(r => r.Id).ToList(), cancellationToken);
        var items = rows.Select(r => new UserListItem(
            r.Id, r.UserName ?? string.Empty, r.DisplayName, r.Email, r.UnitName, roles.GetValueOrDefault(r.Id, []), r.IsDisabled,
            r.LockoutEnd is { } end && end > now, r.MustChangePassword)).ToList();
        return new PagedList<UserListItem>(items, filter.Page, PageSize, total);
    }

    public async Task<UserDetail?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var now = clock.UtcNow;
        var row = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new
            {
                u.Id, u.UserName, u.DisplayName, u.Email, u.UnitId, UnitName = u.Unit == null ? null : u.Unit.Name, u.StaffMemberId,
                StaffMemberName = u.StaffMember == null ? null : u.StaffMember.FullName, u.IsDisabled, u.LockoutEnd, u.MustChangePassword, u.ConcurrencyStamp,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var roles = await RolesOfAsync([row.Id], cancellationToken);
        return new UserDetail(
            row.Id, row.UserName ?? string.Empty, row.DisplayName, row.Email, row.UnitId, row.UnitName, row.StaffMemberId, row.StaffMemberName,
            roles.GetValueOrDefault(row.Id, []), row.IsDisabled, row.LockoutEnd is { } end && end > now, row.MustChangePassword, row.ConcurrencyStamp ?? string.Empty);
    }

    public async Task<UserFormOptions> FormOptionsAsync(CancellationToken cancellationToken = default)
    {
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken);
        var staff = await db.StaffMembers.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.NameSortKey)
            .Select(s => new { s.Id, s.FullName, UnitName = s.Unit == null ? string.Empty : s.Unit.Name }).ToListAsync(cancellationToken);
        return new UserFormOptions(
            units.Select(u => new FilterOption(Invariant(u.Id), u.Name)).ToList(),
            staff.Select(s => new FilterOption(Invariant(s.Id), string.IsNullOrEmpty(s.UnitName) ? s.FullName : $"{s.FullName} – {s.UnitName}")).ToList());
    }

    public async Task<UserAdminResult> CreateAsync(NewUser input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var userName = VietnameseText.Normalize(input.UserName).Trim();
        var displayName = VietnameseText.Normalize(input.DisplayName).Trim();
        var email = VietnameseText.Normalize(input.Email).Trim();
        var errors = new List<ServiceError>();
        if (userName.Length == 0)
        {
            errors.Add(new ServiceError("UserName", "Users.Error.UserNameRequired"));
        }
        else if (userName.Length > MaxUserNameLength)
        {
            errors.Add(new ServiceError("UserName", "Users.Error.TooLong", MaxUserNameLength));
        }
        else if (await users.FindByNameAsync(userName) is not null)
        {
            errors.Add(new ServiceError("UserName", "Users.Error.UserNameTaken"));
        }

        errors.AddRange(await CheckCommonAsync(displayName, email, input.UnitId, input.StaffMemberId, input.Roles, cancellationToken));
        var password = string.IsNullOrEmpty(input.Password) ? null : input.Password;
        if (password is not null && password.Length is < MinPasswordLength or > MaxPasswordLength)
        {
            errors.Add(new ServiceError("Password", "Users.Error.PasswordLength", MinPasswordLength, MaxPasswordLength));
        }

        if (errors.Count > 0)
        {
            return UserAdminResult.Fail([.. errors]);
        }

        var generated = password is null ? GeneratePassword() : null;
        var user = new PortalUser
        {
            UserName = userName,
            DisplayName = displayName,
            Email = email.Length == 0 ? null : email,
            UnitId = input.UnitId,
            StaffMemberId = input.StaffMemberId,
            LockoutEnabled = true,
            MustChangePassword = true,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, password ?? generated!);
        if (!created.Succeeded)
        {
            return FromIdentity(created, "Password");
        }

        var added = await users.AddToRolesAsync(user, input.Roles.Distinct(StringComparer.Ordinal));
        if (!added.Succeeded)
        {
            return FromIdentity(added, "Roles");
        }

        await transaction.CommitAsync(cancellationToken);
        return UserAdminResult.Ok(user.Id, generated);
    }

    public async Task<UserAdminResult> UpdateAsync(string id, UserChanges input, string actingUserId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return UserAdminResult.Fail(new ServiceError(string.Empty, "Users.Error.NotFound"));
        }

        var displayName = VietnameseText.Normalize(input.DisplayName).Trim();
        var email = VietnameseText.Normalize(input.Email).Trim();
        var errors = await CheckCommonAsync(displayName, email, input.UnitId, input.StaffMemberId, input.Roles, cancellationToken);
        var current = await users.GetRolesAsync(user);
        var wanted = input.Roles.Distinct(StringComparer.Ordinal).ToList();
        if (user.Id == actingUserId && current.Contains(Roles.Administrator) && !wanted.Contains(Roles.Administrator))
        {
            errors.Add(new ServiceError("Roles", "Users.Error.OwnAdministratorRole"));
        }

        if (errors.Count > 0)
        {
            return UserAdminResult.Fail([.. errors]);
        }

        if (!string.IsNullOrEmpty(input.ConcurrencyStamp) && !string.Equals(input.ConcurrencyStamp, user.ConcurrencyStamp, StringComparison.Ordinal))
        {
            return UserAdminResult.ConcurrencyConflict();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.DisplayName = displayName;
        user.Email = email.Length == 0 ? null : email;
        user.UnitId = input.UnitId;
        user.StaffMemberId = input.StaffMemberId;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return updated.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)) ? UserAdminResult.ConcurrencyConflict() : FromIdentity(updated, string.Empty);
        }

        var removed = current.Except(wanted, StringComparer.Ordinal).ToList();
        var added = wanted.Except(current, StringComparer.Ordinal).ToList();
        if (removed.Count > 0 || added.Count > 0)
        {
            var step = removed.Count > 0 ? await users.RemoveFromRolesAsync(user, removed) : IdentityResult.Success;
            if (step.Succeeded && added.Count > 0)
            {
                step = await users.AddToRolesAsync(user, added);
            }

            // New roles take effect, and sessions holding the old ones end.
            if (step.Succeeded)
            {
                step = await users.UpdateSecurityStampAsync(user);
            }

            if (!step.Succeeded)
            {
                return FromIdentity(step, "Roles");
            }
        }

        await transaction.CommitAsync(cancellationToken);
        if (removed.Count > 0 || added.Count > 0)
        {
            await RevokeSessionsAsync(user.Id, cancellationToken);
        }

        return UserAdminResult.Ok(user.Id);
    }

    /// <summary>Locks (until unlocked) or unlocks an account; locking also ends its sessions.</summary>
    public Task<UserAdminResult> SetLockedAsync(string id, bool locked, string actingUserId) =>
        ChangeAsync(id, actingUserId, locked, "Users.Error.LockSelf", async user =>
        {
            var result = await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
            if (result.Succeeded && !locked)
            {
                result = await users.ResetAccessFailedCountAsync(user);
            }

            return result.Succeeded && locked ? await users.UpdateSecurityStampAsync(user) : result;
        });

    /// <summary>Disables or enables an account; disabling ends its sessions, and sign-in is refused while disabled.</summary>
    public Task<UserAdminResult> SetDisabledAsync(string id, bool disabled, string actingUserId) =>
        ChangeAsync(id, actingUserId, disabled, "Users.Error.DisableSelf", async user =>
        {
            user.IsDisabled = disabled;
            var result = await users.UpdateAsync(user);
            return result.Succeeded && disabled ? await users.UpdateSecurityStampAsync(user) : result;
        });

    /// <summary>Sets a new generated password (shown once), which must be changed at the next sign-in; ends the user's sessions.</summary>
    public async Task<UserAdminResult> ResetPasswordAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return UserAdminResult.Fail(new ServiceError(string.Empty, "Users.Error.NotFound"));
        }

        var password = GeneratePassword();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (result.Succeeded)
        {
            user.MustChangePassword = true;
            result = await users.UpdateAsync(user);
        }

        if (!result.Succeeded)
        {
            return FromIdentity(result, string.Empty);
        }

        // ResetPasswordAsync already raises the security stamp; the user's sessions end.
        await transaction.CommitAsync();
        await RevokeSessionsAsync(user.Id);
        return UserAdminResult.Ok(user.Id, password);
    }

    public static string GeneratePassword() => RandomNumberGenerator.GetString(PasswordAlphabet, 16);

    private async Task<UserAdminResult> ChangeAsync(string id, string actingUserId, bool restricting, string selfError, Func<PortalUser, Task<IdentityResult>> change)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return UserAdminResult.Fail(new ServiceError(string.Empty, "Users.Error.NotFound"));
        }

        if (restricting && user.Id == actingUserId)
        {
            return UserAdminResult.Fail(new ServiceError(string.Empty, selfError));
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await change(user);
        if (!result.Succeeded)
        {
            return FromIdentity(result, string.Empty);
        }

        await transaction.CommitAsync();
        if (restricting)
        {
            await RevokeSessionsAsync(user.Id);
        }

        return UserAdminResult.Ok(user.Id);
    }

    /// <summary>After the commit: the session store uses its own connection, which an open SQLite transaction would block.</summary>
    private Task RevokeSessionsAsync(string userId, CancellationToken cancellationToken = default) =>
        sessions is null ? Task.CompletedTask : sessions.RevokeAllAsync(userId, exceptKey: null, cancellationToken);

    private async Task<List<ServiceError>> CheckCommonAsync(
        string displayName, string email, int? unitId, int? staffMemberId, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        var errors = new List<ServiceError>();
        if (displayName.Length == 0)
        {
            errors.Add(new ServiceError("DisplayName", "Users.Error.DisplayNameRequired"));
        }
        else if (displayName.Length > MaxDisplayNameLength)
        {
            errors.Add(new ServiceError("DisplayName", "Users.Error.TooLong", MaxDisplayNameLength));
        }

        if (email.Length > MaxEmailLength)
        {
            errors.Add(new ServiceError("Email", "Users.Error.TooLong", MaxEmailLength));
        }
        else if (email.Length > 0 && (email.IndexOf('@', StringComparison.Ordinal) is < 1 || email.Any(char.IsWhiteSpace) || email.EndsWith('@')))
        {
            errors.Add(new ServiceError("Email", "Users.Error.EmailInvalid"));
        }

        if (unitId is { } u && !await db.Units.AnyAsync(x => x.Id == u, cancellationToken))
        {
            errors.Add(new ServiceError("UnitId", "Users.Error.UnknownUnit"));
        }

        if (staffMemberId is { } s && !await db.StaffMembers.AnyAsync(x => x.Id == s, cancellationToken))
        {
            errors.Add(new ServiceError("StaffMemberId", "Users.Error.UnknownStaffMember"));
        }

        if (roles.Count == 0)
        {
            errors.Add(new ServiceError("Roles", "Users.Error.RolesRequired"));
        }
        else if (roles.Any(r => !Accounts.Roles.All.Contains(r)))
        {
            errors.Add(new ServiceError("Roles", "Users.Error.UnknownRole"));
        }

        return errors;
    }

    private async Task<Dictionary<string, IReadOnlyList<string>>> RolesOfAsync(List<string> userIds, CancellationToken cancellationToken)
    {
        var pairs = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where userIds.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).AsNoTracking().ToListAsync(cancellationToken);
        return pairs.GroupBy(p => p.UserId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<string>)g.Select(p => p.Name!).OrderBy(n => IndexOf(n)).ToList());
    }

    private static int IndexOf(string role)
    {
        for (var i = 0; i < Accounts.Roles.All.Count; i++)
        {
            if (Accounts.Roles.All[i] == role)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    /// <summary>Identity's errors already carry Vietnamese descriptions (VietnameseIdentityErrorDescriber); they are passed on as text.</summary>
    private static UserAdminResult FromIdentity(IdentityResult result, string field) =>
        UserAdminResult.Fail([.. result.Errors.Select(e => new ServiceError(field, "Users.Error.Identity", e.Description))]);

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
