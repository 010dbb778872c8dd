using VocabBot.Learning;

namespace VocabBot.Discord;

/// <summary>
/// What the Discord transport needs from the learning features: exactly <see cref="ChatCommands"/>'s
/// surface. It exists so that transport tests can run a small stand-in feature; the app registers
/// <see cref="ChatCommandsHandler"/>.
/// </summary>
internal interface IChatHandler
{
    IReadOnlyList<CommandDefinition> Definitions { get; }

    Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken);

    Task<ChatReply> ClickAsync(ButtonClick click, CancellationToken cancellationToken);

    IReadOnlyList<string> Autocomplete(string command, string option, string typed);
}

internal sealed class ChatCommandsHandler(ChatCommands commands) : IChatHandler
{
    public IReadOnlyList<CommandDefinition> Definitions => commands.Definitions;

    public Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken) =>
        commands.HandleAsync(request, cancellationToken);

    public Task<ChatReply> ClickAsync(ButtonClick click, CancellationToken cancellationToken) =>
        commands.ClickAsync(click, cancellationToken);

    public IReadOnlyList<string> Autocomplete(string command, string option, string typed) =>
        commands.Autocomplete(command, option, typed);
}
