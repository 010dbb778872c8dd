namespace VocabBot.Chat;

/// <summary>
/// A command from a user, as any transport (Discord, console) hands it over.
/// Option values are strings as typed; handlers parse and validate them.
/// </summary>
internal sealed record ChatRequest(
    string UserId,
    string DisplayName,
    string? GuildId,
    string Command,
    IReadOnlyDictionary<string, string> Options,
    string? ChannelId = null,
    bool IsServerManager = false)
{
    /// <summary>The user's language as the transport knows it (Discord's interaction locale, the console's Console:Language).</summary>
    public string Locale { get; init; } = ChatLocale.Default;

    /// <summary>The server's language (Discord's guild_locale), for what the bot posts to a channel; null outside a server.</summary>
    public string? GuildLocale { get; init; }

    /// <summary>The subcommand chosen, for a command that has them (/race start); null otherwise.</summary>
    public string? Subcommand { get; init; }

    /// <summary>Files attached to the command's file options, by option name.</summary>
    public IReadOnlyDictionary<string, ChatFile> Files { get; init; } = new Dictionary<string, ChatFile>(StringComparer.Ordinal);

    /// <summary>Whether the user may manage messages in this channel (Discord's Manage Messages).</summary>
    public bool IsMessageManager { get; init; }

    public string? Option(string name) => Options.TryGetValue(name, out var value) ? value : null;

    public ChatFile? File(string name) => Files.TryGetValue(name, out var file) ? file : null;
}

/// <summary>A click on a button this bot sent, with the typed id it carried.</summary>
internal sealed record ButtonClick(string UserId, string DisplayName, string? GuildId, ButtonId Button, string? ChannelId = null)
{
    public string Locale { get; init; } = ChatLocale.Default;

    public string? GuildLocale { get; init; }
}

/// <summary>What the user has typed so far into an option that offers suggestions.</summary>
internal sealed record AutocompleteRequest(string UserId, string? GuildId, string Command, string Option, string Typed)
{
    public string? Subcommand { get; init; }

    public string Locale { get; init; } = ChatLocale.Default;
}

/// <summary>Locale names as Discord spells them.</summary>
internal static class ChatLocale
{
    public const string Default = "en-US";
    public const string English = "en-US";
    public const string TraditionalChinese = "zh-TW";
}
