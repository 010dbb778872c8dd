using System.Collections.Frozen;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VocabBot.Storage;

namespace VocabBot.Chat;

/// <summary>
/// Where the transports find the commands and buttons the features registered: it hands each
/// request to its command, each click to the feature of its button's kind, and answers /help
/// and anything unknown itself. Each request and click is handled in its locale's UI culture (zh-TW or English), which
/// the handlers' localizers read. A command that fails because storage cannot write gets a short private
/// "can't save right now" instead of an apology for a bug.
/// </summary>
internal sealed partial class ChatRouter
{
    public const string HelpName = "help";
    private readonly FrozenDictionary<string, IChatCommand> _commands;
    private readonly FrozenDictionary<string, IChatButton> _buttons;
    private readonly StorageHealth? _storage;
    private readonly ILogger _logger;
    private readonly IStringLocalizer<ChatText> _text;

    public ChatRouter(IEnumerable<IChatCommand> commands, IEnumerable<IChatButton> buttons, IStringLocalizer<ChatText> text,
        StorageHealth? storage = null, ILogger<ChatRouter>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        _text = text;
        _storage = storage;
        _logger = logger ?? NullLogger<ChatRouter>.Instance;
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(buttons);
        var list = commands.ToList();
        _commands = list.ToFrozenDictionary(c => c.Definition.Name, StringComparer.Ordinal);
        _buttons = buttons.ToFrozenDictionary(b => b.Kind, StringComparer.Ordinal);
        var help = new CommandDefinition(HelpName, CommandText.Description(text, HelpName), []) { Localizations = CommandText.Localized(text, HelpName) };
        Definitions = [.. list.Select(c => c.Definition), help];
    }

    /// <summary>Every command, in the order the features registered them, /help last.</summary>
    public IReadOnlyList<CommandDefinition> Definitions { get; }

    public async Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        ChatCulture.Use(request.Locale);
        var name = request.Command.Trim().TrimStart('/').ToLowerInvariant();
        if (_commands.TryGetValue(name, out var command))
            return await SavingAsync(() => command.HandleAsync(request with { Command = name }, cancellationToken)).ConfigureAwait(false);
        if (name == HelpName)
            return ChatReply.Private(HelpText());
        return ChatReply.Private(_text["UnknownCommand", CommandInput.Shorten(name, 30)]);
    }

    public async Task<ChatReply> ClickAsync(ButtonClick click, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(click);
        cancellationToken.ThrowIfCancellationRequested();
        ChatCulture.Use(click.Locale);
        return _buttons.TryGetValue(click.Button.Kind, out var button)
            ? await SavingAsync(() => button.ClickAsync(click, cancellationToken)).ConfigureAwait(false)
            : ChatReply.Private(_text["ButtonInactive"]);
    }

    private async Task<ChatReply> SavingAsync(Func<Task<ChatReply>> handle)
    {
        try
        {
            using (_storage?.Enter())
                return await handle().ConfigureAwait(false);
        }
        catch (Exception e) when (StorageFailure.Is(e))
        {
            // The lease is given back by now: reporting reopens the database, which waits for every lease.
            _storage?.Report(e);
            return ChatReply.Private(_text["CannotSave"]);
        }
        catch (Exception e) when (StorageFailure.IsPostgres(e))
        {
            LogPostgresFailed(_logger, e, StorageFailure.Root(e).Message);
            return ChatReply.Private(_text["CannotSave"]);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "PostgreSQL failed: {Error}; the user was told nothing was saved")]
    private static partial void LogPostgresFailed(ILogger logger, Exception exception, string error);

    public IReadOnlyList<string> Complete(AutocompleteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Synchronous: the culture is set for this call only and put back, so that it does not stay on the caller's thread.
        return ChatCulture.In<IReadOnlyList<string>>(ChatCulture.For(request.Locale), () => _commands.TryGetValue(request.Command, out var command) ? command.Complete(request) : []);
    }

    /// <summary>
    /// One line per command (and subcommand), as /help shows them, described in the current UI culture's language;
    /// names stay the ones every transport accepts.
    /// </summary>
    public string HelpText() => string.Join('\n', Definitions.SelectMany(Lines));

    private static IEnumerable<string> Lines(CommandDefinition definition) => definition.Subcommands.Count == 0
        ? [$"/{definition.Name}{Usage(definition.Options)}: {CommandText.Describe(definition.Description, definition.Localizations)}"]
        : definition.Subcommands.Select(s => $"/{definition.Name} {s.Name}{Usage(s.Options)}: {CommandText.Describe(s.Description, s.Localizations)}");

    private static string Usage(IReadOnlyList<CommandOption> options) =>
        string.Concat(options.Select(o => o.Required ? $" {o.Name}" : $" [{o.Name}]"));
}
