using System.Globalization;
using System.Text.Json;
using VocabBot.Chat;

namespace VocabBot.Discord;

/// <summary>Reads an INTERACTION_CREATE payload into the transport-neutral requests.</summary>
internal static class InteractionReader
{
    public const int ApplicationCommand = 2;
    public const int MessageComponent = 3;
    public const int Autocomplete = 4;
    private const int SubcommandType = 1;
    private const int AttachmentType = 11;
    private const ulong ManageGuild = 0x20;
    private const ulong ManageMessages = 0x2000;

    /// <summary>Discord's epoch, the zero of a snowflake's timestamp (2015-01-01 UTC).</summary>
    private static readonly DateTimeOffset DiscordEpoch = new(2015, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string Id(JsonElement interaction) => Text(interaction, "id") ?? "";

    public static string Token(JsonElement interaction) => Text(interaction, "token") ?? "";

    /// <summary>The application the interaction is for: HTTP interactions have no READY to say it.</summary>
    public static string ApplicationId(JsonElement interaction) => Text(interaction, "application_id") ?? "";

    public static int Type(JsonElement interaction) =>
        interaction.TryGetProperty("type", out var type) && type.TryGetInt32(out var value) ? value : 0;

    /// <summary>When Discord created the interaction, from its snowflake id; null for an id that is not one.</summary>
    public static DateTimeOffset? CreatedAt(JsonElement interaction) =>
        ulong.TryParse(Id(interaction), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? DiscordEpoch.AddMilliseconds(id >> 22)
            : null;

    /// <summary>Whether the payload has what every answer needs: who asked, and what (data).</summary>
    public static bool IsComplete(JsonElement interaction) =>
        interaction.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
        && User(interaction) is { } user && Text(user, "id") is { Length: > 0 };

    public static ChatRequest Command(JsonElement interaction, Func<JsonElement, ChatFile> attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var (userId, name, guildId, channelId) = Who(interaction);
        var data = interaction.GetProperty("data");
        var (subcommand, options) = SubcommandOf(data);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new Dictionary<string, ChatFile>(StringComparer.Ordinal);
        foreach (var option in options)
        {
            if (Text(option, "name") is not { } optionName || !option.TryGetProperty("value", out var value))
                continue;
            if (TypeOf(option) == AttachmentType && Resolved(data, Value(value)) is { } file)
                files[optionName] = attachment(file);
            else
                values[optionName] = Value(value);
        }
        return new ChatRequest(userId, name, guildId, Text(data, "name") ?? "", values, channelId, Has(interaction, ManageGuild))
        {
            Subcommand = subcommand,
            Files = files,
            Locale = Text(interaction, "locale") ?? ChatLocale.Default,
            GuildLocale = Text(interaction, "guild_locale"),
            IsMessageManager = Has(interaction, ManageMessages),
        };
    }

    public static ButtonClick Click(JsonElement interaction)
    {
        var (userId, name, guildId, channelId) = Who(interaction);
        var customId = Text(interaction.GetProperty("data"), "custom_id");
        // An id no button of ours could have carried goes to no feature: the router says the button is not active.
        var button = ButtonId.TryParse(customId, out var parsed) ? parsed : new ButtonId("unreadable");
        return new ButtonClick(userId, name, guildId, button, channelId)
        {
            Locale = Text(interaction, "locale") ?? ChatLocale.Default,
            GuildLocale = Text(interaction, "guild_locale"),
        };
    }

    /// <summary>The command, the option the user is typing in and what they typed so far.</summary>
    public static AutocompleteRequest Focused(JsonElement interaction)
    {
        var (userId, _, guildId, _) = Who(interaction);
        var data = interaction.GetProperty("data");
        var (subcommand, options) = SubcommandOf(data);
        var command = Text(data, "name") ?? "";
        var focused = options.FirstOrDefault(o => o.TryGetProperty("focused", out var f) && f.ValueKind == JsonValueKind.True);
        var (option, typed) = focused.ValueKind == JsonValueKind.Object
            ? (Text(focused, "name") ?? "", focused.TryGetProperty("value", out var v) ? Value(v) : "")
            : ("", "");
        return new AutocompleteRequest(userId, guildId, command, option, typed)
        {
            Subcommand = subcommand,
            Locale = Text(interaction, "locale") ?? ChatLocale.Default,
        };
    }

    // A command with subcommands sends one option of type 1 that holds the real options.
    private static (string? Subcommand, List<JsonElement> Options) SubcommandOf(JsonElement data)
    {
        var options = Options(data).ToList();
        return options is [var only] && TypeOf(only) == SubcommandType
            ? (Text(only, "name"), Options(only).ToList())
            : (null, options);
    }

    private static JsonElement? Resolved(JsonElement data, string attachmentId) =>
        data.TryGetProperty("resolved", out var resolved) && resolved.TryGetProperty("attachments", out var attachments)
        && attachments.ValueKind == JsonValueKind.Object && attachments.TryGetProperty(attachmentId, out var file)
            ? file
            : null;

    // In a guild the user is member.user; in a DM it is user.
    private static JsonElement? User(JsonElement interaction)
    {
        if (interaction.TryGetProperty("member", out var member) && member.ValueKind == JsonValueKind.Object)
            return member.TryGetProperty("user", out var memberUser) && memberUser.ValueKind == JsonValueKind.Object ? memberUser : null;
        return interaction.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object ? user : null;
    }

    private static (string UserId, string DisplayName, string? GuildId, string? ChannelId) Who(JsonElement interaction)
    {
        var user = User(interaction) ?? throw new InvalidDataException("The interaction names no user.");
        var nick = interaction.TryGetProperty("member", out var member) && member.ValueKind == JsonValueKind.Object ? Text(member, "nick") : null;
        var displayName = nick ?? Text(user, "global_name") ?? Text(user, "username") ?? "someone";
        var channelId = Text(interaction, "channel_id")
            ?? (interaction.TryGetProperty("channel", out var channel) && channel.ValueKind == JsonValueKind.Object ? Text(channel, "id") : null);
        return (Text(user, "id") ?? "", displayName, Text(interaction, "guild_id"), channelId);
    }

    private static bool Has(JsonElement interaction, ulong permission) =>
        interaction.TryGetProperty("member", out var member) && member.ValueKind == JsonValueKind.Object
        && ulong.TryParse(Text(member, "permissions"), NumberStyles.None, CultureInfo.InvariantCulture, out var permissions)
        && (permissions & permission) != 0;

    private static int TypeOf(JsonElement option) =>
        option.TryGetProperty("type", out var type) && type.TryGetInt32(out var value) ? value : 0;

    private static IEnumerable<JsonElement> Options(JsonElement data) =>
        data.TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Array
            ? options.EnumerateArray()
            : [];

    private static string Value(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText();

    /// <summary>The user's language as Discord sent it, for what the transport itself says.</summary>
    public static string Locale(JsonElement interaction) => Text(interaction, "locale") ?? ChatLocale.Default;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
