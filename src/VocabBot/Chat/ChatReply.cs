namespace VocabBot.Chat;

/// <summary>What a handler answers; transports render it (a Discord message, console text).</summary>
internal sealed record ChatReply(
    string Text,
    ChatCard? Card = null,
    IReadOnlyList<ChatButton>? Buttons = null,
    bool Ephemeral = false)
{
    public IReadOnlyList<ChatButton> ButtonList => Buttons ?? [];

    /// <summary>A picture sent with the reply (a PNG); a card shows it as its image.</summary>
    public ChatImage? Image { get; init; }

    public static ChatReply Private(string text) => new(text, Ephemeral: true);
}

internal sealed record ChatCard(
    string Title,
    IReadOnlyList<ChatCardField> Fields,
    string? Description = null,
    string? Footer = null,
    string? Url = null);

internal sealed record ChatCardField(string Name, string Value, bool Inline = false);

internal enum ChatButtonStyle { Primary, Secondary, Success, Danger }

internal sealed record ChatButton(string Label, ButtonId Id, ChatButtonStyle Style = ChatButtonStyle.Secondary, bool Disabled = false);

/// <summary>An image attached to a reply: a file name ending in .png and its bytes.</summary>
internal sealed record ChatImage(string FileName, ReadOnlyMemory<byte> Content, string? Description = null);
