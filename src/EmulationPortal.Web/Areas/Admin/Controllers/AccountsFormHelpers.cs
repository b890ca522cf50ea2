using System.Globalization;
using EmulationPortal.Common;
using EmulationPortal.Web.Areas.Admin.Models;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>Small helpers shared by the accounts, feedback and audit pages.</summary>
internal static class AccountsFormHelpers
{
    /// <summary>
    /// Values that could not be bound (a unit id "abc", an unknown status) get one Vietnamese message, instead of the
    /// default one that names the English property.
    /// </summary>
    public static void LocalizeBindingErrors(ModelStateDictionary modelState, IStringLocalizer text)
    {
        foreach (var (key, entry) in modelState.Where(e => e.Value is { ValidationState: ModelValidationState.Invalid }).ToList())
        {
            entry!.Errors.Clear();
            modelState.AddModelError(key, text["Form.InvalidValue"]);
        }
    }

    public static AdminPager Pager<T>(PagedList<T> list, string path, params (string Key, string? Value)[] query) =>
        new(list.Page, list.TotalPages, list.TotalCount, path,
            query.Where(q => !string.IsNullOrEmpty(q.Value)).ToDictionary(q => q.Key, q => q.Value!, StringComparer.Ordinal));

    public static string? Invariant(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>A dd/MM/yyyy or yyyy-MM-dd date from a filter; null when empty; invalid → null and flagged.</summary>
    public static DateOnly? Date(string? value, ref bool invalid)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= 2000 and <= 2100)
        {
            return date;
        }

        invalid = true;
        return null;
    }
}
