using Npgsql;
using VocabBot.Storage.Postgres;

namespace VocabBot.Learning.Scores;

/// <summary>
/// The answers log and the running totals in PostgreSQL. An answer and its totals are written in one transaction
/// that first takes a lock on the member, so two answers of one member at the same moment in two processes add up
/// one after the other instead of one overwriting the other.
/// </summary>
internal sealed partial class PostgresScoreStore(PostgresDatabase database) : IScoreStore, IPostgresStore
{
    private const string Columns = "guild_id, week, user_id, user_name, points, answers, right_answers, run, reached_at, last_day, streak_days, rank_key";

    public static IReadOnlyList<PostgresMigration> Migrations { get; } =
    [
        new("scores/001", """
            CREATE TABLE answers (
                id bigserial PRIMARY KEY,
                guild_id text NOT NULL,
                user_id text NOT NULL,
                user_name text NOT NULL,
                word_key text NOT NULL,
                correct boolean NOT NULL,
                points integer NOT NULL,
                at timestamptz NOT NULL);
            CREATE TABLE score_totals (
                guild_id text NOT NULL,
                week text NOT NULL,
                user_id text NOT NULL,
                user_name text NOT NULL,
                points integer NOT NULL,
                answers integer NOT NULL,
                right_answers integer NOT NULL,
                run integer NOT NULL,
                reached_at timestamptz NOT NULL,
                last_day text NOT NULL,
                streak_days integer NOT NULL,
                rank_key text COLLATE "C" NOT NULL,
                PRIMARY KEY (guild_id, week, user_id));
            CREATE INDEX score_totals_rank ON score_totals (guild_id, week, rank_key);
            """),
        // Answers per member and local day, for the /stats picture; the primary key is the index its range reads.
        // Filled from the log at the first start after this migration (Scoreboard.RebuildTotalsIfMissing): only the
        // app knows each server's zone.
        new("scores/002", """
            CREATE TABLE score_days (
                guild_id text NOT NULL,
                user_id text NOT NULL,
                day date NOT NULL,
                answers integer NOT NULL,
                right_answers integer NOT NULL,
                PRIMARY KEY (guild_id, user_id, day));
            """),
        // The day counts a row a member-week, keyed by the week before the member, as LiteDB keeps them (ScoreWeek).
        // Keyed by member, a member's first answer after each checkpoint put a new day in its own page of the key's
        // index, and PostgreSQL logs a page's first change after a checkpoint whole: 78% of the full pages in the WAL
        // of the benchmarks' record mode, 5.8 KB of WAL an answer against 2.1 later (docs/PERFORMANCE.md). This week's
        // rows now sit together, and a day's count is an update in place (room left on each page), not an index entry.
        // The totals leave room too, so an answer's new totals stay on the page of the old ones.
        new("scores/003", """
            CREATE TABLE score_weeks (
                guild_id text NOT NULL,
                monday date NOT NULL,
                user_id text NOT NULL,
                answers integer[] NOT NULL,
                right_answers integer[] NOT NULL,
                PRIMARY KEY (guild_id, monday, user_id)) WITH (fillfactor = 80);
            INSERT INTO score_weeks (guild_id, monday, user_id, answers, right_answers)
            SELECT w.guild_id, w.monday, w.user_id,
                array_agg(coalesce(d.answers, 0) ORDER BY slot), array_agg(coalesce(d.right_answers, 0) ORDER BY slot)
            FROM (SELECT DISTINCT guild_id, user_id, day - (extract(isodow FROM day)::integer - 1) AS monday FROM score_days) w
            CROSS JOIN generate_series(0, 6) AS slot
            LEFT JOIN score_days d ON d.guild_id = w.guild_id AND d.user_id = w.user_id AND d.day = w.monday + slot
            GROUP BY w.guild_id, w.monday, w.user_id
            ORDER BY w.guild_id, w.monday, w.user_id;
            DROP TABLE score_days;
            ALTER TABLE score_totals SET (fillfactor = 80);
            """),
    ];

