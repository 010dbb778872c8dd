namespace VocabBot.Learning.Scores;

/// <summary>
/// A member's answers per local day over <see cref="Weeks"/> weeks of the server's zone, Monday first (as the
/// leaderboard's week): <see cref="FirstDay"/> is the Monday <see cref="Weeks"/> - 1 weeks before this week's, and
/// <see cref="Today"/> the last day that can have answers.
/// </summary>
internal sealed record DailyHistory(DateOnly FirstDay, DateOnly Today, IReadOnlyList<DayCount> Days)
{
    public const int Weeks = 12;

    public static DateOnly FirstDayFor(DateOnly today) => MondayOf(today).AddDays(-7 * (Weeks - 1));

    private static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The answers of each day from <see cref="FirstDay"/>, Monday to Sunday week after week; 0 for days without.</summary>
    public int[] AnswersPerDay()
    {
        var answers = new int[Weeks * 7];
        foreach (var day in Days)
        {
            var offset = Offset(day.Day);
            if (offset >= 0 && offset < answers.Length)
                answers[offset] += day.Answers;
        }

        return answers;
    }

    /// <summary>Right answers per week over answers per week; null for a week without answers.</summary>
    public double?[] AccuracyPerWeek()
    {
        var answers = new int[Weeks];
        var right = new int[Weeks];
        foreach (var day in Days)
        {
            var offset = Offset(day.Day);
            if (offset < 0 || offset >= Weeks * 7)
                continue;
            answers[offset / 7] += day.Answers;
            right[offset / 7] += day.Right;
        }

        return [.. answers.Select((count, week) => count == 0 ? (double?)null : (double)right[week] / count)];
    }

    private int Offset(DateOnly day) => day.DayNumber - FirstDay.DayNumber;
}
