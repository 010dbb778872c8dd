using Microsoft.Extensions.Localization;
using VocabBot.Chat;
using VocabBot.Content;
using VocabBot.Library;

namespace VocabBot.Learning.Define;

/// <summary>
/// /define WORD: the word's card from every article that has it, or close suggestions; and the
/// "define" buttons (under a word of the day), which show the same card to whoever clicked.
/// </summary>
internal sealed class DefineCommand(ServerLibraries libraries, IStringLocalizer<LearningText> text) : IChatCommand, IChatButton
{
    public const int MaxTermLength = 100;
    public const string ButtonKind = "define";

    public CommandDefinition Definition { get; } = new("define", CommandText.Description(text, "define"),
        [CommandText.Option(text, new("word", "", Required: true, Autocomplete: true, MaxLength: MaxTermLength), "defineWord")])
    {
        Localizations = CommandText.Localized(text, "define"),
    };

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
            return ChatReply.Private(text["DefineEmpty"]);
        if (typed.Length > MaxTermLength)
            return ChatReply.Private(text["DefineTooLong", typed.Length, MaxTermLength]);

        var library = libraries.For(guildId);
        var entries = library.Find(typed);
        if (entries.Count == 0)
            return NotFound(library, typed);

        var first = entries[0];
        var viaForm = Inflections.Key(typed) == first.Key ? "" : $"{typed} → ";
        var line = $"{viaForm}{first.Headword}: {string.Join("；", first.Chinese)}";
        return new ChatReply(line, Card(text, entries));
    }

    private ChatReply NotFound(WordLibrary library, string typed)
    {
        var shown = typed.Length > 40 ? typed[..40] + "…" : typed;
        var suggestions = Suggestions.For(typed, library.Headwords);
        return ChatReply.Private(suggestions.Count == 0
            ? text["DefineNotFound", shown]
            : text["DefineDidYouMean", shown, string.Join(", ", suggestions)]);
    }

    /// <summary>The card of a word: one block per article that has it. The word of the day shows it too.</summary>
    public static ChatCard Card(IStringLocalizer<LearningText> text, IReadOnlyList<WordDocument> entries)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = new List<ChatCardField>();
        var ordered = entries.OrderByDescending(e => e.ArticleDate).ThenBy(e => e.ArticleId, StringComparer.Ordinal).ToList();
        var several = ordered.Count > 1;
        foreach (var entry in ordered)
        {
            // With several articles each block starts with its article; with one, the article closes the card.
            if (several)
                fields.Add(new ChatCardField(text["CardArticle"], ArticleLine(entry)));
            fields.Add(new ChatCardField(text["CardIpa"], Or(entry.Ipa), Inline: true));
            fields.Add(new ChatCardField(text["CardPartOfSpeech"], Or(entry.PartOfSpeech), Inline: true));
            fields.Add(new ChatCardField(text["CardChinese"], Or(string.Join("；", entry.Chinese)), Inline: true));
            fields.Add(new ChatCardField(text["CardExample"], Or(entry.Example)));
            if (entry.Context is not null)
                fields.Add(new ChatCardField(text["CardInTheArticle"], entry.Context));
            if (!several)
                fields.Add(new ChatCardField(text["CardArticle"], ArticleLine(entry)));
        }

        var top = ordered[0];
        var footer = !several ? null : text["CardInArticles", ordered.Count].Value;
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
