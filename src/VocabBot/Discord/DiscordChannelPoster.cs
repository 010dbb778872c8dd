using VocabBot.Learning;

namespace VocabBot.Discord;

/// <summary>Posts a message to a channel (POST /channels/{id}/messages) for features that speak unasked.</summary>
internal sealed class DiscordChannelPoster(DiscordRestClient rest) : IMessagePoster
{
    public async Task PostAsync(string channelId, ChatReply message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        ArgumentNullException.ThrowIfNull(message);
        // Ephemeral exists only in answers to interactions; a channel post is seen by everyone.
        await rest.SendAsync(DiscordRoute.CreateMessage(channelId), MessageRenderer.Render(message, allowEphemeral: false), cancellationToken)
            .ConfigureAwait(false);
    }
}
