using EmulationPortal.Accounts;
using EmulationPortal.Common;
using EmulationPortal.Files;
using EmulationPortal.Web.Areas.Admin.Models;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>What the honors and organisation pages share: their strings, messages carried over a redirect, uploads, pagers.</summary>
public abstract class HonorsControllerBase(IStringLocalizer<AdminHonorsResource> text) : AdminControllerBase
{
    private const string WarningsKey = "HonorsWarnings";

    protected IStringLocalizer<AdminHonorsResource> T { get; } = text;

    protected bool IsAdministrator => User.IsInRole(Roles.Administrator);

    protected bool CanPublish => IsAdministrator || User.IsInRole(Roles.Editor);

    /// <summary>Keeps the warnings of a save for the page the user is redirected to.</summary>
    protected void KeepWarnings(ServiceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Warnings.Count > 0)
        {
            TempData[WarningsKey] = string.Join('\n', result.Warnings.Select(w => T[w.Code, w.Args].Value));
        }
    }

    /// <summary>Shows warnings kept over a redirect.</summary>
    protected void RestoreWarnings()
    {
        if (TempData[WarningsKey] is string kept)
        {
            ViewData["Warnings"] = kept.Split('\n').ToList();
        }
    }

    /// <summary>Shows a failed save: errors next to fields (400) or the stored values of a conflict (409).</summary>
    protected void ShowFailure(ServiceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Conflict is { } conflict)
        {
            ShowConflict(conflict, T);
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        else
        {
            AddErrors(result, T);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <summary>As <see cref="ShowFailure(ServiceResult)"/>; on a conflict the form then carries the stored version, so saving again overwrites knowingly.</summary>
    protected void ShowFailure(ServiceResult result, EmulationPortal.Fields.IVersionedForm form)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(form);
        ShowFailure(result);
        if (result.Conflict is { CurrentVersion: >= 0 } conflict)
        {
            form.Version = conflict.CurrentVersion;
        }
    }

    protected static UploadedFile? Upload(IFormFile? file) =>
        file is null ? null : new UploadedFile(file.FileName, file.OpenReadStream());

    protected AdminPager Pager<TItem>(PagedList<TItem> list, string action, params (string Key, object? Value)[] values) =>
        new(list.Page, list.TotalPages, list.TotalCount, Url.Action(action) ?? "/Admin",
            values.Where(v => v.Value is not null && !string.IsNullOrEmpty(v.Value.ToString()))
                .ToDictionary(v => v.Key, v => Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture)!));

    /// <summary>Rows from the pasted text or, when a file was sent, from the .xlsx (checked first); the error is a resource key.</summary>
    protected (TabularRead Read, string? Message) ReadRows(string? pasted, IFormFile? file, int columns, long maxBytes)
    {
        if (file is null)
        {
            var read = TabularInput.FromText(pasted, columns);
            return (read, read.Error is null ? null : T[read.Error, TabularInput.MaxRows].Value);
        }

        using var stream = file.OpenReadStream();
        var (kind, error) = UploadRules.Check(file.FileName, stream, maxBytes, UploadRules.SpreadsheetKinds);
        if (kind is null)
        {
            var message = error switch
            {
                "Upload.TooLarge" => AdminText[error, maxBytes / (1024 * 1024)].Value,
                "Upload.TypeNotAllowed" => AdminText[error, "XLSX"].Value,
                "Upload.ContentMismatch" => T["Import.NotSpreadsheet"].Value,
                _ => AdminText[error ?? "Upload.ContentMismatch"].Value,
            };
            return (TabularRead.Failed(error ?? "Upload.ContentMismatch"), message);
        }

        var rows = TabularInput.FromXlsx(stream, columns);
        return (rows, rows.Error is null ? null : T[rows.Error, TabularInput.MaxRows].Value);
    }
}
