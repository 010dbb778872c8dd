namespace VocabBot.Discord;

/// <summary>
/// A REST route: <see cref="Template"/> names it in logs and rate-limit keys without ids or
/// interaction tokens; <see cref="Path"/> is what is requested.
/// </summary>
internal sealed record DiscordRoute(HttpMethod Method, string Template, string Path, string MajorParameter)
{
    /// <summary>The route without its ids: Discord maps it to a bucket through X-RateLimit-Bucket.</summary>
    public string Key => $"{Method} {Template}";

    /// <summary>Responses to interactions (callback, original, followups): Discord keeps them out of the global 50-a-second limit.</summary>
    public bool IsInteractionResponse =>
        Template.StartsWith("/interactions/", StringComparison.Ordinal) || Template.Contains("{interaction.token}", StringComparison.Ordinal);

    public override string ToString() => $"{Method} {Template}";

    public static DiscordRoute GatewayBot() => new(HttpMethod.Get, "/gateway/bot", "/gateway/bot", "");

    public static DiscordRoute CurrentApplication() => new(HttpMethod.Get, "/applications/@me", "/applications/@me", "");

    public static DiscordRoute OverwriteCommands(string applicationId, string? guildId) => guildId is null
        ? new(HttpMethod.Put, "/applications/{application.id}/commands", $"/applications/{Esc(applicationId)}/commands", "")
        : new(HttpMethod.Put, "/applications/{application.id}/guilds/{guild.id}/commands",
            $"/applications/{Esc(applicationId)}/guilds/{Esc(guildId)}/commands", guildId);

    public static DiscordRoute InteractionCallback(string interactionId, string interactionToken) =>
        new(HttpMethod.Post, "/interactions/{interaction.id}/{interaction.token}/callback",
            $"/interactions/{Esc(interactionId)}/{Esc(interactionToken)}/callback", interactionId);

    public static DiscordRoute EditOriginal(string applicationId, string interactionToken) =>
        new(HttpMethod.Patch, "/webhooks/{application.id}/{interaction.token}/messages/@original",
            $"/webhooks/{Esc(applicationId)}/{Esc(interactionToken)}/messages/@original", interactionToken);

    public static DiscordRoute DeleteOriginal(string applicationId, string interactionToken) =>
        new(HttpMethod.Delete, "/webhooks/{application.id}/{interaction.token}/messages/@original",
            $"/webhooks/{Esc(applicationId)}/{Esc(interactionToken)}/messages/@original", interactionToken);

    public static DiscordRoute Followup(string applicationId, string interactionToken) =>
        new(HttpMethod.Post, "/webhooks/{application.id}/{interaction.token}",
            $"/webhooks/{Esc(applicationId)}/{Esc(interactionToken)}", interactionToken);

    public static DiscordRoute CreateMessage(string channelId) =>
        new(HttpMethod.Post, "/channels/{channel.id}/messages", $"/channels/{Esc(channelId)}/messages", channelId);

    public static DiscordRoute EditMessage(string channelId, string messageId) =>
        new(HttpMethod.Patch, "/channels/{channel.id}/messages/{message.id}",
            $"/channels/{Esc(channelId)}/messages/{Esc(messageId)}", channelId);

    private static string Esc(string value) => Uri.EscapeDataString(value);
}
