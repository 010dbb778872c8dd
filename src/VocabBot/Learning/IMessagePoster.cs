namespace VocabBot.Learning;

/// <summary>
/// Posts a reply to a chat channel without a user having asked (the word of the day).
/// Transports implement it; features know only the channel id as an opaque string.
/// </summary>
public interface IMessagePoster
{
    Task PostAsync(string channelId, ChatReply message, CancellationToken cancellationToken);
}
