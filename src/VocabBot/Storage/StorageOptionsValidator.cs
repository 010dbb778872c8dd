using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace VocabBot.Storage;

/// <summary>Fails at start when the database path is a folder or its folder cannot be written, instead of at the first answer.</summary>
internal sealed class StorageOptionsValidator(IHostEnvironment environment) : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
            return ValidateOptionsResult.Fail($"{StorageOptions.Section}:DatabasePath is empty");
        var path = Path.GetFullPath(options.DatabasePath, environment.ContentRootPath);
        // LiteDB would fail on a folder only when it opens the file, with a stack trace.
        if (Path.EndsInDirectorySeparator(path) || Directory.Exists(path))
            return ValidateOptionsResult.Fail($"{StorageOptions.Section}:DatabasePath: '{path}' is a folder; give a file in it, e.g. '{Path.Combine(path, "vocabbot.db")}'");
        try
        {
            var folder = Path.GetDirectoryName(path)!;
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return ValidateOptionsResult.Fail($"{StorageOptions.Section}:DatabasePath: cannot write the database at '{path}' ({e.Message})");
        }
    }
}
