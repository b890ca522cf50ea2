using System.Globalization;
using System.Text;
using EmulationPortal.Accounts;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Infrastructure.Security;

/// <summary>
/// The portal's password rules beyond Identity's minimum length (ASVS 6.2): at most 128 characters, not one of the
/// most common passwords, and not containing the user's user name or full name (compared without case, diacritics,
/// spaces or punctuation; names shorter than <see cref="MinNameLength"/> letters are ignored). No composition rules.
/// Identity runs it for every new password: an account created or reset by an administrator, the first-login and the
/// self-service change, and the seeded administrator.
/// </summary>
internal sealed class PasswordPolicyValidator(IStringLocalizer<AccountSecurityResource> l) : IPasswordValidator<PortalUser>
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    /// <summary>Shorter names (e.g. "An") would refuse too many good passwords.</summary>
    public const int MinNameLength = 4;

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            // Identity's own length rule reports the empty password.
            return Task.FromResult(IdentityResult.Success);
        }

        var errors = new List<IdentityError>();
        if (password.Length > MaxLength)
        {
            errors.Add(new IdentityError { Code = "PasswordTooLong", Description = l["Password.TooLong", MaxLength] });
        }

        if (CommonPasswords.Contains(password))
        {
            errors.Add(new IdentityError { Code = "PasswordCommon", Description = l["Password.Common"] });
        }

        var folded = Fold(password);
        if (Contains(folded, user.UserName))
        {
            errors.Add(new IdentityError { Code = "PasswordContainsUserName", Description = l["Password.ContainsUserName"] });
        }

        if (Contains(folded, user.DisplayName))
        {
            errors.Add(new IdentityError { Code = "PasswordContainsName", Description = l["Password.ContainsName"] });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private static bool Contains(string foldedPassword, string? name)
    {
        var foldedName = Fold(name);
        return foldedName.Length >= MinNameLength && foldedPassword.Contains(foldedName, StringComparison.Ordinal);
    }

    /// <summary>Lower case, Vietnamese marks removed (đ → d), letters and digits only: "Nguyễn Văn Đức" → "nguyenvanduc".</summary>
    internal static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var mapped = c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c);
            if (char.IsLetterOrDigit(mapped))
            {
                builder.Append(mapped);
            }
        }

        return builder.ToString();
    }
}
