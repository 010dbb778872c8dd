using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VocabBot.Discord;

/// <summary>
/// Work the gateway starts but must not wait for (answering interactions, registering commands):
/// it runs beside the receive loop, its failures are logged, and shutdown waits for it briefly.
/// </summary>
internal sealed partial class BackgroundWork(IHostApplicationLifetime lifetime, ILogger<BackgroundWork> logger)
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    public void Run(Func<CancellationToken, Task> work, string what)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await work(lifetime.ApplicationStopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex, what);
            }
        });
        _running[task] = 0;
        task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }

    public async Task DrainAsync(TimeSpan timeout)
    {
        await Task.WhenAll(_running.Keys).WaitAsync(timeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Failed {What}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string what);
}
