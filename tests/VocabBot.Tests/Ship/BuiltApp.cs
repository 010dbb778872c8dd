namespace VocabBot.Tests.Ship;

/// <summary>
/// The app's own build output run as a user starts it, from a folder the test chooses (its content
/// root), with no input, bounded in time by <see cref="PublishedApp.Run"/>.
/// </summary>
internal static class BuiltApp
{
    public static (int Code, string Output, string Error) Run(string folder, IDictionary<string, string>? environment, params string[] args)
    {
        var settings = new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
        };
        return PublishedApp.Run("dotnet", [Paths.AppDll, .. args], folder, "", TimeSpan.FromSeconds(60), settings);
    }

    /// <summary>The non-empty lines of a process's output.</summary>
    public static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
