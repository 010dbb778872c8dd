using System.Globalization;
using System.Text.Json.Nodes;
using VocabBot.Chat;

namespace VocabBot.Discord;

/// <summary>Maps the transport-neutral <see cref="CommandDefinition"/>s to Discord application command JSON.</summary>
internal static class CommandJson
{
    private const int ManageGuild = 0x20;
    private const int NameLimit = 32;
    private const int DescriptionLimit = 100;
    private const int ChoiceLimit = 25;

    public static JsonArray Render(IEnumerable<CommandDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var commands = new JsonArray();
        foreach (var definition in definitions)
            commands.Add(Command(definition));
        return commands;
    }

    private static JsonObject Command(CommandDefinition definition)
    {
        var command = new JsonObject
        {
            ["name"] = Name(definition.Name),
            ["type"] = 1,
            ["description"] = Description(definition.Description),
            ["options"] = definition.Subcommands.Count > 0
                ? new JsonArray([.. definition.Subcommands.Select(Subcommand)])
                : new JsonArray([.. definition.Options.Select(Option)]),
            // 0 guild, 1 the bot's DM: every command works in both, the handlers decide what makes sense.
            ["contexts"] = new JsonArray(0, 1),
        };
        if (definition.RequiresServerManager)
            command["default_member_permissions"] = ManageGuild.ToString(CultureInfo.InvariantCulture);
        return Localize(command, definition.Localizations);
    }

    private static JsonObject Subcommand(SubcommandDefinition subcommand) => Localize(new()
    {
        ["type"] = 1,
        ["name"] = Name(subcommand.Name),
        ["description"] = Description(subcommand.Description),
        ["options"] = new JsonArray([.. subcommand.Options.Select(Option)]),
    }, subcommand.Localizations);

    // Discord shows these instead of name and description to users whose client is in one of the locales.
    private static JsonObject Localize(JsonObject json, IReadOnlyDictionary<string, CommandLocalization> localizations)
    {
        if (localizations.Count == 0)
            return json;
        json["name_localizations"] = new JsonObject(localizations.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)Name(l.Value.Name))));
        json["description_localizations"] = new JsonObject(localizations.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)Description(l.Value.Description))));
        return json;
    }

    private static JsonObject Option(CommandOption option)
    {
        var isInteger = option.Type == CommandOptionType.Integer;
        var json = new JsonObject
        {
            ["type"] = option.Type switch { CommandOptionType.Integer => 4, CommandOptionType.Channel => 7, CommandOptionType.File => 11, _ => 3 },
            ["name"] = Name(option.Name),
            ["description"] = Description(option.Description),
            ["required"] = option.Required,
        };
        if (option.Choices is { Count: > 0 } choices)
        {
            json["choices"] = new JsonArray([.. choices.Take(ChoiceLimit).Select(choice => (JsonNode)new JsonObject
            {
                ["name"] = MessageRenderer.Truncate(choice, 100),
                ["value"] = isInteger && int.TryParse(choice, CultureInfo.InvariantCulture, out var number)
                    ? number
                    : MessageRenderer.Truncate(choice, 100),
            })]);
        }
        else if (option.Autocomplete)
        {
            json["autocomplete"] = true; // Discord refuses autocomplete together with choices.
        }
        if (isInteger && option.MinValue is { } min)
            json["min_value"] = min;
        if (isInteger && option.MaxValue is { } max)
            json["max_value"] = max;
        if (option.Type == CommandOptionType.Channel)
            json["channel_types"] = new JsonArray(0, 5); // text and announcement channels: where a post can go
        if (option.Type == CommandOptionType.String && option.MaxLength is { } maxLength)
            json["max_length"] = Math.Clamp(maxLength, 1, 6000);
        return Localize(json, option.Localizations);
    }

    private static string Name(string name) => MessageRenderer.Truncate(name.ToLowerInvariant(), NameLimit);

    private static string Description(string description) =>
        MessageRenderer.Truncate(string.IsNullOrWhiteSpace(description) ? "-" : description, DescriptionLimit);
}
