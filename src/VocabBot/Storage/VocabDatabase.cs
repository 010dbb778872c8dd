using LiteDB;

namespace VocabBot.Storage;

/// <summary>
/// The one LiteDB database of the app. LiteDB is thread-safe, so one instance serves everything;
/// it gets its own <see cref="BsonMapper"/> so that no feature depends on global mapper state.
/// </summary>
internal sealed class VocabDatabase : IDisposable
{
    private readonly DatabaseLock? _lock;

    /// <summary>Opens (or creates) the database file, holding it against other processes until disposed.</summary>
    /// <param name="backupDirectory">Where backups are kept, for the message when the file is damaged; default: beside it.</param>
    /// <exception cref="StorageUnavailableException">Another process holds the file, or it is damaged.</exception>
    public VocabDatabase(string path, string? backupDirectory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        backupDirectory ??= StorageOptions.DefaultBackupDirectory(Path);
        _lock = DatabaseLock.Acquire(Path);
        try
        {
            if (DatabaseFile.Problem(Path) is { } problem)
                throw StorageUnavailableException.Damaged(Path, problem, backupDirectory);
            Database = Open(Path, backupDirectory);
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
        Database = new LiteDatabase(stream, CreateMapper());
    }

    public LiteDatabase Database { get; }

    /// <summary>The full path of the database file; null for an in-memory database.</summary>
    public string? Path { get; }

    public ILiteCollection<T> Collection<T>(string name) => Database.GetCollection<T>(name);

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
        catch (LiteException)
        {
            // Left in the -log file, which LiteDB replays at the next open.
        }
        finally
        {
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

    private static LiteDatabase Open(string path, string backupDirectory)
    {
        LiteDatabase? database = null;
        try
        {
            database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, CreateMapper());
            _ = database.GetCollectionNames().Count(); // the collection list, the last part of the header
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
