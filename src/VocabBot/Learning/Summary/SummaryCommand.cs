using VocabBot.Chat;
using VocabBot.Library;

namespace VocabBot.Learning.Summary;

/// <summary>/summary [article]: an article's summary beside its correction; the newest article when none is named.</summary>
internal sealed class SummaryCommand(ServerLibraries libraries) : IChatCommand
{
    public CommandDefinition Definition { get; } = new("summary", "An article's summary beside its correction, word by word",
        [new("article", "The article (default: the newest)", Autocomplete: true, MaxLength: ArticleCommand.MaxNameLength)]);

    public Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(Compare(request.GuildId, request.Option("article")));
    }

    private ChatReply Compare(string? guildId, string? typed)
    {
        var articles = libraries.For(guildId).Articles();
        var article = string.IsNullOrWhiteSpace(typed) ? Articles.Newest(articles) : Articles.Find(articles, typed);
        if (article is null)
        {
            return ChatReply.Private(articles.Count > 0
                ? $"No article matches '{CommandInput.Shorten(typed!.Trim(), 40)}'; leave it out for the newest, or pick one the autocomplete offers."
                : guildId is null
                    ? "There are no articles yet; add notes to the content folder."
                    : "This server's library has no articles yet; a server manager can add notes with /article add.");
        }

        if (string.IsNullOrWhiteSpace(article.Summary))
            return ChatReply.Private($"“{article.Title}” has no summary to compare.");
        if (string.IsNullOrWhiteSpace(article.CorrectedSummary))
            return ChatReply.Private($"“{article.Title}” has a summary but no correction yet, so there is nothing to compare.");
        return SummaryReply.Of(article, article.Summary, article.CorrectedSummary);
    }

    public IReadOnlyList<string> Complete(AutocompleteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Option == "article" ? Articles.Complete(libraries.For(request.GuildId).Articles(), request.Typed, HeadwordIndex.MaxResults) : [];
    }
}
