using VocabBot.Content;

namespace VocabBot.Library;

/// <summary>
/// Autocomplete over the sorted headword keys: a binary search finds the typed prefix, so a lookup
/// costs O(log n + 25) however many words there are. Phrases also match on their later words
/// ("acc" finds "get access"), from a second sorted array rebuilt whenever the vocabulary changes.
/// </summary>
internal sealed class HeadwordIndex
{
    public const int MaxResults = 25;

    private readonly Func<IReadOnlyList<string>> _headwords;
    private volatile PhraseWords? _phraseWords;

    public HeadwordIndex(Vocabulary vocabulary)
        : this(() => vocabulary.Headwords)
    {
    }

    internal HeadwordIndex(Func<IReadOnlyList<string>> sortedHeadwords) => _headwords = sortedHeadwords;

    /// <summary>Up to <paramref name="limit"/> headword keys for a typed prefix: the exact word, then the others alphabetically.</summary>
    public IReadOnlyList<string> Complete(string? typed, int limit = MaxResults)
    {
        var keys = _headwords();
        var prefix = Normalize(typed);
        var results = new List<string>(limit);
        for (var i = LowerBound(keys, prefix); i < keys.Count && results.Count < limit && keys[i].StartsWith(prefix, StringComparison.Ordinal); i++)
            results.Add(keys[i]);
        if (results.Count == limit || prefix.Length == 0)
            return results;

        var phrases = PhraseWordsFor(keys);
        for (var i = LowerBound(phrases.Words, prefix); i < phrases.Words.Length && results.Count < limit
            && phrases.Words[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            if (!results.Contains(phrases.Keys[i]))
                results.Add(phrases.Keys[i]);
        }

        return results;
    }

    /// <summary>
    /// Builds the phrase-word array now rather than at the first lookup that needs it: a server's own index is built
    /// when its library loads, and a sort there costs nothing at an autocomplete keystroke.
    /// </summary>
    public void Prepare() => PhraseWordsFor(_headwords());

    /// <summary>What was typed as keys are written: lower case, words apart by one space, none around them.</summary>
    public static string Normalize(string? typed)
    {
        var text = typed ?? "";
        // Most keystrokes are that already: only lowered (which keeps the same string when nothing changes), not split.
        return IsSpacedOnce(text) ? text.ToLowerInvariant()
            : string.Join(' ', text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static bool IsSpacedOnce(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || i == 0 || i == text.Length - 1 || char.IsWhiteSpace(text[i - 1])))
                return false;
        }

        return true;
    }

    private static int LowerBound(IReadOnlyList<string> sorted, string value)
    {
        int low = 0, high = sorted.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (string.CompareOrdinal(sorted[middle], value) < 0)
                low = middle + 1;
            else
                high = middle;
        }

        return low;
    }

    private PhraseWords PhraseWordsFor(IReadOnlyList<string> keys)
    {
        var current = _phraseWords;
        if (current is not null && ReferenceEquals(current.Source, keys))
            return current;
        var pairs = keys
            .SelectMany(key => key.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(word => (Word: word, Key: key)))
            .OrderBy(p => p.Word, StringComparer.Ordinal).ThenBy(p => p.Key, StringComparer.Ordinal)
            .ToArray();
        current = new PhraseWords(keys, pairs.Select(p => p.Word).ToArray(), pairs.Select(p => p.Key).ToArray());
        _phraseWords = current;
        return current;
    }

    private sealed record PhraseWords(IReadOnlyList<string> Source, string[] Words, string[] Keys);
}
