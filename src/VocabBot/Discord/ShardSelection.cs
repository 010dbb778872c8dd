using System.Globalization;

namespace VocabBot.Discord;

/// <summary>
/// Which of the bot's gateway shards this process runs: all of them (the default), or the ids Discord:ShardIds
/// lists ("0-3", "0,2", "4-7,9"). Also the arithmetic of growing the shard count after close 4011.
/// </summary>
internal sealed class ShardSelection
{
    /// <summary>Far beyond any bot's needs (Discord asks for a shard per 2,500 servers); bounds a typo like "0-99999999".</summary>
    public const int MaxShardCount = 10000;

    private ShardSelection(IReadOnlyList<int>? ids) => Ids = ids;

    public static ShardSelection All { get; } = new(null);

    /// <summary>The listed ids in order, or null for all shards.</summary>
    public IReadOnlyList<int>? Ids { get; }

    /// <summary>The shard ids this process runs when the bot has <paramref name="count"/> shards.</summary>
    public IReadOnlyList<int> Resolve(int count) => Ids ?? [.. Enumerable.Range(0, count)];

    /// <summary>Reads Discord:ShardIds; null or empty (or "all") means all shards. The problem is null when it parsed.</summary>
    public static ShardSelection? Parse(string? text, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Equals("all", StringComparison.OrdinalIgnoreCase))
            return All;
        var ids = new SortedSet<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length is < 1 or > 2 || !bounds.All(IsId))
            {
                problem = $"'{text}' is not a list of shard ids: give ids and ranges such as 0-3 or 0,2 (or nothing, for all shards)";
                return null;
            }
            var (first, last) = (ParseId(bounds[0]), ParseId(bounds[^1]));
            if (first > last)
            {
                problem = $"'{part}' in '{text}' is a range that runs backwards: write it low-high, e.g. {last}-{first}";
                return null;
            }
            for (var id = first; id <= last; id++)
                ids.Add(id);
        }
        return new ShardSelection([.. ids]);
    }

    /// <summary>
    /// After close 4011: the recommendation, if larger, else twice the count, rounded up to a multiple of the count,
    /// so that every old shard splits into whole new ones (<see cref="Split"/>).
    /// </summary>
    public static int GrownCount(int count, int recommended)
    {
        var wanted = Math.Max(recommended, count * 2);
        return (wanted + count - 1) / count * count;
    }

    /// <summary>
    /// The new shards that carry exactly the servers <paramref name="ids"/> carried: shard s of n holds the servers with
    /// (id &gt;&gt; 22) % n == s, which are those of shards s, s + n, s + 2n... of a multiple of n. So processes that
    /// split the shards each grow their own share and still cover every server once, without talking to each other.
    /// </summary>
    public static IReadOnlyList<int> Split(IReadOnlyList<int> ids, int count, int grown) =>
        [.. ids.SelectMany(id => Enumerable.Range(0, grown / count).Select(k => id + k * count)).Order()];

    /// <summary>Ids for a log line: runs shortened, "0-3,6".</summary>
    public static string Format(IEnumerable<int> ids)
    {
        var runs = new List<string>();
        int? start = null, previous = null;
        foreach (var id in ids.Order())
        {
            if (previous is { } p && id == p + 1)
            {
                previous = id;
                continue;
            }
            if (start is not null)
                runs.Add(Run(start.Value, previous!.Value));
            (start, previous) = (id, id);
        }
        if (start is not null)
            runs.Add(Run(start.Value, previous!.Value));
        return string.Join(',', runs);
    }

    private static string Run(int first, int last) => first == last
        ? first.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{first}-{last}");

    private static bool IsId(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id < MaxShardCount;

    private static int ParseId(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}
