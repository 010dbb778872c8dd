using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VocabBot.Storage;

/// <summary>
/// What happens when the database cannot write (a full disk): the real error is logged once with the path, the
/// database is reopened so that reads go on working (LiteDB refuses every read on an instance whose write
/// failed), writes are refused at once instead of queueing on a wedged lock, and every
/// Storage:RecoveryInterval a probe write checks whether it can write again.
/// </summary>
internal sealed partial class StorageHealth(
    VocabDatabase database,
    IOptions<StorageOptions> options,
    TimeProvider time,
    ILogger<StorageHealth> logger) : BackgroundService
{
    private const string ProbeCollection = "storage_probe";
    private readonly SemaphoreSlim _failed = new(0, 1);
    private readonly Lock _gate = new();

    public bool IsFailing => database.IsFailing;

    /// <summary>Held by a request while it uses the database: a reopen waits for it to finish.</summary>
    public ReopenGate.Lease Enter() => database.Gate.Enter();

    /// <summary>Records a failed database operation: the first one of an outage is logged, and the database reopened.</summary>
    public void Report(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        lock (_gate)
        {
            if (database.IsFailing)
                return;
            var root = StorageFailure.Root(exception);
            LogFailing(logger, exception, database.Path ?? "(in memory)", root.Message);
            database.MarkFailing();
            TryReopen();
            _failed.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await _failed.WaitAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            while (database.IsFailing && !stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(options.Value.RecoveryInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (!stoppingToken.IsCancellationRequested)
                    await Task.Run(Probe, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// One write and one delete: when both go through, the database writes again. Run with no request reading: a write
    /// that fails makes LiteDB fail every read on that instance (it closes its files) until it is reopened, and a
    /// /stats reading beside a probe was told "I can't save right now" (FullDiskTests).
    /// </summary>
    internal void Probe()
    {
        lock (_gate)
        {
            if (!database.IsFailing)
                return;
            database.Gate.Alone(() =>
            {
                try
                {
                    var probes = database.Database.GetCollection(ProbeCollection);
                    probes.Upsert(new LiteDB.BsonDocument { ["_id"] = 1, ["at"] = time.GetUtcNow().UtcDateTime });
                    probes.DeleteAll();
                    database.MarkWriting();
                    LogRecovered(logger, database.Path ?? "(in memory)");
                }
                catch (Exception e) when (StorageFailure.Is(e))
                {
                    LogStillFailing(logger, StorageFailure.Root(e).Message);
                    TryReopen();
                }
            });
        }
    }

    private void TryReopen()
    {
        try
        {
            database.Reopen();
        }
        catch (Exception e) when (StorageFailure.Is(e) || e is StorageUnavailableException)
        {
            LogReopenFailed(logger, StorageFailure.Root(e).Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage is failing at {Path}: {Error}. Changes are refused until it can write again; reads go on")]
    private static partial void LogFailing(ILogger logger, Exception exception, string path, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Storage still cannot write: {Error}")]
    private static partial void LogStillFailing(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reopening the database failed: {Error}")]
    private static partial void LogReopenFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage at {Path} writes again")]
    private static partial void LogRecovered(ILogger logger, string path);
}
