using System.Text.Json.Nodes;

namespace VocabBot.Tests.Discord;

/// <summary>Errors as Discord answers them: a status and a JSON body with Discord's message and code.</summary>
internal sealed record DiscordError(string Name, int Status, int Code, string Message)
{
    public static readonly DiscordError Unauthorized = new(nameof(Unauthorized), 401, 0, "401: Unauthorized");
    public static readonly DiscordError MissingPermissions = new(nameof(MissingPermissions), 403, 50013, "Missing Permissions");
    public static readonly DiscordError MissingAccess = new(nameof(MissingAccess), 403, 50001, "Missing Access");
    public static readonly DiscordError UnknownChannel = new(nameof(UnknownChannel), 404, 10003, "Unknown Channel");
    public static readonly DiscordError UnknownInteraction = new(nameof(UnknownInteraction), 404, 10062, "Unknown interaction");
    public static readonly DiscordError AlreadyAcknowledged = new(nameof(AlreadyAcknowledged), 400, 40060, "Interaction has already been acknowledged");

    public static IReadOnlyList<DiscordError> All { get; } =
        [Unauthorized, MissingPermissions, MissingAccess, UnknownChannel, UnknownInteraction, AlreadyAcknowledged];

    public string Body => new JsonObject { ["message"] = Message, ["code"] = Code }.ToJsonString();

    public static DiscordError Named(string name) => All.Single(error => error.Name == name);
}
