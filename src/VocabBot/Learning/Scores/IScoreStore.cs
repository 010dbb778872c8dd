namespace VocabBot.Learning.Scores;

/// <summary>
/// The answers log and the running totals kept beside it, in LiteDB (<see cref="LiteDbScoreStore"/>) or PostgreSQL.
/// Both keep the same behaviour; one set of contract tests runs against each.
/// </summary>
internal interface IScoreStore
{
    /// <summary>
    /// Reads the member's all-time and week totals, lets <paramref name="score"/> turn them and the answer into the
    /// stored answer and the new totals, and writes them at once with the answer counted in its day: an answer never
    /// lands without its totals.
    /// </summary>
    AnswerRecord Record(string guildId, string userId, string week, Func<ScoreTotals?, ScoreTotals?, ScoredAnswer> score);

    ScoreTotals? Find(string guildId, string week, string userId);

    /// <summary>The best <paramref name="count"/> of a server (all time, or one week), best first.</summary>
    IReadOnlyList<ScoreTotals> Top(string guildId, string week, int count);

    /// <summary>The best <paramref name="count"/> of a server (all time, or one week), and the member's own totals with their place: what /leaderboard shows.</summary>
    Standings Standings(string guildId, string week, string userId, int count);

    /// <summary>1 for the best; counted through the rank index, not by reading every member.</summary>
    int RankOf(ScoreTotals totals);

    /// <summary>
    /// The member's answers and right answers per local day from <paramref name="first"/> to <paramref name="last"/>
    /// (both included), days without answers left out, oldest first. Read through the day key, so the cost is the
    /// number of days asked for, however many answers they hold or the member gave before.
    /// </summary>
    IReadOnlyList<DayCount> DailyCounts(string guildId, string userId, DateOnly first, DateOnly last);

    /// <summary>True when answers are stored but no totals or no day counts: a database from before they existed.</summary>
    bool TotalsMissing();

    /// <summary>Every answer, oldest first (by id), for rebuilding the totals.</summary>
    IEnumerable<AnswerRecord> Log();

    /// <summary>Replaces every stored total with <paramref name="totals"/> and every day count with <paramref name="days"/>.</summary>
    void ReplaceTotals(IEnumerable<ScoreTotals> totals, IEnumerable<ScoreDay> days);

    /// <summary>Every stored total, for the replay test and the store copy.</summary>
    IEnumerable<ScoreTotals> AllTotals();
}

/// <summary>A server's best, best first, and the member's own totals with their place (1 for the best), null before their first answer.</summary>
internal sealed record Standings(IReadOnlyList<ScoreTotals> Top, (ScoreTotals Totals, int Rank)? Own);

/// <summary>
/// What one answer makes of the totals: the record to log, the member's new all-time and week totals, and the local
/// day (yyyy-MM-dd, the server's zone) it counts in.
/// </summary>
internal sealed record ScoredAnswer(AnswerRecord Answer, ScoreTotals AllTime, ScoreTotals Week, string Day);
