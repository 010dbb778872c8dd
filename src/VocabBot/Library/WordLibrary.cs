using VocabBot.Content;

namespace VocabBot.Library;

/// <summary>One set of words held in memory or read from the shipped folder's import: a server's own articles, or the shipped ones.</summary>
internal interface IWordSource
{
    /// <summary>Every entry (one per article) for a term as typed: any case, inflected, or a phrase.</summary>
    IReadOnlyList<WordDocument> Find(string term);

    /// <summary>The entries of one headword key, one per article that has it.</summary>
    IReadOnlyList<WordDocument> ByKey(string key);

    /// <summary>Distinct headword keys, sorted ordinally.</summary>
    IReadOnlyList<string> Headwords { get; }

    /// <summary>Autocomplete: headword keys for a typed prefix, the exact word first.</summary>
    IReadOnlyList<string> Complete(string? typed, int limit);

    QuizPool Pool { get; }

    IReadOnlyList<LibraryArticle> Articles();

    IReadOnlyList<WordEntry> EntriesOf(string articleId);
}

/// <summary>
/// The words one server sees: its own articles, and the shipped ones unless it turned them off; in direct messages
/// the shipped ones alone. /define, autocomplete, /quiz, /review and the word of the day all read through this, so a
/// word added in one server is never shown in another. Where a word is in both, the server's own entry comes first.
/// </summary>
internal sealed class WordLibrary
{
    private readonly IWordSource? _own;
    private readonly IWordSource? _shipped;
    private volatile CombinedPool? _pool;

    public WordLibrary(IWordSource? own, IWordSource? shipped) => (_own, _shipped) = (own, shipped);

    public static WordLibrary Empty { get; } = new(null, null);

    /// <summary>Whether the server has articles of its own in this library.</summary>
    public bool HasOwn => _own is not null;

    private IEnumerable<IWordSource> Sources => new[] { _own, _shipped }.OfType<IWordSource>();

    public IReadOnlyList<WordDocument> Find(string term)
    {
        var own = _own?.Find(term) ?? [];
        if (own.Count == 0)
            return _shipped?.Find(term) ?? [];
        // Found here: the shipped articles are asked only for that one key, not for every form of the term.
        var shipped = _shipped?.ByKey(own[0].Key) ?? [];
        return shipped.Count == 0 ? own : [.. own, .. shipped];
    }

    public IReadOnlyList<WordDocument> ByKey(string key) => [.. Sources.SelectMany(s => s.ByKey(key))];

    /// <summary>The headword keys of both sources, one after the other, without copying them; a key both have comes twice.</summary>
    public IReadOnlyList<string> Headwords => (_own, _shipped) switch
    {
        ({ } own, { } shipped) => new ConcatList<string>(own.Headwords, shipped.Headwords),
        ({ } own, null) => own.Headwords,
        (null, { } shipped) => shipped.Headwords,
        _ => [],
    };

    public int WordCount => Sources.Sum(s => s.Headwords.Count);

    public IReadOnlyList<string> Complete(string? typed, int limit)
    {
        if (_own is null || _shipped is null)
            return Sources.FirstOrDefault()?.Complete(typed, limit) ?? [];
        var own = _own.Complete(typed, limit);
        var shipped = _shipped.Complete(typed, limit);
        if (own.Count == 0 || shipped.Count == 0)
            return own.Count == 0 ? shipped : own;
        return Merge(own, shipped, HeadwordIndex.Normalize(typed), limit);
    }

    // Each list is already in autocomplete order: the words that begin with what was typed, alphabetically (so the
    // exact word first), then the phrases whose later word does. The two are merged by that order by hand: a LINQ
    // sort here made autocomplete in a server ten times slower than in a direct message (docs/PERFORMANCE.md). A key
    // in both lists meets itself at the merge among the words that begin with the prefix; only a phrase is looked
    // for among those already taken, since that part is ordered by the later word, not the key.
    private static List<string> Merge(IReadOnlyList<string> own, IReadOnlyList<string> shipped, string prefix, int limit)
    {
        var merged = new List<string>(limit);
        int i = 0, j = 0;
        while (merged.Count < limit && (i < own.Count || j < shipped.Count))
        {
            var ownOrder = i < own.Count ? Order(own[i], prefix) : 2;
            var shippedOrder = j < shipped.Count ? Order(shipped[j], prefix) : 2;
            var takeOwn = ownOrder < shippedOrder || (ownOrder == shippedOrder && (ownOrder == 1 || string.CompareOrdinal(own[i], shipped[j]) <= 0));
            var next = takeOwn ? own[i++] : shipped[j++];
            var seen = Math.Min(ownOrder, shippedOrder) == 0
                ? merged.Count > 0 && string.Equals(merged[^1], next, StringComparison.Ordinal)
                : merged.Contains(next, StringComparer.Ordinal);
            if (!seen)
                merged.Add(next);
        }

        return merged;
    }

    private static int Order(string key, string prefix) => key.StartsWith(prefix, StringComparison.Ordinal) ? 0 : 1;

    /// <summary>The quiz pool of both sources, combined without copying and kept until either changes.</summary>
    public QuizPool Pool
    {
        get
        {
            if (_own is null || _shipped is null)
                return Sources.FirstOrDefault()?.Pool ?? QuizPool.Empty;
            var (own, shipped) = (_own.Pool, _shipped.Pool);
            if (_pool is { } cached && ReferenceEquals(cached.Own, own) && ReferenceEquals(cached.Shipped, shipped))
                return cached.Pool;
            var pool = QuizPool.Combine(own, shipped);
            _pool = new CombinedPool(own, shipped, pool);
            return pool;
        }
    }

    /// <summary>The server's own articles, then the shipped ones.</summary>
    public IReadOnlyList<LibraryArticle> Articles() => [.. Sources.SelectMany(s => s.Articles())];

    /// <summary>The entries of one article, one per key; the server's own article where a shipped one has the same name.</summary>
    public IReadOnlyList<WordEntry> EntriesOf(string articleId) =>
        Sources.Select(s => s.EntriesOf(articleId)).FirstOrDefault(e => e.Count > 0) ?? [];

    private sealed record CombinedPool(QuizPool Own, QuizPool Shipped, QuizPool Pool);
}
