using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Serilog;
using Serilog.AspNetCore;
using Serilog.Events;

namespace EmulationPortal.Web.Infrastructure.Security;

/// <summary>
/// Error pages and logging (ASVS V16): generic Vietnamese pages with a request id, nothing sensitive in responses or
/// logs. The request id is <see cref="HttpContext.TraceIdentifier"/> everywhere: the error page shows it, the request
/// log event and the exception log event carry it as <c>RequestId</c>, so support finds the log lines a user quotes.
/// </summary>
internal static class ErrorHardening
{
    public static WebApplicationBuilder AddErrorHardening(this WebApplicationBuilder builder)
    {
        builder.Services.AddAccessPolicies();
        builder.Services.AddExceptionHandler<ErrorLogging>();
        builder.Services.Configure<MvcOptions>(o => o.Filters.Add<ClientErrorLogging>());
        return builder;
    }

    /// <summary>The exception handler of UsePortal: re-executes /loi, with a 4xx for what the client did wrong.</summary>
    public static ExceptionHandlerOptions ExceptionHandlerOptions() => new()
    {
        ExceptionHandlingPath = "/loi",
        StatusCodeSelector = StatusCodeFor,

        // ErrorLogging has logged the exception once, at the level its status calls for; the middleware's own
        // "unhandled exception" event would log every client error at Error level a second time.
        SuppressDiagnosticsCallback = _ => true,
    };

    /// <summary>
    /// One event per request, written before the error pages re-execute (so a failure is one line with its final
    /// status): 5xx at Error, everything else at Information, the request id attached, the query string left out
    /// (it may carry tokens).
    /// </summary>
    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        // The app's own logger: without it the middleware writes to the static Log.Logger, which Program leaves
        // silent (preserveStaticLogger), and no request would ever be logged.
        var logger = app.Services.GetRequiredService<Serilog.ILogger>();
        app.UseSerilogRequestLogging(options => ConfigureRequestLogging(options, logger));
        return app;
    }

    private static void ConfigureRequestLogging(RequestLoggingOptions options, Serilog.ILogger logger)
    {
        options.Logger = logger;
        options.IncludeQueryInRequestPath = false;
        options.GetLevel = (context, _, exception) =>
            context.Response.StatusCode >= StatusCodes.Status500InternalServerError || (exception is not null && StatusCodeFor(exception) >= 500)
                ? LogEventLevel.Error
                : LogEventLevel.Information;
        options.EnrichDiagnosticContext = (diagnostics, context) => diagnostics.Set("RequestId", context.TraceIdentifier);
    }

    /// <summary>Exceptions that say the request was malformed are the client's error (4xx); everything else is ours (500).</summary>
    public static int StatusCodeFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        AntiforgeryValidationException => StatusCodes.Status400BadRequest,

        // Form limits (value count, value or multipart length) exceeded while reading the body.
        InvalidDataException => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };
}

/// <summary>Logs an exception that reached the exception handler with its request id: Error for 5xx, Information for 4xx.</summary>
internal sealed partial class ErrorLogging(ILogger<ErrorLogging> logger) : Microsoft.AspNetCore.Diagnostics.IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var status = ErrorHardening.StatusCodeFor(exception);

        // The middleware has already pointed the request at /loi: the feature keeps the path that failed.
        var path = httpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value ?? string.Empty;
        if (status >= StatusCodes.Status500InternalServerError)
        {
            LogServerError(exception, httpContext.TraceIdentifier, httpContext.Request.Method, path);
        }
        else
        {
            // The exception type only: a client error's message may repeat what the client sent.
            LogClientError(httpContext.TraceIdentifier, status, httpContext.Request.Method, path, exception.GetType().Name);
        }

        // Not handled here: the middleware goes on to render the Vietnamese page at /loi.
        return ValueTask.FromResult(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {RequestId} failed: {RequestMethod} {RequestPath} threw an unhandled exception")]
    private partial void LogServerError(Exception exception, string requestId, string requestMethod, string requestPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId} refused with {StatusCode}: {RequestMethod} {RequestPath} was malformed ({Reason})")]
    private partial void LogClientError(string requestId, int statusCode, string requestMethod, string requestPath, string reason);
}

/// <summary>
/// Logs, at Information, why an action answered 4xx: a failed antiforgery check, or the names (never the values) of
/// the fields that failed binding or validation.
/// </summary>
internal sealed partial class ClientErrorLogging(ILogger<ClientErrorLogging> logger) : Microsoft.AspNetCore.Mvc.Filters.IAlwaysRunResultFilter
{
    public void OnResultExecuting(Microsoft.AspNetCore.Mvc.Filters.ResultExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // The antiforgery check is the first to read a posted form, and reports a body over the server's limit as a
        // bad token (400): say 413, so the page tells the user the upload was too large.
        if (context.Result is Microsoft.AspNetCore.Mvc.Core.Infrastructure.IAntiforgeryValidationFailedResult
            && context.HttpContext.Request.ContentLength is { } length
            && context.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } limit
            && length > limit)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }
    }

    public void OnResultExecuted(Microsoft.AspNetCore.Mvc.Filters.ResultExecutedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        if (status is < 400 or >= 500)
        {
            return;
        }

        if (status == StatusCodes.Status413PayloadTooLarge)
        {
            LogRefused(http.TraceIdentifier, status, http.Request.Method, http.Request.Path, "body over the size limit", string.Empty);
        }
        else if (context.Result is Microsoft.AspNetCore.Mvc.Core.Infrastructure.IAntiforgeryValidationFailedResult)
        {
            LogRefused(http.TraceIdentifier, status, http.Request.Method, http.Request.Path, "antiforgery token missing or invalid", string.Empty);
        }
        else if (!context.ModelState.IsValid)
        {
            var fields = string.Join(", ", context.ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key.Length == 0 ? "(form)" : e.Key));
            LogRefused(http.TraceIdentifier, status, http.Request.Method, http.Request.Path, "invalid input", fields);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId} refused with {StatusCode}: {RequestMethod} {RequestPath}, {Reason} {Fields}")]
    private partial void LogRefused(string requestId, int statusCode, string requestMethod, string requestPath, string reason, string fields);
}
