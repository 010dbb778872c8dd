using System.Globalization;
using LiteDB;

namespace VocabBot.Storage;

/// <summary>
/// A backup is a new LiteDB file holding a copy of every collection and index, read from the running database
/// through its one shared instance, so it works while the bot runs and needs no -log file beside it.
/// </summary>
internal static class DatabaseBackup
{
    private const string Partial = ".partial";

    /// <summary>
    /// Writes the backup to <paramref name="target"/> (replacing it) through a file beside it, so a backup cut
    /// short never takes a good one's name. Runs synchronously: LiteDB ties a transaction to its thread.
    /// </summary>
    public static BackupResult Write(VocabDatabase source, string target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        target = Path.GetFullPath(target);
        if (source.Path is { } path && (target == path || target == LogFile(path)))
            throw new ArgumentException($"'{target}' is the database itself; give another file.", nameof(target));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + Partial;
        DeleteWithLog(partial);
        try
        {
            var (collections, documents) = Copy(source.Database, partial, cancellationToken);
            File.Move(partial, target, overwrite: true);
            return new BackupResult(target, collections, documents);
        }
        catch
        {
            DeleteWithLog(partial);
            throw;
        }
    }

    private static (int Collections, long Documents) Copy(LiteDatabase database, string file, CancellationToken cancellationToken)
    {
        var (collections, documents) = (0, 0L);
        using var copy = new LiteDatabase(new ConnectionString { Filename = file, Connection = ConnectionType.Direct }, new BsonMapper());
        if (!database.BeginTrans())
            throw new InvalidOperationException("This thread already has a LiteDB transaction open.");
        try
        {
            // One read transaction: listing the indexes takes a snapshot of every collection at once, and every
            // read below comes from those snapshots, whatever the bot writes meanwhile.
            var indexes = database.GetCollection("$indexes").FindAll().ToList();
            foreach (var name in database.GetCollectionNames().Order(StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                collections++;
                documents += copy.GetCollection(name).InsertBulk(database.GetCollection(name).FindAll());
            }

            foreach (var index in indexes.Where(i => i["name"].AsString != "_id"))
                copy.GetCollection(index["collection"].AsString).EnsureIndex(index["name"].AsString, index["expression"].AsString, index["unique"].AsBoolean);
        }
        finally
        {
            database.Rollback();
        }

        copy.Checkpoint(); // everything into the data file: the backup is one file
        return (collections, documents);
    }

    /// <summary>The backup of <paramref name="databasePath"/> for a UTC day: vocabbot.db → vocabbot-2026-12-03.db.</summary>
    public static string DatedName(string databasePath, DateOnly day) =>
        $"{Path.GetFileNameWithoutExtension(databasePath)}-{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}{Path.GetExtension(databasePath)}";

    /// <summary>The dated backups of <paramref name="databasePath"/> in <paramref name="directory"/>, newest first.</summary>
    public static IReadOnlyList<string> DatedBackups(string directory, string databasePath)
    {
        if (!Directory.Exists(directory))
            return [];
        var name = Path.GetFileNameWithoutExtension(databasePath);
        var extension = Path.GetExtension(databasePath);
        return Directory.EnumerateFiles(directory, $"{name}-*{extension}")
            .Where(file => DateOnly.TryParseExact(Path.GetFileName(file)[(name.Length + 1)..^extension.Length], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            .OrderDescending(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Deletes all but the newest <paramref name="keep"/> dated backups; returns the deleted files.</summary>
    public static IReadOnlyList<string> Prune(string directory, string databasePath, int keep)
    {
        var old = DatedBackups(directory, databasePath).Skip(keep).ToList();
        foreach (var file in old)
            File.Delete(file);
        return old;
    }

    /// <summary>LiteDB 5's name for a data file's log: vocabbot.db → vocabbot-log.db.</summary>
    public static string LogFile(string databasePath) => Path.Combine(
        Path.GetDirectoryName(databasePath)!, $"{Path.GetFileNameWithoutExtension(databasePath)}-log{Path.GetExtension(databasePath)}");

    private static void DeleteWithLog(string file)
    {
        File.Delete(file);
        File.Delete(LogFile(file));
    }
}

/// <summary>A backup written: where, and how much it holds.</summary>
internal sealed record BackupResult(string Path, int Collections, long Documents);
