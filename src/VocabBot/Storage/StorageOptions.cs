namespace VocabBot.Storage;

internal sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The LiteDB file; relative paths are taken from the content root.</summary>
    public string DatabasePath { get; set; } = "data/vocabbot.db";

    /// <summary>Where the bot writes its daily backups; empty: a backups folder beside the database.</summary>
    public string BackupDirectory { get; set; } = "";

    /// <summary>How many daily backups to keep; 0 turns the scheduled backup off.</summary>
    public int BackupsKept { get; set; } = 7;

    /// <summary>While storage cannot write (a full disk), how often a probe write checks whether it can again.</summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Where the features' stores keep their data: the LiteDB file, or a PostgreSQL database.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.LiteDB;

    /// <summary>The Npgsql connection string, when <see cref="Provider"/> is PostgreSQL.</summary>
    public string? ConnectionString { get; set; }

    public string FullDatabasePath(string contentRoot) => Path.GetFullPath(DatabasePath, contentRoot);

    public string FullBackupDirectory(string contentRoot) => string.IsNullOrWhiteSpace(BackupDirectory)
        ? DefaultBackupDirectory(FullDatabasePath(contentRoot))
        : Path.GetFullPath(BackupDirectory, contentRoot);

    /// <summary>Beside the database, so backups land on the same volume (data/backups, or /data/backups in the image).</summary>
    public static string DefaultBackupDirectory(string databasePath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, "backups");
}

internal enum StorageProvider { LiteDB, PostgreSQL }
