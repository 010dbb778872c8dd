namespace VocabBot.Chat;

/// <summary>A command as users see it in a command list: transports register these.</summary>
internal sealed record CommandDefinition(
    string Name,
    string Description,
    IReadOnlyList<CommandOption> Options,
    bool RequiresServerManager = false)
{
    /// <summary>Subcommands (/race start, /race stop); a command has options or subcommands, as Discord requires.</summary>
    public IReadOnlyList<SubcommandDefinition> Subcommands { get; init; } = [];

    /// <summary>The name and description in other languages, by locale (zh-TW), for command pickers that show them.</summary>
    public IReadOnlyDictionary<string, CommandLocalization> Localizations { get; init; } = CommandLocalization.None;

    /// <summary>The options of a subcommand, or the command's own when <paramref name="subcommand"/> is null.</summary>
    public IReadOnlyList<CommandOption> OptionsOf(string? subcommand) =>
        subcommand is null ? Options : Subcommands.FirstOrDefault(s => s.Name == subcommand)?.Options ?? [];
}

internal sealed record SubcommandDefinition(string Name, string Description, IReadOnlyList<CommandOption> Options)
{
    public IReadOnlyDictionary<string, CommandLocalization> Localizations { get; init; } = CommandLocalization.None;
}

/// <summary>A command's, subcommand's or option's name and description in one language.</summary>
internal sealed record CommandLocalization(string Name, string Description)
{
    public static readonly IReadOnlyDictionary<string, CommandLocalization> None = new Dictionary<string, CommandLocalization>();
}

internal enum CommandOptionType { String, Integer, Channel, File }

internal sealed record CommandOption(
    string Name,
    string Description,
    CommandOptionType Type = CommandOptionType.String,
    bool Required = false,
    bool Autocomplete = false,
    IReadOnlyList<string>? Choices = null,
    int? MinValue = null,
    int? MaxValue = null,
    int? MaxLength = null)
{
    public IReadOnlyDictionary<string, CommandLocalization> Localizations { get; init; } = CommandLocalization.None;
}
