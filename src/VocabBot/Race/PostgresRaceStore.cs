using Npgsql;
using VocabBot.Learning.Quiz;
using VocabBot.Storage.Postgres;
using static VocabBot.Storage.Postgres.PostgresDatabase;

namespace VocabBot.Race;

/// <summary>
/// The races in PostgreSQL: a row per race (its questions in race_questions) and one per answer, whose primary key
/// (race, round, member) keeps a second click out. Each change is one conditional statement; an answer takes a share
/// lock on its race's row, so it lands before a round's close (which then counts it) or finds the round closed.
/// </summary>
internal sealed partial class PostgresRaceStore(PostgresDatabase database) : IRaceStore, IPostgresStore
{
    private static readonly TimeSpan KeepFinished = TimeSpan.FromDays(1);
    private const string Columns = "id, guild_id, channel_id, starter_id, starter_name, locale, answer_time, current_round, closed_round, deadline, message_id, stop_requested, stopped_by, finished, started_at";

    public static IReadOnlyList<PostgresMigration> Migrations { get; } =
    [
        new("race/001", """
            CREATE TABLE races (
                id text PRIMARY KEY,
                guild_id text NOT NULL,
                channel_id text NOT NULL,
                starter_id text NOT NULL,
                starter_name text NOT NULL,
                locale text NOT NULL,
                answer_time interval NOT NULL,
                current_round integer NOT NULL,
                closed_round integer NOT NULL,
                deadline timestamptz NOT NULL,
                message_id text,
                stop_requested boolean NOT NULL,
                stopped_by text,
                finished boolean NOT NULL,
                started_at timestamptz NOT NULL);
            CREATE UNIQUE INDEX races_running_in_channel ON races (channel_id) WHERE NOT finished;
            CREATE TABLE race_questions (
                race_id text NOT NULL REFERENCES races (id) ON DELETE CASCADE,
                position integer NOT NULL,
                word_key text NOT NULL,
                headword text NOT NULL,
                kind text NOT NULL,
                prompt text NOT NULL,
                options text[] NOT NULL,
                answer integer NOT NULL,
                meaning text NOT NULL,
                example text NOT NULL,
                PRIMARY KEY (race_id, position));
            CREATE TABLE race_answers (
                race_id text NOT NULL REFERENCES races (id) ON DELETE CASCADE,
                round integer NOT NULL,
                user_id text NOT NULL,
                user_name text NOT NULL,
                option integer NOT NULL,
                correct boolean NOT NULL,
                at timestamptz NOT NULL,
                seq bigserial NOT NULL,
                PRIMARY KEY (race_id, round, user_id));
            """),
        new("race/002", """
            CREATE TABLE race_leases (
                race_id text PRIMARY KEY REFERENCES races (id) ON DELETE CASCADE,
                owner text NOT NULL,
                until timestamptz NOT NULL);
            """),
    ];

    public RaceRecord? Start(RaceRecord race, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(race);
        using var lease = database.Join();
        using var transaction = lease.BeginOwn();
        Execute(lease.Connection, "DELETE FROM races WHERE finished AND started_at < $1", (now - KeepFinished).ToUniversalTime());
        var inserted = Execute(lease.Connection, $"""
            INSERT INTO races ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
            ON CONFLICT (channel_id) WHERE NOT finished DO NOTHING
            """, race.Id, race.GuildId, race.ChannelId, race.StarterId, race.StarterName, race.Locale, race.AnswerTime, race.Current, race.Closed,
            race.Deadline.ToUniversalTime(), race.MessageId, race.StopRequested, race.StoppedBy, race.Finished, race.StartedAt.ToUniversalTime());
        if (inserted == 0)
        {
            transaction?.Commit();
            return RunningIn(race.ChannelId);
        }

        using var batch = new NpgsqlBatch(lease.Connection);
        foreach (var (q, position) in race.Questions.Select((q, i) => (q, i)))
        {
            var command = new NpgsqlBatchCommand("""
                INSERT INTO race_questions (race_id, position, word_key, headword, kind, prompt, options, answer, meaning, example)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                """);
            foreach (var value in new object[] { race.Id, position, q.WordKey, q.Headword, q.Kind.ToString(), q.Prompt, q.Options.ToArray(), q.Answer, q.Meaning, q.Example })
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            batch.BatchCommands.Add(command);
        }

        batch.ExecuteNonQuery();
        transaction?.Commit();
        return null;
    }

    public RaceRecord? Find(string id) => Read("WHERE id = $1", id).FirstOrDefault();

    public RaceRecord? RunningIn(string channelId) => Read("WHERE channel_id = $1 AND NOT finished", channelId).FirstOrDefault();

    public IReadOnlyList<RaceRecord> Running() => Read("WHERE NOT finished");

    public IReadOnlyList<RaceAnswer> Answers(string raceId) => ReadAnswers("WHERE race_id = $1 ORDER BY seq", raceId);

    public RaceAnswer? AnswerOf(string raceId, int round, string userId) =>
        ReadAnswers("WHERE race_id = $1 AND round = $2 AND user_id = $3", raceId, round, userId).FirstOrDefault();

