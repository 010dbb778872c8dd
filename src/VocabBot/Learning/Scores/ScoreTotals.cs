using System.Globalization;

namespace VocabBot.Learning.Scores;

/// <summary>
/// A member's running totals in one server, all time (<see cref="Week"/> "") or for one ISO week of the server's
/// zone ("2026-W49"), kept with each answer so that leaderboards, /stats, the run bonus and the day streak cost the
/// same at 10 answers as at 10 million. The answer log stays the history they can be rebuilt from.
/// </summary>
internal sealed class ScoreTotals
{
    public const string AllTime = "";

    /// <summary>"guild|week|user".</summary>
    public string Id { get; set; } = "";
    public string GuildId { get; set; } = "";
    public string Week { get; set; } = AllTime;
    public string UserId { get; set; } = "";
    /// <summary>The name of the member's latest answer.</summary>
    public string UserName { get; set; } = "";
    public int Points { get; set; }
    public int Answers { get; set; }
    public int Right { get; set; }
    /// <summary>Right answers in a row, up to the latest.</summary>
    public int Run { get; set; }
    /// <summary>When the points last went up; the first answer while there are none. Earlier ranks higher on a tie.</summary>
    public DateTimeOffset ReachedAt { get; set; }
    /// <summary>The local day (yyyy-MM-dd, the server's zone) of the latest answer.</summary>
    public string LastDay { get; set; } = "";
    /// <summary>Consecutive local days with an answer, ending at <see cref="LastDay"/>.</summary>
    public int StreakDays { get; set; }
    /// <summary>Sorts the server's members best first: more points, higher accuracy, earlier <see cref="ReachedAt"/>, user id.</summary>
    public string RankKey { get; set; } = "";

    /// <summary>A copy to change: every member is a value or an immutable string.</summary>
    public ScoreTotals Copy() => (ScoreTotals)MemberwiseClone();

    public static string IdOf(string guildId, string week, string userId) => $"{guildId}|{week}|{userId}";

    /// <summary>Where a server's (and week's) keys start: every <see cref="RankKey"/> of it begins with this.</summary>
    public static string RankPrefix(string guildId, string week) => $"{guildId}|{week}|";

    public static string RankKeyOf(ScoreTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var accuracy = totals.Answers == 0 ? 0 : (long)Math.Round((double)totals.Right / totals.Answers * 1_000_000_000);
        return string.Create(CultureInfo.InvariantCulture,
            $"{RankPrefix(totals.GuildId, totals.Week)}{int.MaxValue - (long)totals.Points:D10}|{1_000_000_000 - accuracy:D10}|{totals.ReachedAt.UtcTicks:D19}|{totals.UserId}");
    }

    /// <summary>The ISO week (Monday first) an instant falls in, in a zone: "2026-W49".</summary>
    public static string WeekOf(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone).DateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(local):D4}-W{ISOWeek.GetWeekOfYear(local):D2}");
    }

    public static string DayOf(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public Standing ToStanding(int rank) => new(rank, UserId, UserName, Points, Answers, Right, ReachedAt);
}
