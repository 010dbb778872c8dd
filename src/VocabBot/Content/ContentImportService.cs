using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VocabBot.Content;

/// <summary>
/// Imports the content folder when the host starts (it is registered first, so nothing serves
/// before the words are in), then re-imports after edits once the folder has been quiet a moment.
/// </summary>
internal sealed partial class ContentImportService(
    ContentImporter importer,
    IOptions<ContentOptions> options,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<ContentImportService> logger) : IHostedService, IDisposable
{
    private readonly string _directory = options.Value.FullDirectory(environment.ContentRootPath);
    private FileSystemWatcher? _watcher;
    private ITimer? _debounce;

    /// <summary>Raised after each import the watcher triggers; tests wait on it.</summary>
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

        if (options.Value.Watch && System.IO.Directory.Exists(_directory))
            StartWatching();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _watcher?.Dispose();
        _watcher = null;
        _debounce?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
    }

    private void StartWatching()
    {
        _debounce = time.CreateTimer(_ => ImportAfterEdit(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
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

    private void Touch() => _debounce?.Change(options.Value.WatchDebounce, Timeout.InfiniteTimeSpan);

    private void ImportAfterEdit()
    {
        try
        {
            var report = importer.Import(_directory);
            Reimported?.Invoke(report);
        }
        catch (Exception e)
        {
            LogReimportFailed(logger, e, _directory);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The import of {Directory} stopped because the app is stopping; the next start finishes it")]
    private static partial void LogStartImportStopped(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watching {Directory} failed; re-importing")]
    private static partial void LogWatchFailed(ILogger logger, Exception exception, string directory);

    [LoggerMessage(Level = LogLevel.Error, Message = "Re-importing {Directory} failed")]
    private static partial void LogReimportFailed(ILogger logger, Exception exception, string directory);
}
