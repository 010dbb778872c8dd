using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VocabBot.Content;

/// <summary>
/// Imports the content folder when the host starts (it is registered first, so nothing serves
/// before the words are in), then re-imports after edits once the folder has been quiet a moment.
/// A folder that goes away (an unmounted volume) keeps what was imported from it: the service looks
/// at the folder every few seconds, and watches and imports it again when it is back.
/// </summary>
internal sealed partial class ContentImportService(
    ContentImporter importer,
    IOptions<ContentOptions> options,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<ContentImportService> logger) : IHostedService, IDisposable
{
    /// <summary>How often the folder itself is looked at: a watcher says nothing when its folder is unmounted or replaced.</summary>
    internal static readonly TimeSpan FolderCheckInterval = TimeSpan.FromSeconds(5);

    private readonly string _directory = options.Value.FullDirectory(environment.ContentRootPath);
    private readonly Lock _gate = new();
    private FileSystemWatcher? _watcher;
    private (bool Present, (ulong, ulong)? Identity)? _seen;
    private bool _stopped;
    private ITimer? _debounce;
    private ITimer? _folderCheck;

    /// <summary>Raised after each import the watcher or the folder check triggers; tests wait on it.</summary>
    public event Action<ImportReport>? Reimported;

    public string Directory => _directory;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            importer.Import(_directory, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // SIGTERM while the first import runs: what it committed stays, and the app stops without serving.
            LogStartImportStopped(logger, _directory);
            return Task.CompletedTask;
        }

        if (!options.Value.Watch)
            return Task.CompletedTask;
        _debounce = time.CreateTimer(_ => ImportAfterEdit(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        lock (_gate)
            Look();
        _folderCheck = time.CreateTimer(_ => CheckFolder(), null, FolderCheckInterval, FolderCheckInterval);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
            StopWatching();
        }

        _folderCheck?.Dispose();
        _debounce?.Dispose();
    }

    /// <summary>
    /// Watches the folder as it is now: not at all when it is gone, afresh when it is back or is another
    /// folder under the same name (made again, mounted again). Returns whether anything changed.
    /// </summary>
    private bool Look()
    {
        var present = System.IO.Directory.Exists(_directory);
        (bool, (ulong, ulong)?) seen = (present, present ? FileEntries.IdentityOf(_directory) : null);
        if (_seen.Equals(seen))
            return false;
        var cameBack = present && _seen is { Present: false };
        _seen = seen;
        StopWatching();
        if (cameBack)
            LogFolderBack(logger, _directory);
        if (present)
            StartWatching();
        return true;
    }

    private void StartWatching()
    {
        try
        {
            _watcher = new FileSystemWatcher(_directory)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            _watcher.Changed += (_, _) => Touch();
            _watcher.Created += (_, _) => Touch();
            _watcher.Deleted += (_, _) => Touch();
            _watcher.Renamed += (_, _) => Touch();
            _watcher.Error += (_, e) => { LogWatchFailed(logger, e.GetException(), _directory); Touch(); };
            _watcher.EnableRaisingEvents = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // A folder this process may not list; the folder check tries again when the folder changes.
            StopWatching();
            LogCannotWatch(logger, e, _directory);
        }
    }

    private void StopWatching()
    {
        _watcher?.Dispose();
        _watcher = null;
    }

    private void Touch() => _debounce?.Change(options.Value.WatchDebounce, Timeout.InfiniteTimeSpan);

    private void CheckFolder()
    {
        lock (_gate)
        {
            if (_stopped || !Look())
                return;
        }

        Import();
    }

    private void ImportAfterEdit()
    {
        lock (_gate)
        {
            // A folder that went was said once; the folder check imports it when it is back.
            if (_stopped || (_seen is { Present: false } && !System.IO.Directory.Exists(_directory)))
                return;
        }

        Import();
    }

    private void Import()
    {
        try
        {
            var report = importer.Import(_directory);
            if (report.FolderMissing)
            {
                // Seen gone now, so the folder check has nothing new to say until the folder is back.
                lock (_gate)
                {
                    if (!_stopped)
                        Look();
                }
            }

            Reimported?.Invoke(report);
        }
        catch (Exception e)
        {
            LogReimportFailed(logger, e, _directory);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watching {Directory} failed; re-importing")]
    private static partial void LogWatchFailed(ILogger logger, Exception exception, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot watch {Directory}; its edits are picked up once the folder itself changes")]
    private static partial void LogCannotWatch(ILogger logger, Exception exception, string directory);

    [LoggerMessage(Level = LogLevel.Error, Message = "Re-importing {Directory} failed")]
    private static partial void LogReimportFailed(ILogger logger, Exception exception, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The import of {Directory} stopped because the app is stopping; the next start finishes it")]
    private static partial void LogStartImportStopped(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Content folder {Directory} is back; importing it")]
    private static partial void LogFolderBack(ILogger logger, string directory);
}
