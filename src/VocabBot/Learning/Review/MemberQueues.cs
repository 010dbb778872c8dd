namespace VocabBot.Learning.Review;

/// <summary>
/// One member's review entries kept in order in memory, for the LiteDB store: by due time, the missed ones by their
/// last review, the due times alone in a sorted array (so counting those due is a binary search, not a walk), and
/// the count of words learned, each updated as an entry changes.
/// </summary>
internal sealed class MemberQueues(int version)
{
    private static readonly Comparer<ReviewEntry> ByDue = Comparer<ReviewEntry>.Create((a, b) =>
        a.Due != b.Due ? a.Due.CompareTo(b.Due) : string.CompareOrdinal(a.WordKey, b.WordKey));

    private static readonly Comparer<ReviewEntry> ByLastReview = Comparer<ReviewEntry>.Create((a, b) =>
        a.LastReview != b.LastReview ? a.LastReview.CompareTo(b.LastReview) : string.CompareOrdinal(a.WordKey, b.WordKey));

    private readonly Dictionary<string, ReviewEntry> _byKey = new(StringComparer.Ordinal);
    private readonly SortedSet<ReviewEntry> _byDue = new(ByDue);
    private readonly SortedSet<ReviewEntry> _missed = new(ByLastReview);
    // Moving up to 40,000 longs on a write costs microseconds; counting through the SortedSet cost 2.5 ms a /stats.
    private readonly List<long> _dueTicks = [];
    private readonly Lock _gate = new();
    private int _learned;

    /// <summary>The database's cache version when these were read.</summary>
    public int Version { get; } = version;

    public void Set(ReviewEntry entry)
    {
        lock (_gate)
        {
            if (_byKey.Remove(entry.WordKey, out var old))
            {
                _byDue.Remove(old);
                _missed.Remove(old);
                _dueTicks.RemoveAt(_dueTicks.BinarySearch(old.Due.UtcTicks));
                _learned -= old.LastCorrect ? 1 : 0;
            }

            _byKey[entry.WordKey] = entry;
            _byDue.Add(entry);
            var index = _dueTicks.BinarySearch(entry.Due.UtcTicks);
            _dueTicks.Insert(index >= 0 ? index : ~index, entry.Due.UtcTicks);
            if (!entry.LastCorrect)
                _missed.Add(entry);
            _learned += entry.LastCorrect ? 1 : 0;
        }
    }

    public List<ReviewEntry> Among(IEnumerable<string> wordKeys)
    {
        lock (_gate)
            return [.. wordKeys.Select(key => _byKey.GetValueOrDefault(key)).OfType<ReviewEntry>()];
    }

    public List<ReviewEntry> Queue(ReviewQueue queue, DateTimeOffset now, int skip, int take)
    {
        lock (_gate)
        {
            var entries = queue switch
            {
                ReviewQueue.Due => DueBy(now),
                ReviewQueue.Missed => _missed.Where(e => e.Due > now),
                ReviewQueue.Learned => Later(now).Where(e => e.LastCorrect),
                _ => Later(now),
            };
            return [.. entries.Skip(skip).Take(take)];
        }
    }

    public ReviewSummary Summary(DateTimeOffset now)
    {
        lock (_gate)
        {
            var dueNow = DueCount(now);
            return new ReviewSummary(_learned, dueNow, dueNow == _dueTicks.Count ? null : new DateTimeOffset(_dueTicks[dueNow], TimeSpan.Zero));
        }
    }

    /// <summary>How many are due at or before now: the position of the first due time after it.</summary>
    private int DueCount(DateTimeOffset now)
    {
        var (low, high) = (0, _dueTicks.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_dueTicks[middle] <= now.UtcTicks)
                low = middle + 1;
            else
                high = middle;
        }

        return low;
    }

    private IEnumerable<ReviewEntry> DueBy(DateTimeOffset now) => _byDue.TakeWhile(e => e.Due <= now);

    // "" sorts before every key, so this is the first entry due after now.
    private SortedSet<ReviewEntry> Later(DateTimeOffset now) =>
        _byDue.Count == 0 || _byDue.Max!.Due <= now ? [] : _byDue.GetViewBetween(new ReviewEntry("", now.AddTicks(1), now, false), _byDue.Max);
}
