using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using VocabBot.Chat;

namespace VocabBot.Library;

/// <summary>/articles: the server's library, newest first, ten a page, with Previous and Next buttons.</summary>
internal sealed class ArticlesCommand(ServerLibraries libraries, IStringLocalizer<LibraryText> text) : IChatCommand, IChatButton
{
    public const int PageSize = 10;
    public const string ButtonKind = "articles";

    public CommandDefinition Definition { get; } = new("articles", CommandText.Description(text, "articles"), [], RequiresServerManager: true)
    {
        Localizations = CommandText.Localized(text, "articles"),
    };

    public string Kind => ButtonKind;

    public Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.GuildId is not null && !request.IsServerManager)
            return Task.FromResult(ChatReply.Private(text["ListNotManager"]));
        return Task.FromResult(Page(request.GuildId, 0));
    }

    public Task<ChatReply> ClickAsync(ButtonClick click, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(click);
        var page = int.TryParse(click.Button.Arg(0), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;
        return Task.FromResult(Page(click.GuildId, page));
    }

    public ChatReply Page(string? guildId, int page)
    {
        var articles = libraries.For(guildId).Articles()
            .OrderByDescending(a => a.Date, StringComparer.Ordinal)
            .ThenByDescending(a => a.AddedAt)
            .ThenBy(a => a.Id, StringComparer.Ordinal)
            .ToList();
        if (articles.Count == 0)
            return ChatReply.Private(text["LibraryEmpty"]);
        var pages = (articles.Count + PageSize - 1) / PageSize;
        page = Math.Clamp(page, 0, pages - 1);
        var list = new StringBuilder(text["ListHeader", ArticleCommand.Count(text, articles.Count, "Article"), page + 1, pages]);
        var number = page * PageSize;
        foreach (var article in articles.Skip(page * PageSize).Take(PageSize))
        {
            var by = article.AddedBy is { } name ? text["AddedBy", name] : text["ShippedWithBot"];
            list.Append('\n').Append(text["ListLine", ++number, article.Title, article.Id, article.Date ?? text["NoDate"], ArticleCommand.Count(text, article.WordCount, "Word"), by]);
        }

        if (pages == 1)
            return new ChatReply(list.ToString());
        return new ChatReply(list.ToString(), Buttons:
        [
            new ChatButton(text["PreviousButton"], new ButtonId(ButtonKind, (page - 1).ToString(CultureInfo.InvariantCulture)), Disabled: page == 0),
            new ChatButton(text["NextPageButton"], new ButtonId(ButtonKind, (page + 1).ToString(CultureInfo.InvariantCulture)), Disabled: page == pages - 1),
        ]);
    }
}
