using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace VocabBot.WordOfTheDay;

/// <summary>
/// Starts Quartz's scheduler with the host and shuts it down with it, waiting for posts under way. In place of Quartz's
/// own hosted service, whose stop threw (a NullReferenceException from the cluster manager of Quartz 4.7.3) and held up
/// the host's stop when the PostgreSQL database had gone away while the bot ran: here the shutdown is bounded by the
/// host's stop token, and a failing one is logged, so the rest of the bot still stops cleanly.
/// </summary>
internal sealed partial class QuartzRunner(ISchedulerFactory factory, ILogger<QuartzRunner> logger) : IHostedService
{
    private IScheduler? _scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _scheduler = await factory.GetScheduler(cancellationToken);
            await _scheduler.Start(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped while starting (SIGTERM during the content import): nothing to schedule any more.
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_scheduler is not { } scheduler)
            return;
        try
        {
            await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken).AsTask().WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || cancellationToken.IsCancellationRequested)
        {
            LogShutdownFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The word-of-the-day scheduler did not shut down cleanly; the bot stops anyway")]
    private static partial void LogShutdownFailed(ILogger logger, Exception exception);
}
