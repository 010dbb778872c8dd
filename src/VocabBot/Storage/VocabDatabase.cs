using LiteDB;

namespace VocabBot.Storage;

/// <summary>
/// The one LiteDB database of the app. LiteDB is thread-safe, so one instance serves everything;
/// it gets its own <see cref="BsonMapper"/> so that no feature depends on global mapper state.
/// </summary>
internal sealed class VocabDatabase : IDisposable
{
    private readonly DatabaseLock? _lock;
    private readonly string? _backupDirectory;
    private readonly Lock _reopening = new();
    private volatile LiteDatabase _database;
    private volatile bool _failing;
    private int _failures;
    private int _cacheVersion;

    /// <summary>Opens (or creates) the database file, holding it against other processes until disposed.</summary>
    /// <param name="backupDirectory">Where backups are kept, for the message when the file is damaged; default: beside it.</param>
    /// <exception cref="StorageUnavailableException">Another process holds the file, or it is damaged.</exception>
    public VocabDatabase(string path, string? backupDirectory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        backupDirectory ??= StorageOptions.DefaultBackupDirectory(Path);
        _backupDirectory = backupDirectory;
        _lock = DatabaseLock.Acquire(Path);
        try
        {
            if (DatabaseFile.Problem(Path) is { } problem)
                throw StorageUnavailableException.Damaged(Path, problem, backupDirectory);
            _database = Open(Path, backupDirectory);
        }
        catch
        {
            _lock?.Dispose();
            throw;
        }
    }

    /// <summary>An in-memory database, for tests and benchmarks.</summary>
    public VocabDatabase(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _database = new LiteDatabase(stream, CreateMapper());
    }

    /// <summary>
    /// The open database. It changes when <see cref="StorageHealth"/> reopens the file after a failed write, so
    /// take collections from it for each operation rather than keeping them.
    /// </summary>
    public LiteDatabase Database => _database;

    /// <summary>True while storage cannot write (a full disk): writes are refused until a probe write succeeds.</summary>
    public bool IsFailing => _failing;

    /// <summary>How many times storage started failing: a cache of what is stored is rebuilt when it changes, since a failed write may have rolled back what the cache saw.</summary>
    public int Failures => _failures;

    /// <summary>
    /// Changes when storage starts failing or a transaction is rolled back: a store's cache of what is stored, read
    /// at one version, is read again at the next, since the rollback may have undone what the cache saw.
    /// </summary>
    public int CacheVersion => _cacheVersion;

    public void MarkFailing()
    {
        Interlocked.Increment(ref _failures);
        Interlocked.Increment(ref _cacheVersion);
        _failing = true;
    }

    /// <summary>Called after a transaction was rolled back; see <see cref="CacheVersion"/>.</summary>
    public void MarkRolledBack() => Interlocked.Increment(ref _cacheVersion);

    public void MarkWriting() => _failing = false;

    /// <summary>Called before a change: refuses it at once while storage is failing, so it never touches the database.</summary>
    /// <exception cref="StorageFailingException">Storage is failing.</exception>
    public void EnsureWritable()
    {
        if (_failing)
            throw new StorageFailingException();
    }

    /// <summary>
    /// Closes and opens the file again: after a failed write LiteDB refuses every later read, and a rollback that
    /// failed leaves its lock held. The old instance is closed before the new one opens, never both at once.
    /// </summary>
    public void Reopen()
    {
        if (Path is null)
            return;
        Gate.Alone(() =>
        {
            lock (_reopening)
            {
                try
                {
                    AbandonedTransactions.Disarm(_database);
                    _database.Dispose();
                }
                catch (Exception e) when (StorageFailure.Is(e) || e is InvalidOperationException)
                {
                    // What it could not write is still in the -log file, which the next open reads.
                }

                try
                {
                    _database = Open(Path, _backupDirectory!);
                }
                catch (Exception e) when (StorageFailure.Is(e) || e is StorageUnavailableException)
                {
                    // Opening can write (LiteDB checkpoints its -log file at open), which a full disk refuses: reads go
                    // on from a read-only instance until a later probe reopens it for writing.
                    _database = OpenReadOnly(Path);
                    throw;
                }
            }
        });
    }

