using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VocabBot.Storage;

namespace VocabBot.Chat;

/// <summary>
/// Where the transports find the commands and buttons the features registered: it hands each
/// request to its command, each click to the feature of its button's kind, and answers /help
/// and anything unknown itself. A command that fails because storage cannot write gets a short private
/// "can't save right now" instead of an apology for a bug.
/// </summary>
internal sealed partial class ChatRouter
{
    public const string HelpName = "help";
    private static readonly CommandDefinition Help = new(HelpName, "What each command does", []);
    private readonly FrozenDictionary<string, IChatCommand> _commands;
    private readonly FrozenDictionary<string, IChatButton> _buttons;
    private readonly StorageHealth? _storage;
    private readonly ILogger _logger;

    public ChatRouter(IEnumerable<IChatCommand> commands, IEnumerable<IChatButton> buttons, StorageHealth? storage = null, ILogger<ChatRouter>? logger = null)
    {
        _storage = storage;
        _logger = logger ?? NullLogger<ChatRouter>.Instance;
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(buttons);
        var list = commands.ToList();
        _commands = list.ToFrozenDictionary(c => c.Definition.Name, StringComparer.Ordinal);
        _buttons = buttons.ToFrozenDictionary(b => b.Kind, StringComparer.Ordinal);
        Definitions = [.. list.Select(c => c.Definition), Help];
    }

    /// <summary>Every command, in the order the features registered them, /help last.</summary>
    public IReadOnlyList<CommandDefinition> Definitions { get; }

    public Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var name = request.Command.Trim().TrimStart('/').ToLowerInvariant();
        if (_commands.TryGetValue(name, out var command))
            return SavingAsync(() => command.HandleAsync(request with { Command = name }, cancellationToken));
        if (name == HelpName)
            return Task.FromResult(ChatReply.Private(HelpText()));
        return Task.FromResult(ChatReply.Private($"Unknown command /{CommandInput.Shorten(name, 30)}; /help lists the commands."));
    }

    public Task<ChatReply> ClickAsync(ButtonClick click, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(click);
        cancellationToken.ThrowIfCancellationRequested();
        return _buttons.TryGetValue(click.Button.Kind, out var button)
            ? SavingAsync(() => button.ClickAsync(click, cancellationToken))
            : Task.FromResult(ChatReply.Private("That button is no longer active."));
    }

    private async Task<ChatReply> SavingAsync(Func<Task<ChatReply>> handle)
    {
        try
        {
            return await handle().ConfigureAwait(false);
        }
        catch (Exception e) when (StorageFailure.Is(e))
        {
            _storage?.Report(e);
            return ChatReply.Private(StorageHealth.CannotSave);
        }
        catch (Exception e) when (StorageFailure.IsPostgres(e))
        {
            LogPostgresFailed(_logger, e, StorageFailure.Root(e).Message);
            return ChatReply.Private(StorageHealth.CannotSave);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "PostgreSQL failed: {Error}; the user was told nothing was saved")]
    private static partial void LogPostgresFailed(ILogger logger, Exception exception, string error);

    public IReadOnlyList<string> Complete(AutocompleteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _commands.TryGetValue(request.Command, out var command) ? command.Complete(request) : [];
    }

    /// <summary>One line per command (and subcommand), as /help shows them.</summary>
    public string HelpText() => string.Join('\n', Definitions.SelectMany(Lines));

    private static IEnumerable<string> Lines(CommandDefinition definition) => definition.Subcommands.Count == 0
        ? [$"/{definition.Name}{Usage(definition.Options)}: {definition.Description}"]
        : definition.Subcommands.Select(s => $"/{definition.Name} {s.Name}{Usage(s.Options)}: {s.Description}");

    private static string Usage(IReadOnlyList<CommandOption> options) =>
        string.Concat(options.Select(o => o.Required ? $" {o.Name}" : $" [{o.Name}]"));
}
