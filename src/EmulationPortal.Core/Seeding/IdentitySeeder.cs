using System.Security.Cryptography;
using EmulationPortal.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace EmulationPortal.Seeding;

/// <summary>
/// Creates the roles and, on an empty user table, the first administrator "admin". Its password comes from
/// configuration (Seed:AdminPassword) or is generated and shown once; either way it must be changed at first sign-in.
/// </summary>
public sealed class IdentitySeeder(UserManager<PortalUser> users, RoleManager<IdentityRole> roles, ILogger<IdentitySeeder> logger)
{
    public const string AdminUserName = "admin";

    /// <summary>Returns the generated password when one was made (so the host can print it once), else null.</summary>
    public async Task<string?> SeedAsync(string? configuredAdminPassword)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }

        if (users.Users.Any())
        {
            return null;
        }

        var generated = string.IsNullOrEmpty(configuredAdminPassword) ? GeneratePassword() : null;
        var admin = new PortalUser
        {
            UserName = AdminUserName,
            DisplayName = "Quản trị hệ thống",
            EmailConfirmed = true,
            MustChangePassword = true,
            LockoutEnabled = true,
        };
        Check(await users.CreateAsync(admin, generated ?? configuredAdminPassword!));
        Check(await users.AddToRoleAsync(admin, Roles.Administrator));
        logger.LogInformation("Created the first administrator {UserName}; the password must be changed at first sign-in", AdminUserName);
        return generated;
    }

    private static string GeneratePassword()
    {
        // 16 characters from an alphabet without look-alikes (0/O, 1/l/I).
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 16);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Identity seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
