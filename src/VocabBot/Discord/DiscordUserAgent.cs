namespace VocabBot.Discord;

/// <summary>Discord asks every bot to identify itself as "DiscordBot ($url, $versionNumber)".</summary>
internal static class DiscordUserAgent
{
    public const string Url = "https://github.com/vocabbot/vocabbot";

    public static string Version { get; } =
        typeof(DiscordUserAgent).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";

    public static string Value { get; } = $"DiscordBot ({Url}, {Version})";
}
