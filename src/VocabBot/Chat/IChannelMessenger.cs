namespace VocabBot.Chat;

/// <summary>
/// Messages the bot posts to a channel by itself (a word of the day, a race question) and may edit
/// later. Transports implement it; features know channels and messages only as opaque ids.
/// </summary>
internal interface IChannelMessenger
{
    /// <summary>Posts a message and returns its id. Throws <see cref="ChannelRefusedException"/> when the channel will not take posts.</summary>
    Task<string> PostAsync(string channelId, ChatReply message, CancellationToken cancellationToken);

    /// <summary>Replaces the text, card and buttons of a message this bot posted.</summary>
    Task EditAsync(string channelId, string messageId, ChatReply message, CancellationToken cancellationToken);
}

/// <summary>
/// The channel refuses the bot for good (gone, no access, missing permissions): retrying cannot help,
/// and posting again only counts against the bot.
/// </summary>
internal sealed class ChannelRefusedException(string channelId, string reason, Exception? inner = null)
    : Exception($"Channel {channelId} refused the post: {reason}", inner)
{
    public string ChannelId { get; } = channelId;

    /// <summary>Why, in words a server manager can act on.</summary>
    public string Reason { get; } = reason;
}
