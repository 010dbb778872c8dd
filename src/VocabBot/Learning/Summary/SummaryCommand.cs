using Microsoft.Extensions.Localization;
using VocabBot.Chat;
using VocabBot.Library;

namespace VocabBot.Learning.Summary;

/// <summary>/summary [article]: an article's summary beside its correction; the newest article when none is named.</summary>
internal sealed class SummaryCommand(ServerLibraries libraries, IStringLocalizer<SummaryText> text) : IChatCommand
{
    public CommandDefinition Definition { get; } = new("summary", CommandText.Description(text, "summary"),
        [CommandText.Option(text, new("article", "", Autocomplete: true, MaxLength: ArticleCommand.MaxNameLength), "summaryArticle")])
    {
        Localizations = CommandText.Localized(text, "summary"),
    };

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
                ? text["NoArticleMatches", CommandInput.Shorten(typed!.Trim(), 40)]
                : text[guildId is null ? "NoArticles" : "NoArticlesServer"]);
        }

        if (string.IsNullOrWhiteSpace(article.Summary))
            return ChatReply.Private(text["NoSummary", article.Title]);
        if (string.IsNullOrWhiteSpace(article.CorrectedSummary))
            return ChatReply.Private(text["NoCorrection", article.Title]);
        return SummaryReply.Of(text, article, article.Summary, article.CorrectedSummary);
    }

    public IReadOnlyList<string> Complete(AutocompleteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Option == "article" ? Articles.Complete(libraries.For(request.GuildId).Articles(), request.Typed, HeadwordIndex.MaxResults) : [];
    }
}