    /// <summary>Held by requests while they use the database, so that <see cref="Reopen"/> does not close it under them.</summary>
    public ReopenGate Gate { get; } = new();

    /// <summary>Rolls back a transaction whose work failed, keeping that failure the one that is seen.</summary>
    public static void RollbackQuietly(LiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        try
        {
            database.Rollback();
        }
        catch (Exception e) when (StorageFailure.Is(e) || e is InvalidOperationException)
        {
            // LiteDB 5 can throw here after a failed commit ("discarded page must be writable"), hiding the real error.
        }
    }

    /// <summary>The full path of the database file; null for an in-memory database.</summary>
    public string? Path { get; }

    public ILiteCollection<T> Collection<T>(string name) => _database.GetCollection<T>(name);

    /// <summary>
    /// Held by a store around a read followed by a write that must be one step (a day recorded as posted only
    /// once): LiteDB makes each single call atomic, not a find and then an update. One per database.
    /// </summary>
    public Lock WriteLock { get; } = new();

    /// <summary>
    /// Moves everything from the -log file into the data file first, so that after a clean stop the data file
    /// alone is the whole database. LiteDB's own close does this only when nothing else holds a transaction.
    /// </summary>
    public void Dispose()
    {
        try
        {
            if (Path is not null)
                Database.Checkpoint();
        }
        catch (Exception e) when (e is LiteException || StorageFailure.Is(e))
        {
            // Left in the -log file, which LiteDB replays at the next open; on a full disk the checkpoint's write fails
            // with an IOException.
        }
        finally
        {
            AbandonedTransactions.Disarm(Database);
            Database.Dispose();
            _lock?.Dispose();
        }
    }

    private static BsonMapper CreateMapper() => new()
    {
        EnumAsInteger = false,
        TrimWhitespace = false,
        EmptyStringToNull = false,
    };

    /// <summary>
    /// LiteDB copies its -log file into the data file on the commit that takes the log past this many 8 KB pages, and
    /// that commit waits for the copy. At LiteDB's default of 1,000 pages that was 1 answer in 140 (an answer writes
    /// about 7 pages), each waiting 8-25 ms, enough to hold recording an answer over its 2 ms p99 on its own; at 4,000 it
    /// is 1 in 600, waiting about 33 ms (docs/PERFORMANCE.md, "Recording an answer"). The -log file then grows to
    /// 32 MB before each copy; a restart after a crash reads it in as before.
    /// </summary>
    internal const int CheckpointPages = 4000;

    private static void KeepCheckpointSize(LiteDatabase database)
    {
        if (database.CheckpointSize == CheckpointPages)
            return;
        try
        {
            database.CheckpointSize = CheckpointPages; // kept in the file's header: written once
        }
        catch (Exception e) when (StorageFailure.Is(e))
        {
            // A full disk at open: LiteDB's default stays until the next open that can write.
        }
    }

    private static LiteDatabase OpenReadOnly(string path) =>
        new(new ConnectionString { Filename = path, Connection = ConnectionType.Direct, ReadOnly = true }, CreateMapper());

    private static LiteDatabase Open(string path, string backupDirectory)
    {
        LiteDatabase? database = null;
        try
        {
            database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, CreateMapper());
            _ = database.GetCollectionNames().Count(); // the collection list, the last part of the header
            KeepCheckpointSize(database);
            return database;
        }
        // A damaged header or -log file fails in LiteDB's parsing, not always with a LiteException.
        catch (Exception e) when (e is LiteException or ArgumentException or InvalidCastException or IndexOutOfRangeException or OverflowException or FormatException)
        {
            database?.Dispose();
            throw StorageUnavailableException.Damaged(path, $"LiteDB cannot read it: {e.Message.ReplaceLineEndings(" ")}", backupDirectory, e);
        }
    }
}
