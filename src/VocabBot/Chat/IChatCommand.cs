namespace VocabBot.Chat;

/// <summary>
/// One slash command. A feature registers its commands with <c>services.AddChatCommand&lt;T&gt;()</c>;
/// the transports find them through <see cref="ChatRouter"/>.
/// </summary>
internal interface IChatCommand
{
    CommandDefinition Definition { get; }

    Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken);

    /// <summary>Suggestions for an option marked Autocomplete, best first.</summary>
    IReadOnlyList<string> Complete(AutocompleteRequest request) => [];
}

/// <summary>The buttons of one <see cref="ButtonId.Kind"/>: a feature registers one per kind it sends.</summary>
internal interface IChatButton
{
    string Kind { get; }

    Task<ChatReply> ClickAsync(ButtonClick click, CancellationToken cancellationToken);
}
