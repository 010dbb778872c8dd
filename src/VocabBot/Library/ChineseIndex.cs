using VocabBot.Content;

namespace VocabBot.Library;

/// <summary>
/// Chinese to English: every Chinese meaning of a library's words, sorted, with its word's key, so that
/// /define 合約 finds contract and autocomplete on 處理 offers processor, by binary search like the headwords.
/// </summary>
internal sealed class ChineseIndex
{
    private readonly string[] _meanings;
    private readonly string[] _keys;

    public ChineseIndex(IReadOnlyList<WordEntry> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var pairs = words
            .SelectMany(w => w.Chinese.Select(meaning => (Meaning: meaning.Trim(), w.Key)))
            .Where(p => p.Meaning.Length > 0)
            .Distinct()
            .OrderBy(p => p.Meaning, StringComparer.Ordinal).ThenBy(p => p.Key, StringComparer.Ordinal)
            .ToArray();
        _meanings = [.. pairs.Select(p => p.Meaning)];
        _keys = [.. pairs.Select(p => p.Key)];
    }

    /// <summary>Whether a term is asked in Chinese: it has a CJK ideograph.</summary>
    public static bool IsChinese(string? term) => term is not null && term.Any(c => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF');

    /// <summary>The key of the word a Chinese meaning belongs to: the meaning as typed, else the first meaning it begins.</summary>
    public string? Find(string typed)
    {
        var term = typed.Trim();
        var first = LowerBound(term);
        return first < _meanings.Length && _meanings[first].StartsWith(term, StringComparison.Ordinal) ? _keys[first] : null;
    }

    /// <summary>Keys of the words whose Chinese meaning begins with what was typed, exact meanings first.</summary>
    public IReadOnlyList<string> Complete(string? typed, int limit)
    {
        var term = typed?.Trim() ?? "";
        var keys = new List<string>(limit);
        for (var i = LowerBound(term); i < _meanings.Length && keys.Count < limit && _meanings[i].StartsWith(term, StringComparison.Ordinal); i++)
        {
            if (!keys.Contains(_keys[i]))
                keys.Add(_keys[i]);
        }

        return keys;
    }

    private int LowerBound(string value)
    {
        int low = 0, high = _meanings.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (string.CompareOrdinal(_meanings[middle], value) < 0)
                low = middle + 1;
            else
                high = middle;
        }

        return low;
    }
}
