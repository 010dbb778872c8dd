namespace VocabBot.Race;

/// <summary>
/// The race's rules: the first right answer of a round earns 10, the second 7, the third 5, any later one 3, a wrong
/// one 0. Points follow from the stored answers alone (their order of acceptance), so they read the same after a restart.
/// </summary>
internal static class RaceScoring
{
    private static readonly int[] ForRank = [10, 7, 5];
    public const int LaterRight = 3;

    public static int PointsFor(int rightRank) => rightRank < ForRank.Length ? ForRank[rightRank] : LaterRight;

    /// <summary>A round's answers in the order they were accepted, with their points and, for right ones, their place (1 first).</summary>
    public static IReadOnlyList<ScoredAnswer> Round(IEnumerable<RaceAnswer> answers, int round)
    {
        var rank = 0;
        return [.. answers.Where(a => a.Round == round).OrderBy(a => a.Seq)
            .Select(a => a.Correct ? new ScoredAnswer(a, PointsFor(rank), ++rank) : new ScoredAnswer(a, 0, null))];
    }

    /// <summary>Every player of rounds 0 to <paramref name="lastRound"/>, best first: points, then right answers, then who answered first.</summary>
    public static IReadOnlyList<RacePlayer> Standings(IReadOnlyList<RaceAnswer> answers, int lastRound)
    {
        var scored = Enumerable.Range(0, lastRound + 1).SelectMany(round => Round(answers, round)).ToList();
        return [.. scored.GroupBy(s => s.Answer.UserId, StringComparer.Ordinal)
            .Select(g => new RacePlayer(g.Key, g.Last().Answer.UserName, g.Sum(s => s.Points), g.Count(s => s.Answer.Correct), g.Min(s => s.Answer.Seq)))
            .OrderByDescending(p => p.Points).ThenByDescending(p => p.Right).ThenBy(p => p.FirstSeq)];
    }
}

internal sealed record ScoredAnswer(RaceAnswer Answer, int Points, int? Place);

internal sealed record RacePlayer(string UserId, string Name, int Points, int Right, long FirstSeq);