    // Two round trips whatever the answer: the member's lock with their totals, then every write with the commit (it
    // was seven, one a statement). Alone, the transaction is begun and committed as statements of those two batches,
    // not by NpgsqlTransaction, whose Commit is a round trip of its own; a failure before the commit leaves the
    // transaction open or failed, and Npgsql rolls it back when the connection goes back to its pool.
    public AnswerRecord Record(string guildId, string userId, string week, Func<ScoreTotals?, ScoreTotals?, ScoredAnswer> score)
    {
        ArgumentNullException.ThrowIfNull(score);
        // Inside the quiz's transaction when there is one (PostgresDatabase.InTransaction); else in its own.
        using var lease = database.Join();
        var connection = lease.Connection;
        List<ScoreTotals> found;
        using (var read = new NpgsqlBatch(connection))
        {
            if (lease.Owned)
                PostgresDatabase.Add(read, "BEGIN");
            PostgresDatabase.Add(read, "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", $"{guildId}|{userId}");
            PostgresDatabase.Add(read, $"SELECT {Columns} FROM score_totals WHERE guild_id = $1 AND user_id = $2 AND week IN ('', $3)", guildId, userId, week);
            using var reader = read.ExecuteReader();
            reader.NextResult(); // past the lock's one row
            found = ReadAll(reader);
        }

        var scored = score(found.FirstOrDefault(t => t.Week.Length == 0), found.FirstOrDefault(t => t.Week == week && week.Length > 0));
        var answer = scored.Answer;
        using (var write = new NpgsqlBatch(connection))
        {
            PostgresDatabase.Add(write,
                "INSERT INTO answers (guild_id, user_id, user_name, word_key, correct, points, at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                answer.GuildId, answer.UserId, answer.UserName, answer.WordKey, answer.Correct, answer.Points, answer.At.ToUniversalTime());
            AddUpsert(write, scored.AllTime);
            AddUpsert(write, scored.Week);
            AddDayCount(write, answer, ParseDay(scored.Day));
            if (lease.Owned)
                PostgresDatabase.Add(write, "COMMIT");
            answer.Id = checked((int)(long)write.ExecuteScalar()!); // the first statement's first column: the answer's id
        }

        return answer;
    }

    public ScoreTotals? Find(string guildId, string week, string userId)
    {
        using var connection = database.Open();
        return Read(connection, $"SELECT {Columns} FROM score_totals WHERE guild_id = $1 AND week = $2 AND user_id = $3", guildId, week, userId).FirstOrDefault();
    }

    public IReadOnlyList<ScoreTotals> Top(string guildId, string week, int count)
    {
        using var connection = database.Open();
        return Read(connection, $"SELECT {Columns} FROM score_totals WHERE guild_id = $1 AND week = $2 ORDER BY rank_key LIMIT $3", guildId, week, count);
    }

    // One statement, one round trip: the top rows, then the member's own row with its place counted through the rank index.
    public Standings Standings(string guildId, string week, string userId, int count)
    {
        using var connection = database.Open();
        using var command = Command(connection, $"""
            SELECT {Columns}, NULL::bigint FROM (SELECT {Columns} FROM score_totals WHERE guild_id = $1 AND week = $2 ORDER BY rank_key LIMIT $3) top
            UNION ALL
            SELECT {Columns}, (SELECT count(*) FROM score_totals r WHERE r.guild_id = $1 AND r.week = $2 AND r.rank_key <= s.rank_key)
            FROM score_totals s WHERE guild_id = $1 AND week = $2 AND user_id = $4
            ORDER BY 13 NULLS FIRST, 12
            """, guildId, week, count, userId);
        using var reader = command.ExecuteReader();
        var top = new List<ScoreTotals>();
        (ScoreTotals Totals, int Rank)? own = null;
        while (reader.Read())
        {
            if (reader.IsDBNull(12))
                top.Add(Row(reader));
            else
                own = (Row(reader), checked((int)reader.GetInt64(12)));
        }

        return new Standings(top, own);
    }

    public int RankOf(ScoreTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        using var connection = database.Open();
        using var command = Command(connection, "SELECT count(*) FROM score_totals WHERE guild_id = $1 AND week = $2 AND rank_key <= $3",
            totals.GuildId, totals.Week, totals.RankKey);
        return checked((int)(long)command.ExecuteScalar()!);
    }

    // The answer counted in its day's slot of the member's week: a new row at the week's first answer, else an update
    // of the row in place.
    private static void AddDayCount(NpgsqlBatch batch, AnswerRecord answer, DateOnly day)
    {
        var monday = ScoreWeek.MondayOf(day);
        var slot = day.DayNumber - monday.DayNumber;
        var answers = new int[7];
        var right = new int[7];
        answers[slot] = 1;
        right[slot] = answer.Correct ? 1 : 0;
        PostgresDatabase.Add(batch, """
            INSERT INTO score_weeks (guild_id, monday, user_id, answers, right_answers) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (guild_id, monday, user_id) DO UPDATE
                SET answers[$6] = score_weeks.answers[$6] + 1, right_answers[$6] = score_weeks.right_answers[$6] + $7
            """, answer.GuildId, monday, answer.UserId, answers, right, slot + 1, right[slot]);
    }

    // A member's weeks are not side by side in the key: up to two years (a /stats picture is one) are looked up a week
    // at a time, so the cost is the weeks asked for; a longer span (a rebuild's check) reads the server's weeks in it.
    public IReadOnlyList<DayCount> DailyCounts(string guildId, string userId, DateOnly first, DateOnly last)
    {
        const int WeeksLookedUp = 106;
        if (last < first)
            return [];
        var firstMonday = ScoreWeek.MondayOf(first);
        var weeks = (last.DayNumber - firstMonday.DayNumber) / 7 + 1;
        using var connection = database.Open();
        using var command = weeks <= WeeksLookedUp
            ? Command(connection,
                "SELECT monday, answers, right_answers FROM score_weeks WHERE guild_id = $1 AND monday = ANY($2) AND user_id = $3 ORDER BY monday",
                guildId, Enumerable.Range(0, weeks).Select(w => firstMonday.AddDays(7 * w)).ToArray(), userId)
            : Command(connection,
                "SELECT monday, answers, right_answers FROM score_weeks WHERE guild_id = $1 AND monday BETWEEN $2 AND $3 AND user_id = $4 ORDER BY monday",
                guildId, firstMonday, last, userId);
        using var reader = command.ExecuteReader();
        var days = new List<DayCount>();
        while (reader.Read())
        {
            var week = new ScoreWeek { Monday = ScoreDay.DayText(reader.GetFieldValue<DateOnly>(0)), Answers = reader.GetFieldValue<int[]>(1), Right = reader.GetFieldValue<int[]>(2) };
            days.AddRange(week.Days().Where(d => d.Day >= first && d.Day <= last));
        }

        return days;
    }

    public bool TotalsMissing()
    {
        using var connection = database.Open();
        using var command = Command(connection,
            "SELECT (NOT EXISTS (SELECT 1 FROM score_totals) OR NOT EXISTS (SELECT 1 FROM score_weeks)) AND EXISTS (SELECT 1 FROM answers)");
        return (bool)command.ExecuteScalar()!;
    }

    public IEnumerable<AnswerRecord> Log()
    {
        using var connection = database.Open();
        using var command = Command(connection, "SELECT id, guild_id, user_id, user_name, word_key, correct, points, at FROM answers ORDER BY id");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new AnswerRecord
            {
                Id = checked((int)reader.GetInt64(0)),
                GuildId = reader.GetString(1),
                UserId = reader.GetString(2),
                UserName = reader.GetString(3),
                WordKey = reader.GetString(4),
                Correct = reader.GetBoolean(5),
                Points = reader.GetInt32(6),
                At = reader.GetFieldValue<DateTimeOffset>(7),
            };
        }
    }

