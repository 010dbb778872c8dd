namespace VocabBot.Storage;

/// <summary>
/// The database file cannot be opened: another process holds it, or it is damaged. The message is the
/// one line the app prints before it exits with code 2.
/// </summary>
internal sealed class StorageUnavailableException : Exception
{
    private StorageUnavailableException(string message, bool held, Exception? inner)
        : base(message, inner) => IsHeld = held;

    /// <summary>True when another process holds the file; false when the file is damaged.</summary>
    public bool IsHeld { get; }

    public static StorageUnavailableException Held(string path, string lockPath) => new(
        $"Storage error: '{path}' is in use by another process, which holds the lock '{lockPath}'; " +
        "stop that process first, or give this one its own Storage:DatabasePath.", held: true, null);

    public static StorageUnavailableException Damaged(string path, string problem, string backupDirectory, Exception? inner = null) => new(
        $"Storage error: '{path}' is damaged ({problem}); restore the newest backup from '{backupDirectory}' " +
        "(README: Backing up and restoring), or move the file away to start with an empty database.", held: false, inner);
}
