using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VocabBot;

namespace VocabBot.Storage;

/// <summary>
/// `migrate-store --from LiteDB --to PostgreSQL`: copies everything the LiteDB file at Storage:DatabasePath holds
/// into the PostgreSQL database at Storage:ConnectionString (schema created first), feature by feature, and prints
/// what it copied. Idempotent. The bot must be stopped: it holds the LiteDB file.
/// </summary>
internal static class MigrateStoreCommand
{
    public const string Usage = "migrate-store takes --from LiteDB --to PostgreSQL (the only direction there is).";

    /// <summary>Checks the arguments, builds the app on PostgreSQL without starting it, and copies.</summary>
    /// <returns>0 when copied; 2 on bad usage or settings, a LiteDB file missing, held or damaged, or a PostgreSQL server it cannot use.</returns>
    public static async Task<int> RunAsync(HostApplicationBuilder builder, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(error);
        if (!ArgumentsAreRight(args))
            return VocabBot.Usage.Print(error, Usage);
        var path = builder.Configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.DatabasePath)}"] ?? new StorageOptions().DatabasePath;
        var source = Path.GetFullPath(path, builder.Environment.ContentRootPath);
        if (!File.Exists(source))
        {
            await error.WriteLineAsync($"Migrate error: there is no LiteDB database at '{source}' (Storage:DatabasePath) to copy.");
            return 2;
        }

        // PostgreSQL as the provider: its settings are checked and its schema migrated before the copy starts.
        builder.Configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}"] = nameof(StorageProvider.PostgreSQL);
        builder.AddVocabBot(AppTransport.None);
        return await HostRunner.RunAsync(builder, (host, stopping) => CopyAsync(host, output, stopping), error, start: false);
    }

    private static bool ArgumentsAreRight(IReadOnlyList<string> args)
    {
        string? from = null, to = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--from" when i + 1 < args.Count:
                    from = args[++i];
                    break;
                case "--to" when i + 1 < args.Count:
                    to = args[++i];
                    break;
                case var setting when setting.StartsWith("--", StringComparison.Ordinal) && setting.Contains('='):
                    break; // a setting, e.g. --Storage:ConnectionString=...
                default:
                    return false;
            }
        }

        return string.Equals(from ?? "LiteDB", "LiteDB", StringComparison.OrdinalIgnoreCase)
            && string.Equals(to ?? "PostgreSQL", "PostgreSQL", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The copy itself, with the host built (LiteDB file opened and held, PostgreSQL schema migrated) but not started.</summary>
    private static async Task<int> CopyAsync(IHost host, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(output);
        foreach (var copier in host.Services.GetServices<IStoreCopier>())
        {
            var copied = await copier.CopyAsync(cancellationToken);
            await output.WriteLineAsync($"{copier.Feature}: {(copied.Count == 0 ? "nothing" : string.Join(", ", copied))}");
        }

        await output.WriteLineAsync("Copied into PostgreSQL; start the bot with Storage:Provider=PostgreSQL.");
        return 0;
    }
}