    public IEnumerable<ScoreTotals> AllTotals()
    {
        using var connection = database.Open();
        return Read(connection, $"SELECT {Columns} FROM score_totals");
    }

    private static void AddUpsert(NpgsqlBatch batch, ScoreTotals t) => PostgresDatabase.Add(batch, $"""
        INSERT INTO score_totals ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
        ON CONFLICT (guild_id, week, user_id) DO UPDATE SET user_name = $4, points = $5, answers = $6, right_answers = $7,
            run = $8, reached_at = $9, last_day = $10, streak_days = $11, rank_key = $12
        """, t.GuildId, t.Week, t.UserId, t.UserName, t.Points, t.Answers, t.Right, t.Run, t.ReachedAt.ToUniversalTime(), t.LastDay, t.StreakDays, t.RankKey);

    private static List<ScoreTotals> Read(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        return ReadAll(reader);
    }

    private static List<ScoreTotals> ReadAll(NpgsqlDataReader reader)
    {
        var rows = new List<ScoreTotals>();
        while (reader.Read())
            rows.Add(Row(reader));
        return rows;
    }

    private static ScoreTotals Row(NpgsqlDataReader reader)
    {
        var totals = new ScoreTotals
        {
            GuildId = reader.GetString(0),
            Week = reader.GetString(1),
            UserId = reader.GetString(2),
            UserName = reader.GetString(3),
            Points = reader.GetInt32(4),
            Answers = reader.GetInt32(5),
            Right = reader.GetInt32(6),
            Run = reader.GetInt32(7),
            ReachedAt = reader.GetFieldValue<DateTimeOffset>(8),
            LastDay = reader.GetString(9),
            StreakDays = reader.GetInt32(10),
            RankKey = reader.GetString(11),
        };
        totals.Id = ScoreTotals.IdOf(totals.GuildId, totals.Week, totals.UserId);
        return totals;
    }

    private static void Execute(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static DateOnly ParseDay(string day) => DateOnly.ParseExact(day, ScoreDay.Format, System.Globalization.CultureInfo.InvariantCulture);

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object[] parameters) =>
        PostgresDatabase.Bind(new NpgsqlCommand(sql, connection), parameters);
}
