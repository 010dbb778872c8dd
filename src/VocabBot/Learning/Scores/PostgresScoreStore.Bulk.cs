using NpgsqlTypes;

namespace VocabBot.Learning.Scores;

/// <summary>The bulk writes: the totals and day counts rebuilt from the log, and the log copied in by migrate-store.</summary>
internal sealed partial class PostgresScoreStore
{
    public void ReplaceTotals(IEnumerable<ScoreTotals> totals, IEnumerable<ScoreDay> days)
    {
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(days);
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, "DELETE FROM score_totals");
        using (var import = connection.BeginBinaryImport($"COPY score_totals ({Columns}) FROM STDIN (FORMAT BINARY)"))
        {
            // In the key's order: the all-time rows side by side, then each week's, so that an answer's few rows share pages.
            foreach (var t in totals.OrderBy(t => t.GuildId, StringComparer.Ordinal).ThenBy(t => t.Week, StringComparer.Ordinal).ThenBy(t => t.UserId, StringComparer.Ordinal))
            {
                import.StartRow();
                import.Write(t.GuildId, NpgsqlDbType.Text);
                import.Write(t.Week, NpgsqlDbType.Text);
                import.Write(t.UserId, NpgsqlDbType.Text);
                import.Write(t.UserName, NpgsqlDbType.Text);
                import.Write(t.Points, NpgsqlDbType.Integer);
                import.Write(t.Answers, NpgsqlDbType.Integer);
                import.Write(t.Right, NpgsqlDbType.Integer);
                import.Write(t.Run, NpgsqlDbType.Integer);
                import.Write(t.ReachedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                import.Write(t.LastDay, NpgsqlDbType.Text);
                import.Write(t.StreakDays, NpgsqlDbType.Integer);
                import.Write(t.RankKey, NpgsqlDbType.Text);
            }

            import.Complete();
        }

        Execute(connection, "DELETE FROM score_weeks");
        using (var import = connection.BeginBinaryImport("COPY score_weeks (guild_id, monday, user_id, answers, right_answers) FROM STDIN (FORMAT BINARY)"))
        {
            // In the key's order, as the answers write them: one week's rows side by side.
            foreach (var w in ScoreWeek.Of(days).OrderBy(w => w.GuildId, StringComparer.Ordinal).ThenBy(w => w.Monday, StringComparer.Ordinal).ThenBy(w => w.UserId, StringComparer.Ordinal))
                import.WriteRow(w.GuildId, ParseDay(w.Monday), w.UserId, w.Answers, w.Right);
            import.Complete();
        }

        transaction.Commit();
        // Fresh statistics and visibility map: without them the rank count reads the table, not just the index.
        Execute(connection, "VACUUM ANALYZE score_totals");
        Execute(connection, "VACUUM ANALYZE score_weeks");
    }

    /// <summary>
    /// Adds answers copied from another store, keeping their ids, and skips those already here: running it again
    /// adds nothing. New answers are numbered after the highest id.
    /// </summary>
    /// <returns>How many were new.</returns>
    public int ImportLog(IEnumerable<AnswerRecord> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, "CREATE TEMP TABLE imported_answers (LIKE answers) ON COMMIT DROP");
        using (var import = connection.BeginBinaryImport("COPY imported_answers (id, guild_id, user_id, user_name, word_key, correct, points, at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var a in answers)
                import.WriteRow((long)a.Id, a.GuildId, a.UserId, a.UserName, a.WordKey, a.Correct, a.Points, a.At.ToUniversalTime());
            import.Complete();
        }

        int added;
        using (var insert = Command(connection, "INSERT INTO answers SELECT * FROM imported_answers ON CONFLICT (id) DO NOTHING"))
            added = insert.ExecuteNonQuery();
        Execute(connection, "SELECT setval(pg_get_serial_sequence('answers', 'id'), GREATEST((SELECT max(id) FROM answers), 1))");
        transaction.Commit();
        return added;
    }
}
