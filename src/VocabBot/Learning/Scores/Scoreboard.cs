using Microsoft.Extensions.Options;

namespace VocabBot.Learning.Scores;

/// <summary>
/// The scoring rules: points, the run bonus, the day streak and the leaderboard order. Each answer updates the
/// member's running totals (all time and this ISO week of the server's zone) and their count for the local day in the
/// same write as its log record, so nothing here reads a member's history.
/// </summary>
internal sealed class Scoreboard(IScoreStore store, IOptions<LearningOptions> options)
{
    public const int PointsPerRightAnswer = 10;
    public const int RunBonus = 5;
    public const int RunForBonus = 3;

    public static string GuildKey(string? guildId) => guildId ?? "";

    /// <summary>
    /// Logs an answer. A right one earns 10 points, and 5 more when it makes a run of 3 or more
    /// right answers in a row (in this guild, across quizzes): the 3rd, 4th, ... right answer in a row.
    /// <paramref name="points"/>, when given, are the points instead (a race gives them by the order of right answers);
    /// the answer still counts in the member's run, day and totals like any other.
    /// </summary>
    public AnswerRecord Record(string? guildId, string userId, string userName, string wordKey, bool correct, DateTimeOffset now, int? points = null)
    {
        var guild = GuildKey(guildId);
        var zone = options.Value.ZoneFor(guildId);
        return store.Record(guild, userId, ScoreTotals.WeekOf(now, zone), (allTime, week) =>
        {
            var run = correct ? (allTime?.Run ?? 0) + 1 : 0;
            var answer = new AnswerRecord
            {
                GuildId = guild,
                UserId = userId,
                UserName = userName,
                WordKey = wordKey,
                Correct = correct,
                Points = points ?? (correct ? PointsPerRightAnswer + (run >= RunForBonus ? RunBonus : 0) : 0),
                At = now,
            };
            return new ScoredAnswer(answer, Add(allTime, ScoreTotals.AllTime, answer, zone), Add(week, ScoreTotals.WeekOf(now, zone), answer, zone),
                ScoreTotals.DayOf(now, zone));
        });
    }

    /// <summary>The member's all-time totals in the guild; null before their first answer there.</summary>
    public ScoreTotals? TotalsOf(string? guildId, string userId) => store.Find(GuildKey(guildId), ScoreTotals.AllTime, userId);

    /// <summary>The best of the guild (all time, or this ISO week in its zone), and where the member stands.</summary>
    public Board Leaderboard(string? guildId, string userId, bool thisWeek, int count, DateTimeOffset now)
    {
        var guild = GuildKey(guildId);
        var week = thisWeek ? ScoreTotals.WeekOf(now, options.Value.ZoneFor(guildId)) : ScoreTotals.AllTime;
        var standings = store.Standings(guild, week, userId, count);
        var top = standings.Top.Select((t, i) => t.ToStanding(i + 1)).ToList();
        var own = top.FirstOrDefault(s => s.UserId == userId)
            ?? (standings.Own is { } mine ? mine.Totals.ToStanding(mine.Rank) : null);
        return new Board(top, own);
    }

    /// <summary>Consecutive local days (the guild's zone), ending today or yesterday, with at least one answer in the guild.</summary>
    public int DayStreak(string? guildId, string userId, DateTimeOffset now) => DayStreak(TotalsOf(guildId, userId), guildId, now);

    /// <summary>The same from the member's all-time totals already read (<see cref="TotalsOf"/>): /stats reads them once.</summary>
    public int DayStreak(ScoreTotals? totals, string? guildId, DateTimeOffset now)
    {
        if (totals is null)
            return 0;
        var today = DateOnly.ParseExact(ScoreTotals.DayOf(now, options.Value.ZoneFor(guildId)), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var last = DateOnly.ParseExact(totals.LastDay, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return last >= today.AddDays(-1) ? totals.StreakDays : 0;
    }

    /// <summary>
    /// The member's answers per local day over the <see cref="DailyHistory.Weeks"/> weeks (Monday first) that end
    /// with this week in the guild's zone, read as day counts: never the member's answers.
    /// </summary>
    public DailyHistory History(string? guildId, string userId, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, options.Value.ZoneFor(guildId)).DateTime);
        var first = DailyHistory.FirstDayFor(today);
        return new DailyHistory(first, today, store.DailyCounts(GuildKey(guildId), userId, first, today));
    }

