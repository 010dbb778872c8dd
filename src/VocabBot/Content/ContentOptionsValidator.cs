using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace VocabBot.Content;

/// <summary>
/// Fails at start when the content folder is missing: a bot started from the wrong folder would
/// otherwise run with no words. The full path shows where it looked.
/// </summary>
internal sealed class ContentOptionsValidator(IHostEnvironment environment) : IValidateOptions<ContentOptions>
{
    public ValidateOptionsResult Validate(string? name, ContentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Directory))
            return ValidateOptionsResult.Skip; // [Required] says so
        var path = options.FullDirectory(environment.ContentRootPath);
        if (Directory.Exists(path))
            return ValidateOptionsResult.Success;
        var problem = File.Exists(path) ? "is a file, not a folder" : "does not exist";
        var from = Path.IsPathRooted(options.Directory) ? "" : $" (a relative path starts at {environment.ContentRootPath})";
        return ValidateOptionsResult.Fail($"{ContentOptions.Section}:Directory: the folder '{path}' {problem}{from}");
    }
}
