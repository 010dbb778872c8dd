using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using VocabBot.Chat;
using VocabBot.Content;

namespace VocabBot.Library;

/// <summary>
/// /article add|remove|show|shipped: a server manager brings in the group's notes from Discord, one Markdown file at a
/// time, checked by the same parser as `check`; nothing of a file with errors is stored. Parsing may take longer
/// than Discord's 3 seconds, so the transport defers and edits as for any slow reply.
/// </summary>
internal sealed class ArticleCommand(
    ServerLibraries libraries,
    ArticleParser parser,
    UploadLimiter limiter,
    TimeProvider time,
    IOptions<LibraryOptions> options,
    IStringLocalizer<LibraryText> text,
    IStringLocalizer<ChatText> chatText,
    IStringLocalizer<ContentText> contentText) : IChatCommand
{
    public const int MaxProblemsShown = 10;
    public const int MaxNameLength = 100;
    private static readonly string[] Extensions = [".md", ".txt"];

    public CommandDefinition Definition { get; } = new("article", CommandText.Description(text, "article"), [], RequiresServerManager: true)
    {
        Localizations = CommandText.Localized(text, "article"),
        Subcommands =
        [
            Subcommand(text, "add", CommandText.Option(text, new("file", "", CommandOptionType.File, Required: true), "file")),
            Subcommand(text, "remove", ArticleOption(text)),
            Subcommand(text, "show", ArticleOption(text)),
            Subcommand(text, "shipped", CommandText.Option(text, new("use", "", Required: true, Choices: ["on", "off"]), "use")),
        ],
    };

    private static CommandOption ArticleOption(IStringLocalizer text) =>
        CommandText.Option(text, new("article", "", Required: true, Autocomplete: true, MaxLength: MaxNameLength), "articleOption");

    private static SubcommandDefinition Subcommand(IStringLocalizer text, string name, CommandOption option) =>
        new(name, CommandText.Description(text, name), [option]) { Localizations = CommandText.Localized(text, name) };

    public async Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.GuildId is not { } guildId)
            return ChatReply.Private(text["NotInServer"]);
        if (!request.IsServerManager)
            return ChatReply.Private(text["NotManager"]);
        return request.Subcommand switch
        {
            "add" => await AddAsync(request, guildId, cancellationToken),
            "remove" => Remove(guildId, request.Option("article")),
            "show" => Show(guildId, request.Option("article")),
            "shipped" => Shipped(guildId, request.Option("use")),
            _ => ChatReply.Private(text["UseSubcommand"]),
        };
    }

    public IReadOnlyList<string> Complete(AutocompleteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Option != "article" || request.GuildId is not { } guildId)
            return [];
        var articles = request.Subcommand == "remove"
            ? libraries.OwnArticles(guildId).Select(LibraryArticle.Of).ToList()
            : libraries.For(guildId).Articles();
        return Articles.Complete(articles, request.Typed, HeadwordIndex.MaxResults);
    }

    private async Task<ChatReply> AddAsync(ChatRequest request, string guildId, CancellationToken cancellationToken)
    {
        if (request.File("file") is not { } file)
            return ChatReply.Private(text["AttachFile"]);
        var name = Path.GetFileName(file.Name.Trim());
        var maxBytes = options.Value.MaxFileBytes;
        if (!Extensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase))
            return ChatReply.Private(text["NotANoteFile", CommandInput.Shorten(name, 60)]);
        if (name.Length > MaxNameLength)
            return ChatReply.Private(text["NameTooLong", name.Length, MaxNameLength]);
        if (file.Size > maxBytes)
            return ChatReply.Private(text["TooBig", name, Kilobytes(file.Size.Value), Kilobytes(maxBytes)]);
        if (limiter.TryTake(guildId) is { } wait)
            return ChatReply.Private(text["TooManyUploads", options.Value.UploadsPerMinute, Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))]);

        byte[] bytes;
        try
        {
            bytes = await file.ReadAsync(maxBytes, cancellationToken);
        }
        catch (ChatFileException e)
        {
            return ChatReply.Private(e.Describe(chatText));
        }

        var parsed = parser.Parse(name, bytes, cancellationToken);
        var errors = parsed.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        if (parsed.Article is not { } article || errors.Count > 0)
            return ChatReply.Private(Problems(text["NotAddedProblems", name, Count(errors.Count, "Problem")], errors));
        if (article.Words.Count == 0)
            return ChatReply.Private(text["NotAddedNoWords", name]);

        var saved = libraries.Save(ServerArticle.Of(guildId, article, request.DisplayName, request.UserId, time.GetUtcNow()));
        var limits = options.Value;
        var outcome = saved switch
        {
            LibrarySaved.TooManyArticles => text["NotAddedTooManyArticles", name, Count(limits.MaxArticlesPerServer, "Article")],
            LibrarySaved.TooManyWords => text["NotAddedTooManyWords", name, Count(article.Words.Count, "Word"), limits.MaxWordsPerServer.ToString("N0", CultureInfo.InvariantCulture)],
            LibrarySaved.Replaced => text["Replaced", name, Describe(article)],
            _ => text["Added", name, Describe(article)],
        };
        if (saved is LibrarySaved.TooManyArticles or LibrarySaved.TooManyWords)
            return ChatReply.Private(outcome);
        var warnings = parsed.Diagnostics.Where(d => d.Severity == Severity.Warning).ToList();
        return new ChatReply(warnings.Count == 0 ? outcome : Problems(text["WarningsHeading", outcome, Count(warnings.Count, "Warning")], warnings));
    }

    private ChatReply Remove(string guildId, string? typed)
    {
        var own = libraries.OwnArticles(guildId).Select(LibraryArticle.Of).ToList();
        if (Articles.Find(own, typed ?? "") is not { } article)
        {
            return Articles.Find(libraries.For(guildId).Articles(), typed ?? "") is not null
                ? ChatReply.Private(text["ShippedCannotRemove"])
                : ChatReply.Private(text["NoOwnArticle", CommandInput.Shorten(typed?.Trim() ?? "", 60)]);
        }

        libraries.Remove(guildId, article.Id);
        return new ChatReply(text["Removed", article.Title, article.Id, Count(article.WordCount, "Word")]);
    }

    private ChatReply Show(string guildId, string? typed)
    {
        var library = libraries.For(guildId);
        if (Articles.Find(library.Articles(), typed ?? "") is not { } article)
            return ChatReply.Private(text["NoArticle", CommandInput.Shorten(typed?.Trim() ?? "", 60)]);
        var fields = new List<ChatCardField>
        {
            new(text["FieldDate"], article.Date ?? "—", Inline: true),
            new(text["FieldWords"], article.WordCount.ToString(CultureInfo.InvariantCulture), Inline: true),
            new(text["FieldAddedBy"], article.AddedBy ?? text["ShippedWithBot"], Inline: true),
        };
        if (article.Link is not null)
            fields.Add(new(text["FieldLink"], article.Link));
        fields.Add(new(text["FieldVocabulary"], WordList(library.EntriesOf(article.Id))));
        if (article.Summary is not null)
            fields.Add(new(text["FieldSummary"], article.Summary));
        fields.Add(new(text["FieldCorrection"], article.CorrectedSummary ?? text["NoCorrectedSummary"]));
        return new ChatReply($"{article.Title} ({article.Id})", new ChatCard(article.Title, fields, Footer: article.Id, Url: article.Link), Ephemeral: true);
    }

    private ChatReply Shipped(string guildId, string? use)
    {
        var on = use?.Trim().ToLowerInvariant() switch
        {
            "on" => true,
            "off" => false,
            _ => (bool?)null,
        };
        if (on is null)
            return ChatReply.Private(text["ChooseOnOff"]);
        libraries.SetShipped(guildId, on.Value);
        var library = libraries.For(guildId);
        return ChatReply.Private(text[on.Value ? "ShippedOn" : "ShippedOff", Count(library.Articles().Count, "Article"), Count(library.WordCount, "Word")]);
    }

    /// <summary>The problems of a file, as "line N: message", the first ten and how many more.</summary>
    private string Problems(string heading, IReadOnlyList<Diagnostic> problems)
    {
        var lines = new StringBuilder(heading);
        foreach (var problem in problems.Take(MaxProblemsShown))
            lines.Append('\n').Append(text["ProblemLine", problem.Line, Say(problem)]);
        if (problems.Count > MaxProblemsShown)
            lines.Append('\n').Append(text["AndMore", problems.Count - MaxProblemsShown]);
        return lines.ToString();
    }

    // The parser's problems in the reader's language; the few from elsewhere (a file that could not be read) in English.
    private string Say(Diagnostic problem) =>
        problem.Text is { } said ? contentText[said.Key, said.Arguments] : problem.Message;

    private string WordList(IReadOnlyList<WordEntry> words)
    {
        var list = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            var line = $"{words[i].Headword} — {string.Join("；", words[i].Chinese)}\n";
            if (list.Length + line.Length > 950)
                return list.Append(text["AndMore", words.Count - i].Value).ToString();
            list.Append(line);
        }

        return words.Count == 0 ? "—" : list.ToString().TrimEnd();
    }

    private string Describe(Article article) =>
        text["Describe", article.Title, article.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? text["NoDate"], Count(article.Words.Count, "Word")];

    private string Count(int count, string noun) => Count(text, count, noun);

    /// <summary>"1 word", "2 words": the resource "{noun}One" or "{noun}Many" (English has a plural, Chinese none).</summary>
    internal static string Count(IStringLocalizer<LibraryText> text, int count, string noun) =>
        text[noun + (count == 1 ? "One" : "Many"), count.ToString("N0", CultureInfo.InvariantCulture)];

    private static string Kilobytes(long bytes) => $"{(bytes + 1023) / 1024:N0} KB";
}
