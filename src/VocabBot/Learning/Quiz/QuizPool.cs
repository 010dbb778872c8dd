using VocabBot.Content;

namespace VocabBot.Learning.Quiz;

/// <summary>
/// The words a quiz draws its distractors from, grouped by part of speech. Grouping 40,000 words
/// on every /quiz cost more than the rest of the quiz together, so QuizCommands keeps one per import.
/// </summary>
internal sealed class QuizPool
{
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

        ByPartOfSpeech = groups;
        ByKey = words.ToDictionary(w => w.Key, StringComparer.Ordinal);
    }

    public IReadOnlyList<WordEntry> Words { get; }

    /// <summary>The words by key: one word per key in a pool.</summary>
    public IReadOnlyDictionary<string, WordEntry> ByKey { get; }

    public IReadOnlyDictionary<string, List<WordEntry>> ByPartOfSpeech { get; }

    public static IEnumerable<string> PartsOfSpeech(string partOfSpeech) =>
        partOfSpeech.Split(['/', ',', ' ', '&'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.TrimEnd('.').ToLowerInvariant())
            .Distinct(StringComparer.Ordinal);
}
