using EmulationPortal.Common;
using EmulationPortal.Files;
using EmulationPortal.Web.Areas.Admin.Models;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>What the campaign, article and document pages share: Vietnamese binding errors, conflicts with Vietnamese field names, the pager.</summary>
public abstract class ContentControllerBase(IStringLocalizer<AdminContentResource> text) : AdminControllerBase
{
    protected IStringLocalizer<AdminContentResource> T { get; } = text;

    /// <summary>
    /// A value the model binder could not read (a date such as 31/02 or year 99999, a number made of letters) gets the
    /// form's own Vietnamese message instead of the framework's, which names the property in English.
    /// </summary>
    protected void UseFriendlyBindingErrors()
    {
        foreach (var (key, entry) in ModelState.Where(e => e.Value is { ValidationState: ModelValidationState.Invalid }).ToList())
        {
            entry!.Errors.Clear();
            var specific = T["Form.Invalid." + key];
            ModelState.AddModelError(key, specific.ResourceNotFound ? T["Form.InvalidValue"] : specific);
        }
    }

    /// <summary>Shows the stored values under Vietnamese field names, and makes the form post the stored version next time.</summary>
    protected void ShowConflict(ConcurrencyConflict conflict, Action<int> useVersion)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        ArgumentNullException.ThrowIfNull(useVersion);
        var shown = new Dictionary<string, string?>();
        foreach (var (name, value) in conflict.CurrentValues)
        {
            var label = T["Field." + name];
            if (label.ResourceNotFound)
            {
                continue;
            }

            shown[label.Value] = value is { Length: > 300 } ? value[..300] + "…" : value;
        }

        ShowConflict(new ConcurrencyConflict(conflict.CurrentVersion, shown));
        ModelState.Remove("Version");
        if (conflict.CurrentVersion >= 0)
        {
            useVersion(conflict.CurrentVersion);
        }
    }

    /// <summary>Service errors next to their fields, then 400 for the form page.</summary>
    protected void Refuse(ServiceResult result)
    {
        AddErrors(result, T);
        Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    protected static IncomingFile? Incoming(IFormFile? file) =>
        file is null ? null : new IncomingFile(file.FileName, file.OpenReadStream());

    protected AdminPagerModel Pager<T2>(PagedList<T2> list, string path, params (string Key, string? Value)[] query) =>
        new(list.Page, list.TotalPages, list.TotalCount, path,
            query.Where(q => !string.IsNullOrEmpty(q.Value)).ToDictionary(q => q.Key, q => q.Value!));
}
