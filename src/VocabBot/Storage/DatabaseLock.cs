namespace VocabBot.Storage;

/// <summary>
/// One process per database file. LiteDB opens its files with sharing that lets a second process in, and two
/// writers corrupt the file ("Page type must be data page") and lose acknowledged answers. This holds
/// "&lt;database&gt;.lock" open with FileShare.None, which .NET turns into an exclusive flock on Unix (a share
/// mode on Windows): the OS releases it when the process ends, however it ends, so a crash leaves no stale lock.
/// The file itself stays: deleting it on release would let two processes lock two different files.
/// </summary>
internal sealed class DatabaseLock : IDisposable
{
    private readonly FileStream _file;

    private DatabaseLock(FileStream file) => _file = file;

    public static string PathFor(string databasePath) => databasePath + ".lock";

    /// <exception cref="StorageUnavailableException">Another process (or another open in this one) holds the lock.</exception>
    public static DatabaseLock Acquire(string databasePath)
    {
        var path = PathFor(databasePath);
        try
        {
            return new DatabaseLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw StorageUnavailableException.Held(databasePath, path);
        }
    }

    public void Dispose() => _file.Dispose();
}
