using System.Globalization;

namespace VocabBot.Learning.Scores;

/// <summary>
/// A member's answers in one server on each day of one local week (Monday first, the server's zone): how LiteDB keeps
/// the day counts. With one document a day, a member's first answer of each day inserted one into an index of
/// every member-day (about 770,000 at 1,000,000 answers); one a week makes seven times fewer, and an answer wrote 6.8
/// pages to LiteDB's log instead of 9.3 (the benchmarks' record mode at 1,000,000 answers).
/// </summary>
internal sealed class ScoreWeek
{
    /// <summary>"guild|user|yyyy-MM-dd" of the week's Monday: one member's weeks sit side by side in date order in the key's index.</summary>
    public string Id { get; set; } = "";
    public string GuildId { get; set; } = "";
    public string UserId { get; set; } = "";
    /// <summary>The week's Monday, yyyy-MM-dd.</summary>
    public string Monday { get; set; } = "";
    /// <summary>Answers on each day, Monday first.</summary>
    public int[] Answers { get; set; } = new int[7];
    /// <summary>Right answers on each day, Monday first.</summary>
    public int[] Right { get; set; } = new int[7];

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static string IdOf(string guildId, string userId, DateOnly monday) => $"{guildId}|{userId}|{ScoreDay.DayText(monday)}";

    public static ScoreWeek For(string guildId, string userId, DateOnly day)
    {
        var monday = MondayOf(day);
        return new ScoreWeek { Id = IdOf(guildId, userId, monday), GuildId = guildId, UserId = userId, Monday = ScoreDay.DayText(monday) };
    }

    /// <summary>A copy to count in, with its own day arrays.</summary>
    public ScoreWeek Copy() => new() { Id = Id, GuildId = GuildId, UserId = UserId, Monday = Monday, Answers = [.. Answers], Right = [.. Right] };

    public void Count(DateOnly day, int answers, int right)
    {
        var slot = day.DayNumber - MondayOf(day).DayNumber;
        Answers[slot] += answers;
        Right[slot] += right;
    }

    /// <summary>The days of this week with answers, Monday first.</summary>
    public IEnumerable<DayCount> Days()
    {
        var monday = DateOnly.ParseExact(Monday, ScoreDay.Format, CultureInfo.InvariantCulture);
        for (var slot = 0; slot < 7; slot++)
        {
            if (Answers[slot] > 0)
                yield return new DayCount(monday.AddDays(slot), Answers[slot], Right[slot]);
        }
    }

    /// <summary>Day counts gathered into weeks, as <see cref="LiteDbScoreStore"/> writes a rebuild.</summary>
    public static IEnumerable<ScoreWeek> Of(IEnumerable<ScoreDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var weeks = new Dictionary<string, ScoreWeek>(StringComparer.Ordinal);
        foreach (var day in days)
        {
            var count = day.ToCount();
            var week = For(day.GuildId, day.UserId, count.Day);
            if (!weeks.TryAdd(week.Id, week))
                week = weeks[week.Id];
            week.Count(count.Day, count.Answers, count.Right);
        }

        return weeks.Values;
    }
}
