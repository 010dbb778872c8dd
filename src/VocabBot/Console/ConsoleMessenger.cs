using System.Globalization;
using VocabBot.Chat;

namespace VocabBot.Console;

/// <summary>
/// Channel posts in the console: printed in the chat as they are posted, and again when edited. A post with buttons
/// (a race question) is what typed answers press next.
/// </summary>
internal sealed class ConsoleMessenger(ConsoleOutput output) : IChannelMessenger
{
    private int _lastId;

    public async Task<string> PostAsync(string channelId, ChatReply message, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _lastId).ToString(CultureInfo.InvariantCulture);
        await output.ShowAsync(message, $"[#{channelId}]", cancellationToken);
        if (message.ButtonList.Count > 0)
            output.Offer(message.ButtonList);
        return id;
    }

    public Task EditAsync(string channelId, string messageId, ChatReply message, CancellationToken cancellationToken) =>
        output.ShowAsync(message, $"[#{channelId}, message {messageId} updated]", cancellationToken);
}
