namespace VocabBot.Learning.Review;

/// <summary>
/// One member's review entries kept in order in memory, for the LiteDB store: by due time, the missed ones by their
/// last review, and the count of words learned, each updated as an entry changes.
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
                _learned -= old.LastCorrect ? 1 : 0;
            }

            _byKey[entry.WordKey] = entry;
            _byDue.Add(entry);
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
            var later = Later(now);
            return new ReviewSummary(_learned, _byDue.Count - later.Count, later.Count == 0 ? null : later.Min!.Due);
        }
    }

    private IEnumerable<ReviewEntry> DueBy(DateTimeOffset now) => _byDue.TakeWhile(e => e.Due <= now);

    // "" sorts before every key, so this is the first entry due after now.
    private SortedSet<ReviewEntry> Later(DateTimeOffset now) =>
        _byDue.Count == 0 || _byDue.Max!.Due <= now ? [] : _byDue.GetViewBetween(new ReviewEntry("", now.AddTicks(1), now, false), _byDue.Max);
}
