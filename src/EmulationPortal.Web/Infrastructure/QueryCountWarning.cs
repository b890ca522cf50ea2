using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>
/// Counts the database commands of each request and logs a warning when a request runs more than
/// <c>Diagnostics:QueryWarningThreshold</c> of them: the sign of an N+1 query (a query per row of a list). On in
/// Development (threshold 20), off elsewhere unless the setting is given.
/// </summary>
internal static class QueryCountWarning
{
    private static readonly AsyncLocal<StrongBox<int>?> Current = new();

    public static int? Threshold(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<int?>("Diagnostics:QueryWarningThreshold") ?? (environment.IsDevelopment() ? 20 : null);

    public static IApplicationBuilder UseQueryCountWarning(this IApplicationBuilder app, int threshold)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(QueryCountWarning));
        return app.Use(async (context, next) =>
        {
            var counter = new StrongBox<int>();
            Current.Value = counter;
            await next(context);
            if (counter.Value > threshold)
            {
                logger.LogWarning(
                    "{Method} {Path} ran {Queries} database commands (more than {Threshold}): look for a query per row (N+1)",
                    context.Request.Method, context.Request.Path, counter.Value, threshold);
            }
        });
    }

    /// <summary>Added to the DbContext options; counts only while a request has a counter.</summary>
    internal sealed class Interceptor : DbCommandInterceptor
    {
        public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
        {
            if (Current.Value is { } counter)
            {
                Interlocked.Increment(ref counter.Value);
            }

            return result;
        }
    }
}
