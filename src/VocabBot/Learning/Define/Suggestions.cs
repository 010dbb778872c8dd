namespace VocabBot.Learning.Define;

/// <summary>Close headwords for a term that matched none: small edit distance first, then shared prefixes.</summary>
internal static class Suggestions
{
    public const int MaxSuggestions = 5;

    public static IReadOnlyList<string> For(string term, IReadOnlyList<string> headwords, int limit = MaxSuggestions)
    {
        ArgumentNullException.ThrowIfNull(headwords);
        var typed = Content.Inflections.Key(term);
        if (typed.Length == 0)
            return [];
        var maxDistance = typed.Length <= 4 ? 1 : typed.Length <= 8 ? 2 : 3;
        var found = new List<(string Key, int Rank)>();
        // Three rows for every key compared made a miss over 40,000 headwords cost 17-31 ms (docs/PERFORMANCE.md):
        // the rows are made once, as long as the longest key that is compared.
        var rows = new Rows(typed.Length + maxDistance + 1);
        foreach (var key in headwords)
        {
            var prefix = key.Length >= 3 && (key.StartsWith(typed, StringComparison.Ordinal) || typed.StartsWith(key, StringComparison.Ordinal));
            var distance = Math.Abs(key.Length - typed.Length) <= maxDistance ? Distance(typed, key, maxDistance, rows) : int.MaxValue;
            if (distance <= maxDistance || prefix)
                found.Add((key, Math.Min(distance, prefix ? maxDistance : int.MaxValue)));
        }

        // A key both a server's own and the shipped articles have is listed twice.
        return found.DistinctBy(f => f.Key).OrderBy(f => f.Rank)
            .ThenBy(f => Math.Abs(f.Key.Length - typed.Length))
            .ThenBy(f => f.Key, StringComparer.Ordinal)
            .Take(limit).Select(f => f.Key).ToList();
    }

    /// <summary>Edit distance with adjacent swaps (optimal string alignment); anything over <paramref name="max"/> is max + 1.</summary>
    public static int Distance(string a, string b, int max) => Distance(a, b, max, new Rows(b.Length + 1));

    private static int Distance(string a, string b, int max, Rows rows)
    {
        var (previous2, previous, current) = (rows.A, rows.B, rows.C);
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
                return max + 1;
            (previous2, previous, current) = (previous, current, previous2);
        }

        return Math.Min(previous[b.Length], max + 1);
    }

    /// <summary>The three rows of the distance table, long enough for the longest key compared.</summary>
    private sealed class Rows(int length)
    {
        public int[] A { get; } = new int[length];

        public int[] B { get; } = new int[length];

        public int[] C { get; } = new int[length];
    }
}
