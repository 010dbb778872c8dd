using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using VocabBot.Storage;
using VocabBot.Storage.Postgres;

namespace VocabBot.Library;

/// <summary>
/// With PostgreSQL, keeps this process's server libraries in step with the other processes': it listens on
/// <see cref="PostgresLibraryStore.ChangesChannel"/> and forgets the server each notification names, so the next
/// use reads the store again. Notifications sent while it was not listening are lost, so each time it starts
/// listening (at start, and after a dropped connection, with backoff) it forgets every server held. Under LiteDB,
/// one process owns the file, and this does nothing.
/// </summary>
internal sealed partial class PostgresLibraryListener(
    IOptions<StorageOptions> options,
    IServiceProvider services,
    ServerLibraries libraries,
    TimeProvider time,
    ILogger<PostgresLibraryListener> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(10);
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first LISTEN is in place; tests wait on it.</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Provider != StorageProvider.PostgreSQL)
            return;
        // Resolved here rather than injected: under LiteDB there is no connection string to build the database from.
        var database = services.GetRequiredService<PostgresDatabase>();
        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(database, () => retry = FirstRetry, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogLost(logger, e, retry);
                await Task.Delay(retry, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
                continue;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ListenAsync(PostgresDatabase database, Action listening, CancellationToken stoppingToken)
    {
        await using var connection = await database.OpenAsync(stoppingToken);
        connection.Notification += (_, e) => libraries.Forget(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgresLibraryStore.ChangesChannel}", connection))
            await listen.ExecuteNonQueryAsync(stoppingToken);
        // Whatever changed before this moment may have gone unheard.
        libraries.ForgetAll();
        _listening.TrySetResult();
        listening();
        LogListening(logger);
        while (true)
            await connection.WaitAsync(stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Listening for library changes made by other processes")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the PostgreSQL connection that hears of library changes made by other processes; listening again in {Retry}")]
    private static partial void LogLost(ILogger logger, Exception exception, TimeSpan retry);
}
