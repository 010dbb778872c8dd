using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace VocabBot.Storage;

/// <summary>
/// Fails at start when the database path is a folder or its folder cannot be written, instead of at the first
/// answer; and when the backup settings could never work, instead of at the first backup a day later.
/// </summary>
internal sealed class StorageOptionsValidator(IHostEnvironment environment) : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = [];
        var database = DatabasePathFailure(options);
        if (database is not null)
            failures.Add(database);
        else if (options.FullBackupDirectory(environment.ContentRootPath) is var backups && File.Exists(backups))
            failures.Add($"{StorageOptions.Section}:BackupDirectory: '{backups}' is a file; give a folder");
        if (options.RecoveryInterval <= TimeSpan.Zero || options.RecoveryInterval > TimeSpan.FromMinutes(10))
            failures.Add($"{StorageOptions.Section}:RecoveryInterval: must be more than 0 and at most 00:10:00 (got {options.RecoveryInterval})");
        if (options.BackupsKept < 0)
            failures.Add($"{StorageOptions.Section}:BackupsKept: must be 0 (no scheduled backups) or more (got {options.BackupsKept})");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private string? DatabasePathFailure(StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
            return $"{StorageOptions.Section}:DatabasePath is empty";
        var path = options.FullDatabasePath(environment.ContentRootPath);
        // LiteDB would fail on a folder only when it opens the file, with a stack trace.
        if (Path.EndsInDirectorySeparator(path) || Directory.Exists(path))
            return $"{StorageOptions.Section}:DatabasePath: '{path}' is a folder; give a file in it, e.g. '{Path.Combine(path, "vocabbot.db")}'";
        try
        {
            var folder = Path.GetDirectoryName(path)!;
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return $"{StorageOptions.Section}:DatabasePath: cannot write the database at '{path}' ({e.Message})";
        }
    }
}
