using EmulationPortal.Common;
using EmulationPortal.Participation;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>
/// The daily automatic reminders: once shortly after start-up, then once a day. The work is in
/// <see cref="RunOnceAsync"/> (testable without waiting); de-duplication is the database's unique DedupKey, so
/// restarts and a second instance never send twice.
/// </summary>
public sealed class ReminderJob(IServiceScopeFactory scopes, ReminderOptions options, PortalClock clock, TimeProvider timeProvider, ILogger<ReminderJob> logger)
    : BackgroundService
{
    private static readonly TimeSpan StartDelay = TimeSpan.FromSeconds(30);

    /// <summary>Sends the automatic reminders due for <paramref name="today"/>.</summary>
    public async Task<ReminderSendResult> RunOnceAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<ReminderService>();
        return await service.RunAutomaticAsync(today, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            logger.LogInformation("Automatic reminders are disabled (Reminders:Enabled)");
            return;
        }

        try
        {
            await Task.Delay(StartDelay, timeProvider, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RunOnceAsync(clock.Today, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "The automatic reminders failed; next try in a day");
                }

                await Task.Delay(TimeSpan.FromDays(1), timeProvider, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
