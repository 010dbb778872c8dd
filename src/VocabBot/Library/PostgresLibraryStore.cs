using System.Text.Json;
using VocabBot.Storage.Postgres;
using static VocabBot.Storage.Postgres.PostgresDatabase;

namespace VocabBot.Library;

/// <summary>
/// The server libraries in PostgreSQL: one row per article with the parsed note as JSON, and one row per server that
/// changed its settings. A save takes an advisory lock on its server for its transaction, so two saves in one server,
/// from two processes at once, count the limits one after the other. Every change notifies <see cref="ChangesChannel"/>
/// with the server's id in its own transaction, so every process's <see cref="PostgresLibraryListener"/> hears of it
/// once it is committed, and never of one rolled back.
/// </summary>
internal sealed class PostgresLibraryStore(PostgresDatabase database) : ILibraryStore, IPostgresStore
{
    /// <summary>The PostgreSQL notification channel a server's library changes are announced on; the payload is the server's id.</summary>
    public const string ChangesChannel = "vocabbot_library";

    public static IReadOnlyList<PostgresMigration> Migrations { get; } =
    [
        new("library/001", """
            CREATE TABLE library_articles (
                guild_id text NOT NULL,
                name text NOT NULL,
                word_count integer NOT NULL,
                added_at timestamptz NOT NULL,
                article jsonb NOT NULL,
                PRIMARY KEY (guild_id, name));
            CREATE TABLE library_settings (
                guild_id text PRIMARY KEY,
                shipped boolean NOT NULL);
            """),
    ];

    public LibrarySaved Save(ServerArticle article, LibraryLimits limits)
    {
        ArgumentNullException.ThrowIfNull(article);
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", $"library|{article.GuildId}");
        int articles, words;
        bool replaces;
        using (var count = Command(connection,
            "SELECT count(*) FILTER (WHERE name <> $2), coalesce(sum(word_count) FILTER (WHERE name <> $2), 0), bool_or(name = $2) FROM library_articles WHERE guild_id = $1",
            article.GuildId, article.Name))
        using (var reader = count.ExecuteReader())
        {
            reader.Read();
            (articles, words, replaces) = (checked((int)reader.GetInt64(0)), checked((int)reader.GetInt64(1)), !reader.IsDBNull(2) && reader.GetBoolean(2));
        }

        if (articles + 1 > limits.MaxArticles)
            return LibrarySaved.TooManyArticles;
        if (words + article.WordCount > limits.MaxWords)
            return LibrarySaved.TooManyWords;
        Execute(connection, """
            INSERT INTO library_articles (guild_id, name, word_count, added_at, article) VALUES ($1, $2, $3, $4, $5::jsonb)
            ON CONFLICT (guild_id, name) DO UPDATE SET word_count = excluded.word_count, added_at = excluded.added_at, article = excluded.article
            """,
            article.GuildId, article.Name, article.WordCount, DateTime.SpecifyKind(article.AddedAt, DateTimeKind.Utc), JsonSerializer.Serialize(article));
        Notify(connection, article.GuildId);
        transaction.Commit();
        return replaces ? LibrarySaved.Replaced : LibrarySaved.Added;
    }

    public bool Remove(string guildId, string name)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var removed = Execute(connection, "DELETE FROM library_articles WHERE guild_id = $1 AND name = $2", guildId, name) > 0;
        if (removed)
            Notify(connection, guildId);
        transaction.Commit();
        return removed;
    }

    public IReadOnlyList<ServerArticle> InGuild(string guildId)
    {
        using var connection = database.Open();
        using var command = Command(connection, "SELECT article::text FROM library_articles WHERE guild_id = $1 ORDER BY name", guildId);
        using var reader = command.ExecuteReader();
        var articles = new List<ServerArticle>();
        while (reader.Read())
            articles.Add(JsonSerializer.Deserialize<ServerArticle>(reader.GetString(0))!);
        return articles;
    }

    public bool ShippedOn(string guildId)
    {
        using var connection = database.Open();
        using var command = Command(connection, "SELECT shipped FROM library_settings WHERE guild_id = $1", guildId);
        return command.ExecuteScalar() is not bool shipped || shipped;
    }

    public void SetShipped(string guildId, bool on)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, "INSERT INTO library_settings (guild_id, shipped) VALUES ($1, $2) ON CONFLICT (guild_id) DO UPDATE SET shipped = excluded.shipped", guildId, on);
        Notify(connection, guildId);
        transaction.Commit();
    }

    // Delivered to the listeners when the transaction commits.
    private static void Notify(Npgsql.NpgsqlConnection connection, string guildId)
    {
        using var command = Command(connection, "SELECT pg_notify($1, $2)", ChangesChannel, guildId);
        command.ExecuteNonQuery();
    }
}
