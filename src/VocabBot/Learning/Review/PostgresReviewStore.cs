using Npgsql;
using VocabBot.Storage.Postgres;
using static VocabBot.Storage.Postgres.PostgresDatabase;

namespace VocabBot.Learning.Review;

/// <summary>
/// Review memory in PostgreSQL, one row per member and word. Every query goes through an index that starts with
/// the member, in the queue's order, and reads one page; of the counts /stats shows, the words learned are kept
/// by a trigger in review_members, and those due now are an index-only scan of the member's part.
/// </summary>
internal sealed class PostgresReviewStore(PostgresDatabase database) : IReviewStore, IPostgresStore
{
    private const string StateColumns = "user_id, word_key, stability, difficulty, last_review, due, reviews, lapses, last_correct";
    private const string EntryColumns = "word_key, due, last_review, last_correct";

    public static IReadOnlyList<PostgresMigration> Migrations { get; } =
    [
        new("review/001", """
            CREATE TABLE review_memory (
                user_id text NOT NULL,
                word_key text COLLATE "C" NOT NULL,
                stability double precision NOT NULL,
                difficulty double precision NOT NULL,
                last_review timestamptz NOT NULL,
                due timestamptz NOT NULL,
                reviews integer NOT NULL,
                lapses integer NOT NULL,
                last_correct boolean NOT NULL,
                PRIMARY KEY (user_id, word_key));
            CREATE INDEX review_memory_due ON review_memory (user_id, due, word_key);
            CREATE INDEX review_memory_missed ON review_memory (user_id, last_review, word_key) WHERE NOT last_correct;
            CREATE INDEX review_memory_learned ON review_memory (user_id, due, word_key) WHERE last_correct;
            -- Counting a member's learned words through an index grew with their memory (14 ms at 40,000); a trigger keeps the count.
            CREATE TABLE review_members (
                user_id text PRIMARY KEY,
                learned integer NOT NULL);
            CREATE FUNCTION review_memory_count_learned() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.last_correct THEN
                    UPDATE review_members SET learned = learned - 1 WHERE user_id = OLD.user_id;
                END IF;
                IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.last_correct THEN
                    INSERT INTO review_members (user_id, learned) VALUES (NEW.user_id, 1)
                    ON CONFLICT (user_id) DO UPDATE SET learned = review_members.learned + 1;
                END IF;
                RETURN NULL;
            END $$;
            CREATE TRIGGER review_memory_count_learned AFTER INSERT OR UPDATE OR DELETE ON review_memory
                FOR EACH ROW EXECUTE FUNCTION review_memory_count_learned();
            """),
    ];

    public MemoryState? Find(string userId, string wordKey)
    {
        using var lease = database.Join();
        using var command = Command(lease.Connection, $"SELECT {StateColumns} FROM review_memory WHERE user_id = $1 AND word_key = $2", userId, wordKey);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadState(reader) : null;
    }

    public void Save(MemoryState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        using var lease = database.Join();
        Execute(lease.Connection, $"""
            INSERT INTO review_memory ({StateColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (user_id, word_key) DO UPDATE SET stability = $3, difficulty = $4, last_review = $5, due = $6,
                reviews = $7, lapses = $8, last_correct = $9
            """, state.UserId, state.WordKey, state.Stability, state.Difficulty, state.LastReview.ToUniversalTime(), state.Due.ToUniversalTime(),
            state.Reviews, state.Lapses, state.LastCorrect);
    }

    public IReadOnlyList<ReviewEntry> Among(string userId, IReadOnlyCollection<string> wordKeys)
    {
        ArgumentNullException.ThrowIfNull(wordKeys);
        return Entries($"SELECT {EntryColumns} FROM review_memory WHERE user_id = $1 AND word_key = ANY($2)", userId, wordKeys.ToArray());
    }

    public IReadOnlyList<ReviewEntry> Queue(string userId, ReviewQueue queue, DateTimeOffset now, int skip, int take)
    {
        var where = queue switch
        {
            ReviewQueue.Due => "due <= $2 ORDER BY due, word_key",
            ReviewQueue.Missed => "due > $2 AND NOT last_correct ORDER BY last_review, word_key",
            ReviewQueue.Learned => "due > $2 AND last_correct ORDER BY due, word_key",
            _ => "due > $2 ORDER BY due, word_key",
        };
        return Entries($"SELECT {EntryColumns} FROM review_memory WHERE user_id = $1 AND {where} OFFSET $3 LIMIT $4", userId, now.ToUniversalTime(), skip, take);
    }

    public ReviewSummary Summary(string userId, DateTimeOffset now)
    {
        using var lease = database.Join();
        using var command = Command(lease.Connection, """
            SELECT coalesce((SELECT learned FROM review_members WHERE user_id = $1), 0),
                (SELECT count(*) FROM review_memory WHERE user_id = $1 AND due <= $2),
                (SELECT min(due) FROM review_memory WHERE user_id = $1 AND due > $2)
            """, userId, now.ToUniversalTime());
        using var reader = command.ExecuteReader();
        reader.Read();
        return new ReviewSummary(reader.GetInt32(0), checked((int)reader.GetInt64(1)),
            reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2));
    }

    private List<ReviewEntry> Entries(string sql, params object?[] parameters)
    {
        using var lease = database.Join();
        using var command = Command(lease.Connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var entries = new List<ReviewEntry>();
        while (reader.Read())
            entries.Add(new ReviewEntry(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetBoolean(3)));
        return entries;
    }

    private static MemoryState ReadState(NpgsqlDataReader reader) => new()
    {
        Id = MemoryState.IdFor(reader.GetString(0), reader.GetString(1)),
        UserId = reader.GetString(0),
        WordKey = reader.GetString(1),
        Stability = reader.GetDouble(2),
        Difficulty = reader.GetDouble(3),
        LastReview = reader.GetFieldValue<DateTimeOffset>(4),
        Due = reader.GetFieldValue<DateTimeOffset>(5),
        Reviews = reader.GetInt32(6),
        Lapses = reader.GetInt32(7),
        LastCorrect = reader.GetBoolean(8),
    };
}
