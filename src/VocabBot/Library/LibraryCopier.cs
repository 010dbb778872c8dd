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
            $"{Count(articles.Count, "article")} in {Count(servers, "server")}",
            Count(settings.Count, "shipped setting"),
        ]);
    }

    // The operator's migrate-store report, in English like the rest of the command line (not a chat reply).
    private static string Count(int count, string noun) =>
        count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");
}