    public AnswerOutcome Answer(RaceAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        using var lease = database.Join();
        var stored = Execute(lease.Connection, """
            WITH open AS (SELECT id FROM races WHERE id = $1 AND current_round = $2 AND closed_round < $2 AND NOT finished FOR SHARE)
            INSERT INTO race_answers (race_id, round, user_id, user_name, option, correct, at)
            SELECT id, $2, $3, $4, $5, $6, $7 FROM open
            ON CONFLICT DO NOTHING
            """, answer.RaceId, answer.Round, answer.UserId, answer.UserName, answer.Option, answer.Correct, answer.At.ToUniversalTime());
        if (stored == 1)
            return AnswerOutcome.Accepted;
        return AnswerOf(answer.RaceId, answer.Round, answer.UserId) is null ? AnswerOutcome.RoundOver : AnswerOutcome.AlreadyAnswered;
    }

    public bool CloseRound(string raceId, int round) => Change(
        "UPDATE races SET closed_round = $2 WHERE id = $1 AND current_round = $2 AND closed_round < $2", raceId, round);

    public bool OpenRound(string raceId, int round, DateTimeOffset deadline) => Change("""
        UPDATE races SET current_round = $2, deadline = $3, message_id = NULL
        WHERE id = $1 AND NOT finished AND current_round = $2 - 1 AND closed_round = $2 - 1
            AND $2 < (SELECT count(*) FROM race_questions WHERE race_id = $1)
        """, raceId, round, deadline.ToUniversalTime());

    public void SetMessage(string raceId, int round, string messageId) =>
        Change("UPDATE races SET message_id = $3 WHERE id = $1 AND current_round = $2", raceId, round, messageId);

    public bool RequestStop(string raceId, string userName) => Change(
        "UPDATE races SET stop_requested = true, stopped_by = coalesce(stopped_by, $2) WHERE id = $1 AND NOT finished", raceId, userName);

    public bool Finish(string raceId) => Change("UPDATE races SET finished = true WHERE id = $1 AND NOT finished", raceId);

    private bool Change(string sql, params object?[] parameters)
    {
        using var lease = database.Join();
        return Execute(lease.Connection, sql, parameters) == 1;
    }

    private List<RaceRecord> Read(string where, params object?[] parameters)
    {
        using var lease = database.Join();
        var races = new List<RaceRecord>();
        using (var command = Command(lease.Connection, $"SELECT {Columns} FROM races {where}", parameters))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                races.Add(new RaceRecord
                {
                    Id = reader.GetString(0),
                    GuildId = reader.GetString(1),
                    ChannelId = reader.GetString(2),
                    StarterId = reader.GetString(3),
                    StarterName = reader.GetString(4),
                    Locale = reader.GetString(5),
                    AnswerTime = reader.GetFieldValue<TimeSpan>(6),
                    Current = reader.GetInt32(7),
                    Closed = reader.GetInt32(8),
                    Deadline = reader.GetFieldValue<DateTimeOffset>(9),
                    MessageId = reader.IsDBNull(10) ? null : reader.GetString(10),
                    StopRequested = reader.GetBoolean(11),
                    StoppedBy = reader.IsDBNull(12) ? null : reader.GetString(12),
                    Finished = reader.GetBoolean(13),
                    StartedAt = reader.GetFieldValue<DateTimeOffset>(14),
                });
            }
        }

        foreach (var race in races)
            race.Questions = Questions(lease.Connection, race.Id);
        return races;
    }

    private static List<QuizQuestion> Questions(NpgsqlConnection connection, string raceId)
    {
        using var command = Command(connection,
            "SELECT word_key, headword, kind, prompt, options, answer, meaning, example FROM race_questions WHERE race_id = $1 ORDER BY position", raceId);
        using var reader = command.ExecuteReader();
        var questions = new List<QuizQuestion>();
        while (reader.Read())
        {
            questions.Add(new QuizQuestion
            {
                WordKey = reader.GetString(0),
                Headword = reader.GetString(1),
                Kind = Enum.Parse<QuestionKind>(reader.GetString(2)),
                Prompt = reader.GetString(3),
                Options = [.. reader.GetFieldValue<string[]>(4)],
                Answer = reader.GetInt32(5),
                Meaning = reader.GetString(6),
                Example = reader.GetString(7),
            });
        }

        return questions;
    }

    private List<RaceAnswer> ReadAnswers(string where, params object?[] parameters)
    {
        using var lease = database.Join();
        using var command = Command(lease.Connection, $"SELECT race_id, round, user_id, user_name, option, correct, at, seq FROM race_answers {where}", parameters);
        using var reader = command.ExecuteReader();
        var answers = new List<RaceAnswer>();
        while (reader.Read())
        {
            answers.Add(new RaceAnswer(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), reader.GetBoolean(5),
                reader.GetFieldValue<DateTimeOffset>(6))
            { Seq = reader.GetInt64(7) });
        }

        return answers;
    }
}
