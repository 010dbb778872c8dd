using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VocabBot.Content;
using VocabBot.Learning;

namespace VocabBot.Console;

/// <summary>
/// A transport like Discord, over lines of text: "/define loosen" runs a command, "A"-"D" or "1"-"4"
/// presses the last question's buttons, "next" goes on. It reads until /quit or the end of input.
/// </summary>
public sealed class ConsoleChat(ChatCommands commands, Vocabulary vocabulary, IOptions<ConsoleOptions> options, ILogger<ConsoleChat> logger)
{
    private const string NextLabel = "Next";
    private IReadOnlyList<ChatButton> _buttons = [];

    public async Task RunAsync(TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync($"VocabBot console: {vocabulary.WordCount} words from {vocabulary.ArticleCount} article(s). /help lists the commands, /quit leaves.");
        while (!cancellationToken.IsCancellationRequested)
        {
            string? line;
            try
            {
                // Console.In's ReadLineAsync blocks the caller and ignores the token, so the read runs on
                // its own task and the wait is what gets cancelled: Ctrl+C or SIGTERM must end the chat.
                line = await Task.Run(input.ReadLine, CancellationToken.None).WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (line is null || line.Trim() is "/quit" or "/exit")
                break;
            if (line.Trim().Length == 0)
                continue;
            ChatReply reply;
            try
            {
                reply = await ReplyToAsync(line.Trim(), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping (Ctrl+C, SIGTERM) while a command waited: end the chat, as after the read above.
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Handling '{Line}' failed", line);
                reply = ChatReply.Private("Something went wrong handling that; the error is in the log.");
            }

            await output.WriteLineAsync(ConsoleRenderer.Render(reply, AnswerKeys(reply.ButtonList)));
            // Not cancellable: a stop requested as the reply goes out must still let it out, not throw.
            await output.FlushAsync(CancellationToken.None);
        }
    }

    private async Task<ChatReply> ReplyToAsync(string line, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (line.StartsWith('/'))
        {
            var request = ConsoleRenderer.Parse(line, commands.Definitions, settings.UserId, settings.UserName, settings.GuildId);
            var reply = await commands.HandleAsync(request, cancellationToken);
            if (request.Command == "help")
                reply = reply with { Text = reply.Text + "\nAnswer a question with A-D or 1-4, go on with next, leave with /quit." };
            Remember(reply, clicked: false);
            return reply;
        }

        var button = Button(line);
        if (button is null)
        {
            return ChatReply.Private(_buttons.Count == 0
                ? $"'{Learning.CommandInput.Shorten(line, 30)}' is not a command and no question is open; start one with /quiz, or /help."
                : $"'{Learning.CommandInput.Shorten(line, 30)}' is not an answer here; press {string.Join(", ", AnswerKeys(_buttons).Values)}.");
        }

        var clickReply = await commands.ClickAsync(new ButtonClick(settings.UserId, settings.UserName, settings.GuildId, button.Id), cancellationToken);
        Remember(clickReply, clicked: true);
        return clickReply;
    }

    private ChatButton? Button(string line)
    {
        var typed = line.ToLowerInvariant();
        var keys = AnswerKeys(_buttons);
        return _buttons.FirstOrDefault(b => keys.TryGetValue(b, out var key)
            && (key.Equals(typed, StringComparison.OrdinalIgnoreCase) || (key.Length == 1 && typed == (key[0] - 'A' + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    // A reply with buttons becomes the one answers go to; a finished quiz (no buttons, not a private error) clears it.
    private void Remember(ChatReply reply, bool clicked)
    {
        if (reply.ButtonList.Count > 0)
            _buttons = reply.ButtonList;
        else if (clicked && !reply.Ephemeral)
            _buttons = [];
    }

    /// <summary>What to type for each button: A, B, C, ... by position, and "next" for Next.</summary>
    private static Dictionary<ChatButton, string> AnswerKeys(IReadOnlyList<ChatButton> buttons)
    {
        var keys = new Dictionary<ChatButton, string>();
        var letter = 'A';
        foreach (var button in buttons)
            keys[button] = button.Label == NextLabel ? "next" : (letter++).ToString();
        return keys;
    }
}
