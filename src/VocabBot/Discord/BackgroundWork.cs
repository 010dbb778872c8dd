using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace VocabBot.Discord;

/// <summary>
/// Work the gateway or the HTTP interactions server starts but must not wait for (answering interactions, the
/// edits after a deferral, registering commands): it runs beside the receive loop or request, its failures are logged, and shutdown lets it finish: its token
/// is cancelled only when the drain times out, not when the app starts stopping, so an interaction
/// in flight at SIGTERM still gets its answer.
/// </summary>
internal sealed partial class BackgroundWork(ILogger<BackgroundWork> logger) : IDisposable
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly CancellationTokenSource _abandon = new();

    public void Run(Func<CancellationToken, Task> work, string what)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await work(_abandon.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
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
        await _abandon.CancelAsync().ConfigureAwait(false);
    }

    public void Dispose() => _abandon.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "Failed {What}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string what);
}
