using System.Net;
using EmulationPortal.Files;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Infrastructure.Security;

/// <summary>
/// Upload checks (ASVS V5) that belong to the web host: the virus-scanner hook. Size, extension, leading bytes, archive
/// limits and re-encoding are in Core (<see cref="UploadRules"/>, <see cref="ArchiveGuard"/>, <see cref="ImageProcessor"/>).
/// </summary>
internal static class UploadSafety
{
    public static WebApplicationBuilder AddUploadSafety(this WebApplicationBuilder builder)
    {
        var clamAv = builder.Configuration.GetSection(ClamAvOptions.SectionName).Get<ClamAvOptions>() ?? new ClamAvOptions();
        builder.Services.AddSingleton(clamAv);
        if (clamAv.IsConfigured)
        {
            builder.Services.AddSingleton<IVirusScanner, ClamAvScanner>();
        }
        else
        {
            builder.Services.AddSingleton<IVirusScanner, NoVirusScanner>();
        }

        builder.Services.AddHostedService<VirusScannerStartupLog>();
        builder.Services.AddScoped<ImageAccess>();
        builder.Services.Configure<MvcOptions>(options => options.Filters.Add<VirusScanFilter>());
        return builder;
    }
}

/// <summary>Says once, at start-up, whether uploads are scanned.</summary>
internal sealed class VirusScannerStartupLog(IVirusScanner scanner, ClamAvOptions options, ILogger<VirusScannerStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (scanner.Enabled)
        {
            logger.LogInformation("Virus scanning on: uploads are sent to clamd at {Endpoint}", options.SocketPath ?? $"{options.Host}:{options.Port}");
        }
        else
        {
            logger.LogWarning("Virus scanning off: set Uploads:ClamAV:Host (or SocketPath) to scan uploads with clamd");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Scans every file of a multipart form before the action runs, so no upload path (admin content, unit reports,
/// proposal dossiers, council minutes, signed decisions, imports) can store a file the scanner has not seen. Runs
/// after authorization and the antiforgery check. An infected file is answered with 422, a scanner that is
/// configured but does not answer with 503 (fail closed); both with a Vietnamese page, and the action never runs.
/// </summary>
internal sealed class VirusScanFilter(IVirusScanner scanner, IStringLocalizer<UploadSafetyResource> text, ILogger<VirusScanFilter> logger) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        if (!scanner.Enabled || !request.HasFormContentType)
        {
            await next();
            return;
        }

        var form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
        foreach (var file in form.Files)
        {
            if (file.Length == 0)
            {
                continue;
            }

            await using var stream = file.OpenReadStream();
            var result = await scanner.ScanAsync(stream, context.HttpContext.RequestAborted);
            switch (result.Outcome)
            {
                case ScanOutcome.Infected:
                    logger.LogWarning("Upload refused on {Path}: {FileName} carries {Signature}", request.Path.Value, file.FileName, result.Signature);
                    context.Result = Page(context.HttpContext, StatusCodes.Status422UnprocessableEntity, "Scan.Infected.Title", text["Scan.Infected", file.FileName]);
                    return;
                case ScanOutcome.Unavailable:
                    logger.LogError("Upload refused on {Path}: the virus scanner did not answer for {FileName}", request.Path.Value, file.FileName);
                    context.Result = Page(context.HttpContext, StatusCodes.Status503ServiceUnavailable, "Scan.Unavailable.Title", text["Scan.Unavailable"]);
                    return;
                default:
                    break;
            }
        }

        await next();
    }

    private ContentResult Page(HttpContext http, int status, string titleKey, string message)
    {
        // Back to the page the form was on, never to another site.
        var referer = http.Request.Headers.Referer.ToString();
        var back = Uri.TryCreate(referer, UriKind.Absolute, out var from) && from.Host == http.Request.Host.Host ? from.PathAndQuery : "/";
        var title = WebUtility.HtmlEncode(text[titleKey]);
        return new ContentResult
        {
            StatusCode = status,
            ContentType = "text/html; charset=utf-8",
            Content = $"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{title}</title></head>"
                + $"<body><h1>{title}</h1><p>{WebUtility.HtmlEncode(message)}</p>"
                + $"<p><a href=\"{WebUtility.HtmlEncode(back)}\">{WebUtility.HtmlEncode(text["Scan.Back"])}</a></p></body></html>",
        };
    }
}
