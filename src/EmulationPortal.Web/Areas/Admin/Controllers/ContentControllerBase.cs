using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using EmulationPortal.Common;
using EmulationPortal.Files;
using EmulationPortal.Web.Areas.Admin.Models;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>What the campaign, article and document pages share: Vietnamese binding errors, conflicts with Vietnamese field names, the pager.</summary>
public abstract partial class ContentControllerBase(IStringLocalizer<AdminContentResource> text) : AdminControllerBase
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
        foreach (var (name, value) in conflict.CurrentValues.OrderBy(v => v.Key is "Title" or "Number" ? 0 : 1))
        {
            var label = T["Field." + name];
            if (label.ResourceNotFound)
            {
                continue;
            }

            var display = Display(name, value);
            shown[label.Value] = display is { Length: > 300 } ? display[..300] + "…" : display;
        }

        ViewData["Conflict"] = new ConcurrencyConflict(conflict.CurrentVersion, shown);
        ModelState.Remove("Version");
        if (conflict.CurrentVersion >= 0)
        {
            useVersion(conflict.CurrentVersion);
        }
    }

    /// <summary>A stored value as a Vietnamese reader expects it: dd/MM/yyyy dates, local times, Có/Không, enum names, text without tags.</summary>
    private string? Display(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        var shared = HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (bool.TryParse(value, out var flag))
        {
            return flag ? T["Form.Yes"] : T["Form.No"];
        }

        if (name == nameof(Campaigns.Campaign.Kind) && Enum.TryParse<Campaigns.CampaignKind>(value, out var kind))
        {
            return shared[ResourceKeys.For(kind)];
        }

        if (name == nameof(Campaigns.Campaign.Scope) && Enum.TryParse<Campaigns.CampaignScope>(value, out var scope))
        {
            return shared[ResourceKeys.For(scope)];
        }

        if (name == nameof(News.Article.Status) && Enum.TryParse<News.ArticleStatus>(value, out var status))
        {
            return T["ArticleStatus." + status];
        }

        if (DateOnly.TryParseExact(value, "MM/dd/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return VietnameseDate.Display(date);
        }

        if (DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            var clock = HttpContext.RequestServices.GetRequiredService<PortalClock>();
            return clock.ToLocal(instant).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
        }

        return value.Contains('<', StringComparison.Ordinal) ? WebUtility.HtmlDecode(Tags().Replace(value, " ")).Trim() : value;
    }

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();

    /// <summary>
    /// Puts a failed save on the edit form: the stored values of a conflict (409, the form then carries the stored
    /// version) or the errors next to their fields (400). False when the save succeeded.
    /// </summary>
    protected bool ShowSaveFailure(ServiceResult result, Action<int> useVersion)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Conflict is { } conflict)
        {
            ShowConflict(conflict, useVersion);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return true;
        }

        if (!result.Succeeded)
        {
            Refuse(result);
            return true;
        }

        return false;
    }

    /// <summary>Service errors next to their fields, then 400 for the form page.</summary>
    protected void Refuse(ServiceResult result)
    {
        AddErrors(result, T);
        Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    protected static IncomingFile? Incoming(IFormFile? file) =>
        file is null ? null : new IncomingFile(file.FileName, file.OpenReadStream());

    protected AdminPager Pager<T2>(PagedList<T2> list, string path, params (string Key, string? Value)[] query) =>
        new(list.Page, list.TotalPages, list.TotalCount, path,
            query.Where(q => !string.IsNullOrEmpty(q.Value)).ToDictionary(q => q.Key, q => q.Value!));
}
