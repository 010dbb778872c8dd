using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VocabBot.Chat;
using VocabBot.Content;

namespace VocabBot.Console;

/// <summary>
/// A transport like Discord, over lines of text: "/define loosen" runs a command, "A"-"D" or "1"-"4"
/// presses the last question's buttons, "next" goes on. It reads until /quit or the end of input.
/// </summary>
internal sealed partial class ConsoleChat(ChatRouter router, Vocabulary vocabulary, ConsoleOutput output, IOptions<ConsoleOptions> options,
    IStringLocalizer<ChatText> text, ILogger<ConsoleChat> logger)
{
    public async Task RunAsync(TextReader input, TextWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(writer);
        output.Writer = writer;
        var banner = vocabulary.ArticleCount == 1 ? "ConsoleBannerOne" : "ConsoleBanner";
        await output.WriteAsync(Say(banner, vocabulary.WordCount, vocabulary.ArticleCount));
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
                LogFailed(logger, e, line);
                reply = ChatReply.Private(Say("ConsoleFailed"));
            }

            await output.ShowAsync(reply, null, CancellationToken.None);
        }
    }

    private async Task<ChatReply> ReplyToAsync(string line, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (line.StartsWith('/'))
        {
            var request = ConsoleRenderer.Parse(line, router.Definitions, settings);
            var reply = await router.HandleAsync(request, cancellationToken);
            if (request.Command == ChatRouter.HelpName)
                reply = reply with { Text = reply.Text + "\nAnswer a question with A-D or 1-4, go on with next, leave with /quit." };
            Remember(reply, clicked: false);
            return reply;
        }

        var button = Button(line);
        if (button is null)
        {
            return ChatReply.Private(output.Offered.Count == 0
                ? $"'{CommandInput.Shorten(line, 30)}' is not a command and no question is open; start one with /quiz, or /help."
                : $"'{CommandInput.Shorten(line, 30)}' is not an answer here; press {string.Join(", ", ConsoleOutput.AnswerKeys(output.Offered).Values)}.");
        }

        var click = new ButtonClick(settings.UserId, settings.UserName, settings.GuildId, button.Id, settings.ChannelId) { Locale = settings.Locale };
        var clickReply = await router.ClickAsync(click, cancellationToken);
        Remember(clickReply, clicked: true);
        return clickReply;
    }

    private ChatButton? Button(string line)
    {
        var typed = line.ToLowerInvariant();
        var buttons = output.Offered;
        var keys = ConsoleOutput.AnswerKeys(buttons);
        return buttons.FirstOrDefault(b => keys.TryGetValue(b, out var key)
            && (key.Equals(typed, StringComparison.OrdinalIgnoreCase) || (key.Length == 1 && typed == (key[0] - 'A' + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    // A reply with buttons becomes the one answers go to; a finished quiz (no buttons, not a private error) clears it.
    // A channel post with buttons (a race question) takes over the same way, when it comes (ConsoleMessenger).
    private void Remember(ChatReply reply, bool clicked)
    {
        if (reply.ButtonList.Count > 0)
            output.Offer(reply.ButtonList);
        else if (clicked && !reply.Ephemeral)
            output.Offer([]);
    }

    // What the console itself says, in Console:Language.
    private string Say(string key, params object[] arguments) =>
        ChatCulture.In(ChatCulture.For(options.Value.Locale), () => text[key, arguments].Value);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling '{Line}' failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string line);
}
