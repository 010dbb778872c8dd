using LiteDB;
using VocabBot.Storage;

namespace VocabBot.Learning.Scores;

/// <summary>Records answers with their points and ranks users by them: per guild, all time or since a moment.</summary>
internal sealed class Scoreboard
{
    public const int PointsPerRightAnswer = 10;
    public const int RunBonus = 5;
    public const int RunForBonus = 3;

    private readonly VocabDatabase _database;

    public Scoreboard(VocabDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _answers.EnsureIndex(a => a.GuildId);
        _answers.EnsureIndex(a => a.UserId);
    }

    // Taken for each use: the database is reopened after a failed write.
    private ILiteCollection<AnswerRecord> _answers => _database.Collection<AnswerRecord>("answers");

    public static string GuildKey(string? guildId) => guildId ?? "";

    /// <summary>
    /// Logs an answer. A right one earns 10 points, and 5 more when it makes a run of 3 or more
    /// right answers in a row (in this guild, across quizzes): the 3rd, 4th, ... right answer in a row.
    /// </summary>
    public AnswerRecord Record(string? guildId, string userId, string userName, string wordKey, bool correct, DateTimeOffset now)
    {
        _database.EnsureWritable();
        var points = 0;
        if (correct)
        {
            var run = 1 + ForUser(guildId, userId).OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
                .TakeWhile(a => a.Correct).Count();
            points = PointsPerRightAnswer + (run >= RunForBonus ? RunBonus : 0);
        }

        var record = new AnswerRecord
        {
            GuildId = GuildKey(guildId),
            UserId = userId,
            UserName = userName,
            WordKey = wordKey,
            Correct = correct,
            Points = points,
            At = now,
        };
        _answers.Insert(record);
        return record;
    }

    public IReadOnlyList<AnswerRecord> ForUser(string? guildId, string userId)
    {
        var guild = GuildKey(guildId);
        return _answers.Find(a => a.UserId == userId).Where(a => a.GuildId == guild).ToList();
    }

    /// <summary>
    /// Everyone who answered in the guild (since <paramref name="since"/> when given), best first:
    /// more points, then higher accuracy, then whoever reached their points total first.
    /// </summary>
    public IReadOnlyList<Standing> Standings(string? guildId, DateTimeOffset? since)
    {
        var guild = GuildKey(guildId);
        var rows = _answers.Find(a => a.GuildId == guild)
            .Where(a => since is null || a.At >= since)
            .GroupBy(a => a.UserId, StringComparer.Ordinal)
            .Select(g =>
            {
                var latest = g.MaxBy(a => a.At)!;
                var scoring = g.Where(a => a.Points > 0).ToList();
                var reachedAt = scoring.Count > 0 ? scoring.Max(a => a.At) : g.Min(a => a.At);
                return new Standing(0, g.Key, latest.UserName, g.Sum(a => a.Points), g.Count(), g.Count(a => a.Correct), reachedAt);
            })
            .OrderByDescending(s => s.Points)
            .ThenByDescending(s => s.Accuracy)
            .ThenBy(s => s.ReachedAt)
            .ThenBy(s => s.UserId, StringComparer.Ordinal);
        return rows.Select((s, i) => s with { Rank = i + 1 }).ToList();
    }

    /// <summary>Consecutive local days, ending today or yesterday, with at least one answer in the guild.</summary>
    public int DayStreak(string? guildId, string userId, TimeZoneInfo zone, DateTimeOffset now)
    {
        var days = ForUser(guildId, userId).Select(a => LocalDay(a.At, zone)).ToHashSet();
        var day = LocalDay(now, zone);
        if (!days.Contains(day))
            day = day.AddDays(-1);
        var streak = 0;
        while (days.Contains(day))
        {
            streak++;
            day = day.AddDays(-1);
        }

        return streak;
    }

    private static DateOnly LocalDay(DateTimeOffset at, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
}
