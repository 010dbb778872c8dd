using System.Globalization;
using System.Text.Json;
using VocabBot.Learning;

namespace VocabBot.Discord;

/// <summary>Reads an INTERACTION_CREATE payload into the transport-neutral requests.</summary>
internal static class InteractionReader
{
    public const int ApplicationCommand = 2;
    public const int MessageComponent = 3;
    public const int Autocomplete = 4;
    private const ulong ManageGuild = 0x20;

    public static string Id(JsonElement interaction) => Text(interaction, "id") ?? "";

    public static string Token(JsonElement interaction) => Text(interaction, "token") ?? "";

    public static int Type(JsonElement interaction) =>
        interaction.TryGetProperty("type", out var type) && type.TryGetInt32(out var value) ? value : 0;

    public static ChatRequest Command(JsonElement interaction)
    {
        var (userId, name, guildId, channelId) = Who(interaction);
        var data = interaction.GetProperty("data");
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var option in Options(data))
        {
            if (Text(option, "name") is { } optionName && option.TryGetProperty("value", out var value))
                options[optionName] = Value(value);
        }
        return new ChatRequest(userId, name, guildId, Text(data, "name") ?? "", options, channelId, IsServerManager(interaction));
    }

    public static ButtonClick Click(JsonElement interaction)
    {
        var (userId, name, guildId, channelId) = Who(interaction);
        var customId = Text(interaction.GetProperty("data"), "custom_id") ?? "";
        return new ButtonClick(userId, name, guildId, customId, channelId);
    }

    /// <summary>The command, the option the user is typing in and what they typed so far.</summary>
    public static (string Command, string Option, string Typed) Focused(JsonElement interaction)
    {
        var data = interaction.GetProperty("data");
        foreach (var option in Options(data))
        {
            if (option.TryGetProperty("focused", out var focused) && focused.ValueKind == JsonValueKind.True)
                return (Text(data, "name") ?? "", Text(option, "name") ?? "", option.TryGetProperty("value", out var v) ? Value(v) : "");
        }
        return (Text(data, "name") ?? "", "", "");
    }

    // In a guild the user is member.user; in a DM it is user.
    private static (string UserId, string DisplayName, string? GuildId, string? ChannelId) Who(JsonElement interaction)
    {
        var hasMember = interaction.TryGetProperty("member", out var member) && member.ValueKind == JsonValueKind.Object;
        var user = hasMember ? member.GetProperty("user") : interaction.GetProperty("user");
        var displayName = (hasMember ? Text(member, "nick") : null)
            ?? Text(user, "global_name") ?? Text(user, "username") ?? "someone";
        var channelId = Text(interaction, "channel_id")
            ?? (interaction.TryGetProperty("channel", out var channel) && channel.ValueKind == JsonValueKind.Object ? Text(channel, "id") : null);
        return (Text(user, "id") ?? "", displayName, Text(interaction, "guild_id"), channelId);
    }

    private static bool IsServerManager(JsonElement interaction) =>
        interaction.TryGetProperty("member", out var member) && member.ValueKind == JsonValueKind.Object
        && ulong.TryParse(Text(member, "permissions"), NumberStyles.None, CultureInfo.InvariantCulture, out var permissions)
        && (permissions & ManageGuild) != 0;

    private static IEnumerable<JsonElement> Options(JsonElement data) =>
        data.TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Array
            ? options.EnumerateArray()
            : [];

    private static string Value(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText();

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
