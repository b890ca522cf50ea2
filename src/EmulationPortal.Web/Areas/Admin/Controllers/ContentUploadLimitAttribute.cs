using EmulationPortal.Files;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>
/// Lets an upload action receive several files of the configured size: the request may be about five times the file
/// limit ("Uploads:MaxFileSizeMegabytes"; [RequestSizeLimit] would need a constant). A larger request is answered at once
/// with 413 and a Vietnamese message instead of a reset connection. Runs before the antiforgery check, which reads the form.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ContentUploadLimitAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public const int FilesPerRequest = 5;

    /// <summary>Before the antiforgery filter (order 1000), like the framework's own request-size filters.</summary>
    public int Order => 900;

    public static long RequestLimit(UploadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (options.MaxBytes * FilesPerRequest) + (1024 * 1024);
    }

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<UploadOptions>();
        var limit = RequestLimit(options);
        if (http.Request.ContentLength > limit)
        {
            var text = http.RequestServices.GetRequiredService<IStringLocalizer<AdminContentResource>>();
            var common = http.RequestServices.GetRequiredService<IStringLocalizer<AdminResource>>();

            // Back to the page the form was on (the admin documents or a unit's report), never to another site.
            var referer = http.Request.Headers.Referer.ToString();
            var back = Uri.TryCreate(referer, UriKind.Absolute, out var from) && from.Host == http.Request.Host.Host
                ? from.PathAndQuery
                : "/";
            context.Result = new ContentResult
            {
                StatusCode = StatusCodes.Status413PayloadTooLarge,
                ContentType = "text/html; charset=utf-8",
                Content = $"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{text["Upload.RequestTooLarge.Title"]}</title></head>"
                    + $"<body><h1>{text["Upload.RequestTooLarge.Title"]}</h1><p>{text["Upload.RequestTooLarge", options.MaxFileSizeMegabytes, FilesPerRequest]}</p>"
                    + $"<p><a href=\"{System.Net.WebUtility.HtmlEncode(back)}\">{common["Common.Back"]}</a></p></body></html>",
            };
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        if (http.Features.Get<IFormFeature>()?.Form is null && http.Request.HasFormContentType)
        {
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
        }
    }
}
