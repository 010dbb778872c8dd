using Npgsql;
using VocabBot.Storage.Postgres;
using static VocabBot.Storage.Postgres.PostgresDatabase;

namespace VocabBot.Learning.Quiz;

/// <summary>
/// The quizzes in PostgreSQL: one row per quiz and one per question. Every change is one conditional statement, so
/// two clicks at the same moment in two processes change a quiz once: the second waits for the first's row lock,
/// then finds its condition (nothing chosen yet) no longer true.
/// </summary>
internal sealed class PostgresQuizStore(PostgresDatabase database) : IQuizStore, IPostgresStore
{
    private static readonly TimeSpan KeepClosed = TimeSpan.FromDays(1);

    public static IReadOnlyList<PostgresMigration> Migrations { get; } =
    [
        new("quiz/001", """
            CREATE TABLE quizzes (
                id text PRIMARY KEY,
                user_id text NOT NULL,
                user_name text NOT NULL,
                guild_id text,
                mode text NOT NULL,
                current_question integer NOT NULL,
                right_answers integer NOT NULL,
                points integer NOT NULL,
                status text NOT NULL,
                started_at timestamptz NOT NULL,
                last_activity timestamptz NOT NULL);
            CREATE INDEX quizzes_open_of_user ON quizzes (user_id) WHERE status = 'Open';
            CREATE INDEX quizzes_last_activity ON quizzes (last_activity);
            CREATE TABLE quiz_questions (
                quiz_id text NOT NULL REFERENCES quizzes (id) ON DELETE CASCADE,
                position integer NOT NULL,
                word_key text NOT NULL,
                headword text NOT NULL,
                kind text NOT NULL,
                prompt text NOT NULL,
                options text[] NOT NULL,
                answer integer NOT NULL,
                chosen integer,
                meaning text NOT NULL,
                example text NOT NULL,
                PRIMARY KEY (quiz_id, position));
            """),
    ];

    public QuizSession? Find(string id)
    {
        using var lease = database.Join();
        QuizSession session;
        using (var command = Command(lease.Connection,
            "SELECT user_id, user_name, guild_id, mode, current_question, right_answers, points, status, started_at, last_activity FROM quizzes WHERE id = $1", id))
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read())
                return null;
            session = new QuizSession
            {
                Id = id,
                UserId = reader.GetString(0),
                UserName = reader.GetString(1),
                GuildId = reader.IsDBNull(2) ? null : reader.GetString(2),
                Mode = Enum.Parse<QuizMode>(reader.GetString(3)),
                Current = reader.GetInt32(4),
                Right = reader.GetInt32(5),
                Points = reader.GetInt32(6),
                Status = Enum.Parse<QuizStatus>(reader.GetString(7)),
                StartedAt = reader.GetFieldValue<DateTimeOffset>(8),
                LastActivity = reader.GetFieldValue<DateTimeOffset>(9),
            };
        }

        using (var command = Command(lease.Connection,
            "SELECT word_key, headword, kind, prompt, options, answer, chosen, meaning, example FROM quiz_questions WHERE quiz_id = $1 ORDER BY position", id))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                session.Questions.Add(new QuizQuestion
                {
                    WordKey = reader.GetString(0),
                    Headword = reader.GetString(1),
                    Kind = Enum.Parse<QuestionKind>(reader.GetString(2)),
                    Prompt = reader.GetString(3),
                    Options = [.. reader.GetFieldValue<string[]>(4)],
                    Answer = reader.GetInt32(5),
                    Chosen = reader.IsDBNull(6) ? null : reader.GetInt32(6),
                    Meaning = reader.GetString(7),
                    Example = reader.GetString(8),
                });
            }
        }

        return session;
    }

    public void Start(QuizSession session, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        using var lease = database.Join();
        using var transaction = lease.BeginOwn();
        using var batch = new NpgsqlBatch(lease.Connection);
        Add(batch, "UPDATE quizzes SET status = 'Replaced' WHERE user_id = $1 AND status = 'Open'", session.UserId);
        Add(batch, "DELETE FROM quizzes WHERE last_activity < $1", (now - KeepClosed).ToUniversalTime());
        Add(batch, """
            INSERT INTO quizzes (id, user_id, user_name, guild_id, mode, current_question, right_answers, points, status, started_at, last_activity)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            """, session.Id, session.UserId, session.UserName, session.GuildId, session.Mode.ToString(), session.Current, session.Right, session.Points,
            session.Status.ToString(), session.StartedAt.ToUniversalTime(), session.LastActivity.ToUniversalTime());
        foreach (var (q, position) in session.Questions.Select((q, i) => (q, i)))
        {
            Add(batch, """
                INSERT INTO quiz_questions (quiz_id, position, word_key, headword, kind, prompt, options, answer, chosen, meaning, example)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                """, session.Id, position, q.WordKey, q.Headword, q.Kind.ToString(), q.Prompt, q.Options.ToArray(), q.Answer, q.Chosen, q.Meaning, q.Example);
        }

        batch.ExecuteNonQuery();
        transaction?.Commit();
    }

    public bool Choose(string id, int index, int option)
    {
        using var lease = database.Join();
        return Execute(lease.Connection, """
            UPDATE quiz_questions q SET chosen = $3 FROM quizzes z
            WHERE q.quiz_id = $1 AND q.position = $2 AND q.chosen IS NULL AND z.id = q.quiz_id AND z.current_question = $2
            """, id, index, option) == 1;
    }

    public void AddResult(string id, bool correct, int points, DateTimeOffset now, bool finished)
    {
        using var lease = database.Join();
        Execute(lease.Connection, """
            UPDATE quizzes SET right_answers = right_answers + $2, points = points + $3, last_activity = $4,
                status = CASE WHEN $5 THEN 'Finished' ELSE status END
            WHERE id = $1
            """, id, correct ? 1 : 0, points, now.ToUniversalTime(), finished);
    }

    public bool Advance(string id, int index, DateTimeOffset now)
    {
        using var lease = database.Join();
        return Execute(lease.Connection, "UPDATE quizzes SET current_question = $2 + 1, last_activity = $3 WHERE id = $1 AND current_question = $2",
            id, index, now.ToUniversalTime()) == 1;
    }

    public void Expire(string id)
    {
        using var lease = database.Join();
        Execute(lease.Connection, "UPDATE quizzes SET status = 'Expired' WHERE id = $1 AND status = 'Open'", id);
    }
}
