using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VocabBot.Storage;

/// <summary>
/// While the bot runs, its data sits mostly in LiteDB's -log file, so copying the database file backs up little.
/// This writes a self-contained backup a day (named by the UTC date, at start when today's is missing and then
/// after each UTC midnight) to Storage:BackupDirectory, keeping the newest Storage:BackupsKept.
/// </summary>
internal sealed partial class BackupService(
    VocabDatabase database,
    IOptions<StorageOptions> options,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<BackupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var keep = options.Value.BackupsKept;
        if (database.Path is not { } path || keep == 0)
            return;
        var directory = options.Value.FullBackupDirectory(environment.ContentRootPath);
        while (!stoppingToken.IsCancellationRequested)
        {
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var target = Path.Combine(directory, DatabaseBackup.DatedName(path, today));
            if (File.Exists(target))
                LogAlreadyThere(logger, target);
            else
                await Task.Run(() => BackUp(target, directory, path, keep, stoppingToken), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

            var tomorrow = new DateTimeOffset(today.AddDays(1), TimeOnly.MinValue, TimeSpan.Zero);
            var wait = tomorrow - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private void BackUp(string target, string directory, string path, int keep, CancellationToken stoppingToken)
    {
        try
        {
            var backup = DatabaseBackup.Write(database, target, stoppingToken);
            LogBackedUp(logger, backup.Path, backup.Collections, backup.Documents);
            foreach (var old in DatabaseBackup.Prune(directory, path, keep))
                LogDeletedOld(logger, old);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or LiteDB.LiteException)
        {
            LogFailed(logger, e, target);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backed up the database to {Backup}: {Collections} collections, {Documents} documents")]
    private static partial void LogBackedUp(ILogger logger, string backup, int collections, long documents);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Today's backup {Backup} is already there")]
    private static partial void LogAlreadyThere(ILogger logger, string backup);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted the old backup {Backup}")]
    private static partial void LogDeletedOld(ILogger logger, string backup);

    [LoggerMessage(Level = LogLevel.Error, Message = "Backing up the database to {Backup} failed; the next try is after midnight UTC")]
    private static partial void LogFailed(ILogger logger, Exception exception, string backup);
}
