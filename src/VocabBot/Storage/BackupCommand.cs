using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace VocabBot.Storage;

/// <summary>`backup PATH`: writes a self-contained backup of a stopped bot's database (a running bot writes its own).</summary>
internal static class BackupCommand
{
    /// <returns>0 when written; 1 when the backup cannot be written; 2 on bad usage or settings, or a database held, missing or damaged.</returns>
    public static int Run(IConfiguration configuration, IHostEnvironment environment, string[] args, TimeProvider time, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(time);
        // Settings given as arguments (--Storage:DatabasePath=x) are the configuration's; the rest is the target.
        var rest = args.Where(a => !(a.StartsWith("--", StringComparison.Ordinal) && a.Contains('='))).ToList();
        if (rest.Count != 1 || rest[0].StartsWith('-'))
            return Usage.Print(error, "backup takes the file to write, e.g. backup backups/vocabbot.db.");

        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var invalid = new StorageOptionsValidator(environment).Validate(null, options);
        if (invalid.Failed)
        {
            foreach (var failure in invalid.Failures)
                error.WriteLine($"Configuration error: {failure}");
            return 2;
        }

        var source = options.FullDatabasePath(environment.ContentRootPath);
        var backups = options.FullBackupDirectory(environment.ContentRootPath);
        if (!File.Exists(source))
        {
            error.WriteLine($"Backup error: there is no database at '{source}' (Storage:DatabasePath) to back up.");
            return 2;
        }

        var target = Path.GetFullPath(rest[0], environment.ContentRootPath);
        if (Directory.Exists(target))
            target = Path.Combine(target, DatabaseBackup.DatedName(source, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)));
        if (target == source || target == DatabaseBackup.LogFile(source))
            return Usage.Print(error, $"'{target}' is the database itself; give another file.");

        try
        {
            using var database = new VocabDatabase(source, backups);
            var backup = DatabaseBackup.Write(database, target, CancellationToken.None);
            output.WriteLine($"Backed up '{source}' to '{backup.Path}': {backup.Collections} collection(s), {backup.Documents} document(s).");
            return 0;
        }
        catch (StorageUnavailableException e) when (e.IsHeld)
        {
            error.WriteLine($"Backup error: '{source}' is in use by another process, which holds the lock '{DatabaseLock.PathFor(source)}'. " +
                $"A running bot writes its own backup every day to '{backups}': copy the newest from there, or stop the bot and run backup again.");
            return 2;
        }
        catch (StorageUnavailableException e)
        {
            error.WriteLine(e.Message);
            return 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Backup error: cannot write '{target}' ({e.Message})");
            return 1;
        }
    }
}
