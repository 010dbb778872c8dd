using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VocabBot.Chat;

namespace VocabBot.Console;

/// <summary>
/// The terminal the console chat writes to: replies and channel posts (which may come from another
/// thread, e.g. a timer) go out one at a time; a picture is written to a file whose path is printed. It also holds the
/// buttons typed answers press: those of the last reply or channel post that had any (a race question is a post).
/// </summary>
internal sealed class ConsoleOutput(IOptions<ConsoleOptions> options, IHostEnvironment environment, IStringLocalizer<ChatText> chat, TimeProvider? time = null)
{
    private readonly SemaphoreSlim _writing = new(1, 1);
    private volatile IReadOnlyList<ChatButton> _offered = [];

    /// <summary>The buttons a typed A, B, ... or next presses now.</summary>
    public IReadOnlyList<ChatButton> Offered => _offered;

    /// <summary>Makes <paramref name="buttons"/> the ones typed answers press (none: no question is open).</summary>
    public void Offer(IReadOnlyList<ChatButton> buttons) => _offered = buttons;

    /// <summary>Where the text goes: the chat sets it to standard output (or a test's writer) when it starts.</summary>
    public TextWriter Writer { get; set; } = TextWriter.Null;

    /// <summary>Prints a reply (or a channel post, under <paramref name="heading"/>).</summary>
    public async Task ShowAsync(ChatReply reply, string? heading, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        // In Console:Language, also for a channel post (a race's next question), which comes from a timer with no request.
        var now = (time ?? TimeProvider.System).GetUtcNow();
        var text = ChatCulture.In(ChatCulture.For(options.Value.Locale), () => ConsoleRenderer.Render(reply, AnswerKeys(reply.ButtonList), now, chat));
        if (reply.Image is { } image)
            text += await SaveAsync(image, cancellationToken) + "\n";
        await WriteAsync(heading is null ? text : $"{heading}\n{text}");
    }

    public async Task WriteAsync(string text)
    {
        // Not cancellable: a stop requested as the reply goes out must still let it out, not throw.
        await _writing.WaitAsync(CancellationToken.None);
        try
        {
            await Writer.WriteLineAsync(text);
            await Writer.FlushAsync(CancellationToken.None);
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>What to type for each button: A, B, C, ... by position, and "next" for Next.</summary>
    public static Dictionary<ChatButton, string> AnswerKeys(IReadOnlyList<ChatButton> buttons)
    {
        ArgumentNullException.ThrowIfNull(buttons);
        var keys = new Dictionary<ChatButton, string>();
        var letter = 'A';
        foreach (var button in buttons)
            keys[button] = button.Label == "Next" ? "next" : (letter++).ToString();
        return keys;
    }

    /// <summary>"Picture: path", or why it was not saved: the reply's text is still worth showing (a full disk, a folder it may not write).</summary>
    private async Task<string> SaveAsync(ChatImage image, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(options.Value.ImageDirectory, environment.ContentRootPath);
        var path = Path.Combine(folder, Path.GetFileName(image.FileName));
        try
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(path, image.Content.ToArray(), cancellationToken);
            return $"Picture: {path}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"Picture not saved to {path}: {e.Message}";
        }
    }
}
