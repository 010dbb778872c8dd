using LiteDB;
using VocabBot.Storage;

namespace VocabBot.Library;

/// <summary>
/// The server libraries in the LiteDB file: one document per article with its words inside, keyed "guild/name" and
/// indexed by server, and one settings document per server that changed one. A save checks the limits and writes
/// under the database's write lock: one process owns the file, so no other save can come between.
/// </summary>
internal sealed class LiteDbLibraryStore : ILibraryStore
{
    private readonly VocabDatabase _database;

    public LiteDbLibraryStore(VocabDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        Articles.EnsureIndex(a => a.GuildId);
    }

    // Taken for each use: the database is reopened after a failed write.
    private ILiteCollection<ServerArticle> Articles => _database.Collection<ServerArticle>("library_articles");

    private ILiteCollection<BsonDocument> Settings => _database.Database.GetCollection("library_settings");

    public LibrarySaved Save(ServerArticle article, LibraryLimits limits)
    {
        ArgumentNullException.ThrowIfNull(article);
        _database.EnsureWritable();
        lock (_database.WriteLock)
        {
            var others = _database.Database.GetCollection("library_articles")
                .Query()
                .Where(Query.EQ(nameof(ServerArticle.GuildId), article.GuildId))
                .Select("{ Id: $._id, Words: $.WordCount }")
                .ToList();
            var replaces = others.Any(o => o["Id"].AsString == article.Id);
            var rest = others.Where(o => o["Id"].AsString != article.Id).ToList();
            if (rest.Count + 1 > limits.MaxArticles)
                return LibrarySaved.TooManyArticles;
            if (rest.Sum(o => o["Words"].AsInt32) + article.WordCount > limits.MaxWords)
                return LibrarySaved.TooManyWords;
            Articles.Upsert(article);
            return replaces ? LibrarySaved.Replaced : LibrarySaved.Added;
        }
    }

    public bool Remove(string guildId, string name)
    {
        _database.EnsureWritable();
        return Articles.Delete(ServerArticle.IdOf(guildId, name));
    }

    public IReadOnlyList<ServerArticle> InGuild(string guildId) => [.. Articles.Find(a => a.GuildId == guildId)];

    public bool ShippedOn(string guildId) => Settings.FindById(guildId) is not { } settings || settings["Shipped"].AsBoolean;

    /// <summary>Every server's articles and settings, for migrate-store.</summary>
    public (IReadOnlyList<ServerArticle> Articles, IReadOnlyList<(string GuildId, bool Shipped)> Settings) All() =>
        ([.. Articles.FindAll()], [.. Settings.FindAll().Select(s => (s["_id"].AsString, s["Shipped"].AsBoolean))]);

    public void SetShipped(string guildId, bool on)
    {
        _database.EnsureWritable();
        Settings.Upsert(new BsonDocument { ["_id"] = guildId, ["Shipped"] = on });
    }
}
