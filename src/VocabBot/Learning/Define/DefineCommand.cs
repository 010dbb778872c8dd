using VocabBot.Chat;
using VocabBot.Content;
using VocabBot.Library;

namespace VocabBot.Learning.Define;

/// <summary>
/// /define WORD: the word's card from every article that has it, or close suggestions; and the
/// "define" buttons (under a word of the day), which show the same card to whoever clicked.
/// </summary>
internal sealed class DefineCommand(ServerLibraries libraries) : IChatCommand, IChatButton
{
    public const int MaxTermLength = 100;
    public const string ButtonKind = "define";

    public CommandDefinition Definition { get; } = new("define", "Look up a word from the study articles",
        [new("word", "The word or phrase, in any form (loosened, getting access)", Required: true, Autocomplete: true, MaxLength: MaxTermLength)]);

    public string Kind => ButtonKind;

    /// <summary>A button that shows a word's card privately to whoever clicks it.</summary>
    public static ButtonId ButtonFor(string key) => new(ButtonKind, key);

    public Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(Handle(request.GuildId, request.Option("word")));
    }

    public Task<ChatReply> ClickAsync(ButtonClick click, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(click);
        return Task.FromResult(Handle(click.GuildId, click.Button.Arg(0)) with { Ephemeral = true });
    }

    public IReadOnlyList<string> Complete(AutocompleteRequest request) =>
        request.Option == "word" ? libraries.For(request.GuildId).Complete(request.Typed, HeadwordIndex.MaxResults) : [];

    /// <summary>The card of a word in a server's library (the shipped one in a direct message).</summary>
    public ChatReply Handle(string? guildId, string? term)
    {
        var typed = term?.Trim() ?? "";
        if (typed.Length == 0)
            return ChatReply.Private("Give a word to look up, e.g. /define loosen.");
        if (typed.Length > MaxTermLength)
            return ChatReply.Private($"That is {typed.Length} characters; give one word or phrase of at most {MaxTermLength}.");

        var library = libraries.For(guildId);
        var entries = library.Find(typed);
        if (entries.Count == 0)
            return NotFound(library, typed);

        var first = entries[0];
        var viaForm = Inflections.Key(typed) == first.Key ? "" : $"{typed} → ";
        var text = $"{viaForm}{first.Headword}: {string.Join("；", first.Chinese)}";
        return new ChatReply(text, Card(entries));
    }

    private static ChatReply NotFound(WordLibrary library, string typed)
    {
        var shown = typed.Length > 40 ? typed[..40] + "…" : typed;
        var suggestions = Suggestions.For(typed, library.Headwords);
        return ChatReply.Private(suggestions.Count == 0
            ? $"'{shown}' is not in any article; try another word or phrase."
            : $"'{shown}' is not in any article. Did you mean: {string.Join(", ", suggestions)}?");
    }

    /// <summary>The card of a word: one block per article that has it. The word of the day shows it too.</summary>
    public static ChatCard Card(IReadOnlyList<WordDocument> entries)
    {
        var fields = new List<ChatCardField>();
        var ordered = entries.OrderByDescending(e => e.ArticleDate).ThenBy(e => e.ArticleId, StringComparer.Ordinal).ToList();
        var several = ordered.Count > 1;
        foreach (var entry in ordered)
        {
            // With several articles each block starts with its article; with one, the article closes the card.
            if (several)
                fields.Add(new ChatCardField("Article", ArticleLine(entry)));
            fields.Add(new ChatCardField("IPA", Or(entry.Ipa), Inline: true));
            fields.Add(new ChatCardField("Part of speech", Or(entry.PartOfSpeech), Inline: true));
            fields.Add(new ChatCardField("Chinese", Or(string.Join("；", entry.Chinese)), Inline: true));
            fields.Add(new ChatCardField("Example", Or(entry.Example)));
            if (entry.Context is not null)
                fields.Add(new ChatCardField("In the article", entry.Context));
            if (!several)
                fields.Add(new ChatCardField("Article", ArticleLine(entry)));
        }

        var top = ordered[0];
        var footer = !several ? null : $"In {ordered.Count} articles";
        return new ChatCard(top.Headword, fields, Footer: footer, Url: top.ArticleLink);
    }

    private static string ArticleLine(WordDocument entry)
    {
        var date = entry.ArticleDate is null ? "" : $" ({entry.ArticleDate})";
        var link = entry.ArticleLink is null ? "" : $" {entry.ArticleLink}";
        return $"{entry.ArticleTitle}{date}{link}";
    }

    private static string Or(string value) => value.Length == 0 ? "—" : value;
}
