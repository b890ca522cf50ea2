using EmulationPortal.Data;
using EmulationPortal.Files;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>
/// Once after start-up, in the background so the portal answers at once: reads the text of files stored before
/// text extraction existed (their documents are re-indexed by that save), and on the first start with search
/// indexes what the portal already holds. From then on every save keeps the index by itself.
/// </summary>
internal sealed class SearchStartupJob(IServiceScopeFactory scopes, ILogger<SearchStartupJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var read = await scope.ServiceProvider.GetRequiredService<FileTextBackfill>().ExtractMissingAsync(stoppingToken);
            if (read > 0)
            {
                logger.LogInformation("Read the text of {Files} stored files for search", read);
            }

            var hasContent = await db.Articles.AnyAsync(stoppingToken) || await db.Documents.AnyAsync(stoppingToken)
                || await db.Campaigns.AnyAsync(stoppingToken) || await db.Commendations.AnyAsync(stoppingToken);
            if (!hasContent || await db.SearchEntries.AnyAsync(stoppingToken))
            {
                return;
            }

            var started = System.Diagnostics.Stopwatch.StartNew();
            var entries = await db.RebuildSearchIndexAsync(stoppingToken);
            logger.LogInformation("Search index built for the existing content: {Entries} entries in {Seconds:F1} s", entries, started.Elapsed.TotalSeconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the next start picks up where this left off (the rebuild is one transaction).
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // Never stop the portal for this: search stays as it was, and the admin page can rebuild.
            logger.LogError(ex, "Preparing search at start-up failed");
        }
    }
}
