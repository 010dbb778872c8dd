namespace VocabBot.Learning;

/// <summary>Posts a message to a channel unprompted (the word of the day); a transport implements it.</summary>
public interface IMessagePoster
{
    Task PostAsync(string channelId, ChatReply message, CancellationToken cancellationToken);
}
