using EmulationPortal.Accounts;
using EmulationPortal.Common;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>
/// Every admin controller: the Admin area, the area policy (Administrator, Editor, Leader may read), and antiforgery on
/// every POST. Actions that change data add <c>[Authorize(Policy = Policies.CanPublish)]</c> or
/// <c>[Authorize(Policy = Policies.CanAdminister)]</c>.
/// </summary>
[Area("Admin")]
[Authorize(Policy = Policies.AdminArea)]
[AutoValidateAntiforgeryToken]
public abstract class AdminControllerBase : Controller
{
    private IStringLocalizer? _admin;

    /// <summary>The admin area's shared strings (AdminResource.resx).</summary>
    protected IStringLocalizer AdminText => _admin ??= HttpContext.RequestServices.GetRequiredService<IStringLocalizer<AdminResource>>();

    /// <summary>Copies a service's errors into ModelState, each in Vietnamese from the given localizer (falling back to AdminResource).</summary>
    protected void AddErrors(ServiceResult result, IStringLocalizer? text = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field, Localize(error, text));
        }
    }

    /// <summary>Warnings (not blocking) are shown above the form through TempData-free ViewData.</summary>
    protected void ShowWarnings(ServiceResult result, IStringLocalizer? text = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ViewData["Warnings"] = result.Warnings.Select(w => Localize(w, text)).ToList();
    }

    /// <summary>
    /// Shows the values another editor saved, under Vietnamese field names ("Field.X" from the given localizer, else
    /// AdminResource); fields without a label (ids, internal columns) are left out, and values are shown as a reader
    /// expects them (Có/Không, enum names from "Value.X.Y", dd/MM/yyyy).
    /// </summary>
    protected void ShowConflict(ConcurrencyConflict conflict, IStringLocalizer? labels = null)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        var shown = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in conflict.CurrentValues)
        {
            var label = Text(labels, "Field." + name);
            if (label is not null)
            {
                shown[label] = DisplayValue(labels, name, value);
            }
        }

        ViewData["Conflict"] = conflict with { CurrentValues = shown };
    }

    private string? DisplayValue(IStringLocalizer? labels, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        if (bool.TryParse(value, out var flag))
        {
            return AdminText[flag ? "Value.Yes" : "Value.No"];
        }

        if (Text(labels, $"Value.{name}.{value}") is { } named)
        {
            return named;
        }

        if (DateTime.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var date))
        {
            return date.TimeOfDay == TimeSpan.Zero ? VietnameseDate.Display(DateOnly.FromDateTime(date)) : date.ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        }

        return value.Length > 300 ? value[..300] + "…" : value;
    }

    private string? Text(IStringLocalizer? own, string key)
    {
        var fromOwn = own?[key];
        if (fromOwn is { ResourceNotFound: false })
        {
            return fromOwn.Value;
        }

        var shared = AdminText[key];
        return shared.ResourceNotFound ? null : shared.Value;
    }

    protected void Notice(string message) => TempData["Notice"] = message;

    private string Localize(ServiceError error, IStringLocalizer? text)
    {
        var fromOwn = text?[error.Code, error.Args];
        if (fromOwn is { ResourceNotFound: false })
        {
            return fromOwn.Value;
        }

        return AdminText[error.Code, error.Args].Value;
    }
}
