using VocabBot.Storage;

namespace VocabBot.Library;

/// <summary>
/// migrate-store's part for the server libraries: every server's articles, whole, and its shipped setting. Saving
/// an article again replaces it, so a second run copies the same and adds nothing; the limits are not applied to
/// what the servers already hold.
/// </summary>
internal sealed class LibraryCopier(LiteDbLibraryStore from, PostgresLibraryStore to) : IStoreCopier
{
    private static readonly LibraryLimits NoLimits = new(int.MaxValue, int.MaxValue);

    public string Feature => "server libraries";

    public Task<IReadOnlyList<string>> CopyAsync(CancellationToken cancellationToken)
    {
        var (articles, settings) = from.All();
        foreach (var article in articles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            to.Save(article, NoLimits);
        }

        foreach (var (guildId, shipped) in settings)
            to.SetShipped(guildId, shipped);
        var servers = articles.Select(a => a.GuildId).Distinct(StringComparer.Ordinal).Count();
        return Task.FromResult<IReadOnlyList<string>>(
        [
            $"{ArticleCommand.Count(articles.Count, "article")} in {ArticleCommand.Count(servers, "server")}",
            ArticleCommand.Count(settings.Count, "shipped setting"),
        ]);
    }
}
