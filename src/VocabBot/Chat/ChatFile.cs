using Microsoft.Extensions.Localization;
namespace VocabBot.Chat;

/// <summary>
/// A file attached to a command: Discord's attachment option, or a local path typed in the console.
/// The transport knows how to fetch it; the feature decides how much it will read.
/// </summary>
internal abstract class ChatFile(string name, long? size, string? contentType)
{
    public string Name { get; } = name;

    /// <summary>The size the transport reports before reading, when it knows it.</summary>
    public long? Size { get; } = size;

    public string? ContentType { get; } = contentType;

    /// <summary>The file's bytes; throws <see cref="ChatFileException"/> with a message for the user when it cannot be read or is over <paramref name="maxBytes"/>.</summary>
    public abstract Task<byte[]> ReadAsync(long maxBytes, CancellationToken cancellationToken);
}

/// <summary>A file that could not be read, with a message fit to show the user.</summary>
/// <summary>
/// A file that could not be read, as a text of <see cref="ChatText"/> (<paramref name="key"/>, its arguments), so that
/// the command that asked for it says so in the user's language.
/// </summary>
internal sealed class ChatFileException(string key, object[] arguments, Exception? inner = null)
    : Exception($"{key}: {string.Join(", ", arguments)}", inner)
{
    public string Describe(IStringLocalizer<ChatText> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text[key, arguments];
    }
}
