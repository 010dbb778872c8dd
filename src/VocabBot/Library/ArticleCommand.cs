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
    IStringLocalizer<LibraryText> text) : IChatCommand
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
            return ChatReply.Private("Manage a server's articles from that server, not a direct message.");
        if (!request.IsServerManager)
            return ChatReply.Private("Only members with the Manage Server permission can manage this server's articles.");
        return request.Subcommand switch
        {
            "add" => await AddAsync(request, guildId, cancellationToken),
            "remove" => Remove(guildId, request.Option("article")),
            "show" => Show(guildId, request.Option("article")),
            "shipped" => Shipped(guildId, request.Option("use")),
            _ => ChatReply.Private("Use /article add, /article remove, /article show or /article shipped."),
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
            return ChatReply.Private("Attach the note as a file: /article add file:<your .md or .txt note>.");
        var name = Path.GetFileName(file.Name.Trim());
        var maxBytes = options.Value.MaxFileBytes;
        if (!Extensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase))
            return ChatReply.Private($"'{CommandInput.Shorten(name, 60)}' is not a note file: attach a .md or .txt file written like the study notes.");
        if (name.Length > MaxNameLength)
            return ChatReply.Private($"The file name is {name.Length} characters; rename it to at most {MaxNameLength} and attach it again.");
        if (file.Size > maxBytes)
            return ChatReply.Private($"{name} is {Kilobytes(file.Size.Value)}; the most is {Kilobytes(maxBytes)}.");
        if (limiter.TryTake(guildId) is { } wait)
            return ChatReply.Private($"This server has added {options.Value.UploadsPerMinute} files in the last minute; try again in {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} s.");

        byte[] bytes;
        try
        {
            bytes = await file.ReadAsync(maxBytes, cancellationToken);
        }
        catch (ChatFileException e)
        {
            return ChatReply.Private(e.Message);
        }

        var parsed = parser.Parse(name, bytes, cancellationToken);
        var errors = parsed.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        if (parsed.Article is not { } article || errors.Count > 0)
            return ChatReply.Private(Problems($"{name} was not added: fix {Count(errors.Count, "problem")} and attach it again.", errors));
        if (article.Words.Count == 0)
            return ChatReply.Private($"{name} was not added: it has no vocabulary table, so there are no words to study.");

        var saved = libraries.Save(ServerArticle.Of(guildId, article, request.DisplayName, request.UserId, time.GetUtcNow()));
        var limits = options.Value;
        var outcome = saved switch
        {
            LibrarySaved.TooManyArticles => $"{name} was not added: this server has {Count(limits.MaxArticlesPerServer, "article")}, the most it can hold. Remove one with /article remove first.",
            LibrarySaved.TooManyWords => $"{name} was not added: its {Count(article.Words.Count, "word")} would take this server over {limits.MaxWordsPerServer:N0} words, the most it can hold. Remove an article with /article remove first.",
            LibrarySaved.Replaced => $"Replaced the earlier {name}: {Describe(article)}.",
            _ => $"Added {name}: {Describe(article)}.",
        };
        if (saved is LibrarySaved.TooManyArticles or LibrarySaved.TooManyWords)
            return ChatReply.Private(outcome);
        var warnings = parsed.Diagnostics.Where(d => d.Severity == Severity.Warning).ToList();
        return new ChatReply(warnings.Count == 0 ? outcome : Problems($"{outcome}\n{Count(warnings.Count, "warning")}:", warnings));
    }

    private ChatReply Remove(string guildId, string? typed)
    {
        var own = libraries.OwnArticles(guildId).Select(LibraryArticle.Of).ToList();
        if (Articles.Find(own, typed ?? "") is not { } article)
        {
            return Articles.Find(libraries.For(guildId).Articles(), typed ?? "") is not null
                ? ChatReply.Private("That article comes with the bot; turn the shipped articles off for this server with /article shipped use:off.")
                : ChatReply.Private($"This server has no article '{CommandInput.Shorten(typed?.Trim() ?? "", 60)}'; pick one the autocomplete offers.");
        }

        libraries.Remove(guildId, article.Id);
        return new ChatReply($"Removed “{article.Title}” ({article.Id}) and its {Count(article.WordCount, "word")} from this server's library. Members keep their points and answers.");
    }

    private ChatReply Show(string guildId, string? typed)
    {
        var library = libraries.For(guildId);
        if (Articles.Find(library.Articles(), typed ?? "") is not { } article)
            return ChatReply.Private($"This server's library has no article '{CommandInput.Shorten(typed?.Trim() ?? "", 60)}'; pick one the autocomplete offers.");
        var fields = new List<ChatCardField>
        {
            new("Date", article.Date ?? "—", Inline: true),
            new("Words", article.WordCount.ToString(CultureInfo.InvariantCulture), Inline: true),
            new("Added by", article.AddedBy ?? "shipped with the bot", Inline: true),
        };
        if (article.Link is not null)
            fields.Add(new("Link", article.Link));
        fields.Add(new("Vocabulary", WordList(library.EntriesOf(article.Id))));
        if (article.Summary is not null)
            fields.Add(new("Summary", article.Summary));
        fields.Add(new("Correction", article.CorrectedSummary ?? "This note has no corrected summary."));
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
            return ChatReply.Private("Choose on or off: /article shipped use:on.");
        libraries.SetShipped(guildId, on.Value);
        var library = libraries.For(guildId);
        var state = on.Value ? "on" : "off";
        return ChatReply.Private($"The shipped articles are {state} for this server. Its library now has {Count(library.Articles().Count, "article")} and {Count(library.WordCount, "word")}.");
    }

    /// <summary>The problems of a file, as "line N: message", the first ten and how many more.</summary>
    private static string Problems(string heading, IReadOnlyList<Diagnostic> problems)
    {
        var text = new StringBuilder(heading);
        foreach (var problem in problems.Take(MaxProblemsShown))
            text.Append(CultureInfo.InvariantCulture, $"\nline {problem.Line}: {problem.Message}");
        if (problems.Count > MaxProblemsShown)
            text.Append(CultureInfo.InvariantCulture, $"\n… and {problems.Count - MaxProblemsShown} more");
        return text.ToString();
    }

    private static string WordList(IReadOnlyList<WordEntry> words)
    {
        var text = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            var line = $"{words[i].Headword} — {string.Join("；", words[i].Chinese)}\n";
            if (text.Length + line.Length > 950)
                return text.Append(CultureInfo.InvariantCulture, $"… and {words.Count - i} more").ToString();
            text.Append(line);
        }

        return words.Count == 0 ? "—" : text.ToString().TrimEnd();
    }

    private static string Describe(Article article) =>
        $"“{article.Title}” ({article.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "no date"}), {Count(article.Words.Count, "word")}";

    internal static string Count(int count, string noun) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");

    private static string Kilobytes(long bytes) => $"{(bytes + 1023) / 1024:N0} KB";
}
