namespace VocabBot.Learning;

/// <summary>
/// The one entry point transports call: every slash command, button click and autocomplete
/// goes through here to the feature that owns it.
/// </summary>
public sealed class ChatCommands
{
    public IReadOnlyList<CommandDefinition> Definitions { get; } = [];

    public Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(ChatReply.Private($"Unknown command /{request.Command}. Try /help."));
    }

    public Task<ChatReply> ClickAsync(ButtonClick click, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(click);
        return Task.FromResult(ChatReply.Private("That button is no longer active."));
    }

    public IReadOnlyList<string> Autocomplete(string command, string option, string typed) => [];
}