    /// <summary>Fills in the totals and day counts from the answer log when a database from before them has none.</summary>
    /// <returns>How many answers were replayed; 0 when the totals were there.</returns>
    public int RebuildTotalsIfMissing()
    {
        if (!store.TotalsMissing())
            return 0;
        var replayed = Replay(store.Log());
        store.ReplaceTotals(replayed.Totals, replayed.Days);
        return replayed.Answers;
    }

    /// <summary>The totals and day counts the log adds up to, answer by answer, with the points each answer was given.</summary>
    public Replayed Replay(IEnumerable<AnswerRecord> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var totals = new Dictionary<string, ScoreTotals>(StringComparer.Ordinal);
        var days = new Dictionary<string, ScoreDay>(StringComparer.Ordinal);
        var count = 0;
        foreach (var answer in log)
        {
            count++;
            var zone = options.Value.ZoneFor(answer.GuildId.Length == 0 ? null : answer.GuildId);
            foreach (var week in new[] { ScoreTotals.AllTime, ScoreTotals.WeekOf(answer.At, zone) })
            {
                var id = ScoreTotals.IdOf(answer.GuildId, week, answer.UserId);
                totals[id] = Add(totals.GetValueOrDefault(id), week, answer, zone);
            }

            var day = ScoreTotals.DayOf(answer.At, zone);
            var dayId = ScoreDay.IdOf(answer.GuildId, answer.UserId, day);
            var counts = days.GetValueOrDefault(dayId) ?? (days[dayId] = new ScoreDay { Id = dayId, GuildId = answer.GuildId, UserId = answer.UserId, Day = day });
            counts.Answers++;
            counts.Right += answer.Correct ? 1 : 0;
        }

        return new Replayed(totals.Values, days.Values, count);
    }

    private static ScoreTotals Add(ScoreTotals? before, string week, AnswerRecord answer, TimeZoneInfo zone)
    {
        var totals = before ?? new ScoreTotals
        {
            Id = ScoreTotals.IdOf(answer.GuildId, week, answer.UserId),
            GuildId = answer.GuildId,
            Week = week,
            UserId = answer.UserId,
            ReachedAt = answer.At,
        };
        if (answer.Points > 0)
            totals.ReachedAt = totals.Points > 0 && totals.ReachedAt > answer.At ? totals.ReachedAt : answer.At;
        totals.UserName = answer.UserName;
        totals.Points += answer.Points;
        totals.Answers++;
        totals.Right += answer.Correct ? 1 : 0;
        totals.Run = answer.Correct ? totals.Run + 1 : 0;

        var day = ScoreTotals.DayOf(answer.At, zone);
        if (totals.LastDay.Length == 0 || string.CompareOrdinal(day, Next(totals.LastDay)) > 0)
            totals.StreakDays = 1;
        else if (day == Next(totals.LastDay))
            totals.StreakDays++;
        if (string.CompareOrdinal(day, totals.LastDay) > 0)
            totals.LastDay = day;
        totals.RankKey = ScoreTotals.RankKeyOf(totals);
        return totals;
    }

    private static string Next(string day) =>
        DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>What the answer log adds up to: the running totals, the day counts, and how many answers it held.</summary>
internal sealed record Replayed(IReadOnlyCollection<ScoreTotals> Totals, IReadOnlyCollection<ScoreDay> Days, int Answers);

/// <summary>A leaderboard: the best, best first, and the asking member's place (null before their first answer).</summary>
internal sealed record Board(IReadOnlyList<Standing> Top, Standing? Own);
