using System.Collections;
using System.Diagnostics.CodeAnalysis;
using VocabBot.Content;

namespace VocabBot.Library;

/// <summary>
/// The words a quiz draws its distractors from, grouped by part of speech. Grouping 40,000 words
/// on every /quiz cost more than the rest of the quiz together, so each library keeps one per change.
/// A server's library with its own articles and the shipped ones combines their two pools without copying either.
/// </summary>
internal sealed class QuizPool
{
    public static readonly QuizPool Empty = new([]);

    public QuizPool(IReadOnlyList<WordEntry> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        Words = words;
        var groups = new Dictionary<string, List<WordEntry>>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            foreach (var part in PartsOfSpeech(word.PartOfSpeech))
            {
                if (!groups.TryGetValue(part, out var list))
                    groups[part] = list = [];
                list.Add(word);
            }
        }

        ByPartOfSpeech = groups.ToDictionary(g => g.Key, g => (IReadOnlyList<WordEntry>)g.Value, StringComparer.Ordinal);
        ByKey = words.DistinctBy(w => w.Key).ToDictionary(w => w.Key, StringComparer.Ordinal);
    }

    private QuizPool(IReadOnlyList<WordEntry> words, IReadOnlyDictionary<string, WordEntry> byKey, IReadOnlyDictionary<string, IReadOnlyList<WordEntry>> byPartOfSpeech) =>
        (Words, ByKey, ByPartOfSpeech) = (words, byKey, byPartOfSpeech);

    /// <summary>Every word; in a combined pool a word both libraries have is in it twice.</summary>
    public IReadOnlyList<WordEntry> Words { get; }

    /// <summary>The words by key: one word per key in a pool, the first library's where both have it.</summary>
    public IReadOnlyDictionary<string, WordEntry> ByKey { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<WordEntry>> ByPartOfSpeech { get; }

    /// <summary>Both pools as one, <paramref name="first"/>'s entry winning for a key both have; nothing is copied.</summary>
    public static QuizPool Combine(QuizPool first, QuizPool second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (second.Words.Count == 0)
            return first;
        if (first.Words.Count == 0)
            return second;
        var parts = first.ByPartOfSpeech.Keys.Union(second.ByPartOfSpeech.Keys, StringComparer.Ordinal).ToDictionary(
            part => part,
            part => (IReadOnlyList<WordEntry>)new ConcatList<WordEntry>(first.ByPartOfSpeech.GetValueOrDefault(part, []), second.ByPartOfSpeech.GetValueOrDefault(part, [])),
            StringComparer.Ordinal);
        return new QuizPool(new ConcatList<WordEntry>(first.Words, second.Words), new EitherLookup(first.ByKey, second.ByKey), parts);
    }

    public static IEnumerable<string> PartsOfSpeech(string partOfSpeech) =>
        partOfSpeech.Split(['/', ',', ' ', '&'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.TrimEnd('.').ToLowerInvariant())
            .Distinct(StringComparer.Ordinal);

    /// <summary>Two lookups as one: the first's value where both have a key.</summary>
    private sealed class EitherLookup(IReadOnlyDictionary<string, WordEntry> first, IReadOnlyDictionary<string, WordEntry> second) : IReadOnlyDictionary<string, WordEntry>
    {
        public WordEntry this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

        public IEnumerable<string> Keys => this.Select(p => p.Key);

        public IEnumerable<WordEntry> Values => this.Select(p => p.Value);

        public int Count => first.Count + second.Keys.Count(k => !first.ContainsKey(k));

        public bool ContainsKey(string key) => first.ContainsKey(key) || second.ContainsKey(key);

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out WordEntry value) =>
            first.TryGetValue(key, out value) || second.TryGetValue(key, out value);

        public IEnumerator<KeyValuePair<string, WordEntry>> GetEnumerator() =>
            first.Concat(second.Where(p => !first.ContainsKey(p.Key))).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>Two read-only lists seen as one, without copying.</summary>
internal sealed class ConcatList<T>(IReadOnlyList<T> first, IReadOnlyList<T> second) : IReadOnlyList<T>
{
    public T this[int index] => index < first.Count ? first[index] : second[index - first.Count];

    public int Count => first.Count + second.Count;

    public IEnumerator<T> GetEnumerator() => first.Concat(second).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
