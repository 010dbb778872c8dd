using System.Security.Cryptography;
using System.Text;
using VocabBot.Learning;

namespace VocabBot.Discord;

/// <summary>Posts a message to a channel (POST /channels/{id}/messages) for features that speak unasked.</summary>
internal sealed class DiscordChannelPoster(DiscordRestClient rest) : IMessagePoster
{
    private const int NonceLength = 25;

    public async Task PostAsync(string channelId, ChatReply message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        ArgumentNullException.ThrowIfNull(message);
        // Ephemeral exists only in answers to interactions; a channel post is seen by everyone.
        var body = MessageRenderer.Render(message, allowEphemeral: false);
        // A 5xx or a timeout does not say the message was not created, and every retry (the REST client's, the
        // caller's) sends it again. The same message to the same channel carries the same nonce, and with
        // enforce_nonce Discord returns the message it already made for that nonce instead of posting it twice.
        body["nonce"] = Nonce(channelId, body.ToJsonString());
        body["enforce_nonce"] = true;
        await rest.SendAsync(DiscordRoute.CreateMessage(channelId), body, cancellationToken).ConfigureAwait(false);
    }

    private static string Nonce(string channelId, string body) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{channelId}\n{body}")))[..NonceLength];
}
