using System.Security.Cryptography;
using System.Text;
using VocabBot.Chat;

namespace VocabBot.Discord;

/// <summary>
/// Posts and edits the bot's own messages in a channel (POST and PATCH /channels/{id}/messages), for
/// features that speak unasked. A channel that refuses the bot for good comes back as
/// <see cref="ChannelRefusedException"/>, so the feature stops posting there.
/// </summary>
internal sealed class DiscordChannelMessenger(DiscordRestClient rest) : IChannelMessenger
{
    private const int NonceLength = 25;

    public async Task<string> PostAsync(string channelId, ChatReply message, CancellationToken cancellationToken)
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
        var created = await RefusalsAsync(channelId, () => rest.SendAsync(DiscordRoute.CreateMessage(channelId), body, MessageRenderer.Files(message), cancellationToken)).ConfigureAwait(false);
        return created is { } json && json.TryGetProperty("id", out var id) ? id.GetString() ?? "" : "";
    }

    public async Task EditAsync(string channelId, string messageId, ChatReply message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        ArgumentNullException.ThrowIfNull(message);
        var body = MessageRenderer.Render(message, allowEphemeral: false);
        await RefusalsAsync(channelId, () => rest.SendAsync(DiscordRoute.EditMessage(channelId, messageId), body, MessageRenderer.Files(message), cancellationToken)).ConfigureAwait(false);
    }

    private static async Task<T> RefusalsAsync<T>(string channelId, Func<Task<T>> send)
    {
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (DiscordApiException e) when (Refusal(e) is { } reason)
        {
            throw new ChannelRefusedException(channelId, reason, e);
        }
    }

    // The answers that no retry changes: the channel is gone, or the bot may not see or write in it.
    private static string? Refusal(DiscordApiException e) => (e.StatusCode, e.ErrorCode) switch
    {
        (404, 10003) => "the channel no longer exists",
        (403, 50001) => "the bot cannot see the channel: Missing Access",
        (403, 50013) => "the bot lacks a permission there: Missing Permissions",
        (403, _) => "Discord forbids the bot to post there",
        (404, _) => "Discord does not know the channel",
        _ => null,
    };

    private static string Nonce(string channelId, string body) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{channelId}\n{body}")))[..NonceLength];
}
