namespace VocabBot.Learning;

/// <summary>
/// A command from a user, as any transport (Discord, console) hands it over.
/// Option values are strings as typed; handlers parse and validate them.
/// </summary>
public sealed record ChatRequest(
    string UserId,
    string DisplayName,
    string? GuildId,
    string Command,
    IReadOnlyDictionary<string, string> Options,
    string? ChannelId = null,
    bool IsServerManager = false)
{
    public string? Option(string name) => Options.TryGetValue(name, out var value) ? value : null;
}

/// <summary>A click on a button this bot sent; <paramref name="ButtonId"/> is the opaque id it carried.</summary>
public sealed record ButtonClick(string UserId, string DisplayName, string? GuildId, string ButtonId, string? ChannelId = null);

/// <summary>What a handler answers; transports render it (a Discord message, console text).</summary>
public sealed record ChatReply(
    string Text,
    ChatCard? Card = null,
    IReadOnlyList<ChatButton>? Buttons = null,
    bool Ephemeral = false)
{
    public IReadOnlyList<ChatButton> ButtonList => Buttons ?? [];

    public static ChatReply Private(string text) => new(text, Ephemeral: true);
}

public sealed record ChatCard(
    string Title,
    IReadOnlyList<ChatCardField> Fields,
    string? Description = null,
    string? Footer = null,
    string? Url = null);

public sealed record ChatCardField(string Name, string Value, bool Inline = false);

public enum ChatButtonStyle { Primary, Secondary, Success, Danger }

public sealed record ChatButton(string Label, string Id, ChatButtonStyle Style = ChatButtonStyle.Secondary, bool Disabled = false);

/// <summary>A command as users see it in a command list: transports register these.</summary>
public sealed record CommandDefinition(
    string Name,
    string Description,
    IReadOnlyList<CommandOption> Options,
    bool RequiresServerManager = false);

public enum CommandOptionType { String, Integer, Channel }

public sealed record CommandOption(
    string Name,
    string Description,
    CommandOptionType Type = CommandOptionType.String,
    bool Required = false,
    bool Autocomplete = false,
    IReadOnlyList<string>? Choices = null,
    int? MinValue = null,
    int? MaxValue = null,
    int? MaxLength = null);
