using VocabBot.Content;

namespace VocabBot.Learning.Quiz;

/// <summary>
/// Turns words into questions of mixed kinds. Distractors share the part of speech where the pool
/// allows, never share a meaning with the right answer, never repeat, and all order is random.
/// </summary>
public sealed class QuizBuilder(Random random)
{
    public const int OptionCount = 4;
    private static readonly QuestionKind[] Kinds = Enum.GetValues<QuestionKind>();

    /// <summary>Questions for <paramref name="targets"/>, skipping any the pool has too few distractors for.</summary>
    public List<QuizQuestion> Build(IReadOnlyList<WordDocument> targets, IReadOnlyList<WordDocument> pool)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var questions = new List<QuizQuestion>();
        var next = random.Next(Kinds.Length);
        foreach (var word in targets)
        {
            var cloze = Cloze.Make(word.Example, word.Headword);
            var kind = Kinds[next++ % Kinds.Length];
            if (kind == QuestionKind.Cloze && cloze is null)
                kind = random.Next(2) == 0 ? QuestionKind.Meaning : QuestionKind.Reverse;
            if (Question(word, kind, cloze, pool) is { } question)
                questions.Add(question);
        }

        return questions;
    }

    private QuizQuestion? Question(WordDocument word, QuestionKind kind, string? cloze, IReadOnlyList<WordDocument> pool)
    {
        if (word.Chinese.Count == 0)
            return null;
        Func<WordDocument, string> optionOf = kind == QuestionKind.Meaning ? Meaning : w => w.Headword;
        var right = optionOf(word);
        var distractors = Distractors(word, pool, optionOf, right);
        if (distractors.Count < OptionCount - 1)
            return null;

        var options = distractors.Append(right).ToArray();
        random.Shuffle(options);
        return new QuizQuestion
        {
            WordKey = word.Key,
            Headword = word.Headword,
            Kind = kind,
            Prompt = kind switch
            {
                QuestionKind.Meaning => $"What does “{word.Headword}” mean?",
                QuestionKind.Reverse => $"Which word means “{Meaning(word)}”?",
                _ => $"Fill in the blank: {cloze}",
            },
            Options = [.. options],
            Answer = Array.IndexOf(options, right),
            Meaning = Meaning(word),
            Example = word.Example,
        };
    }

    private List<string> Distractors(WordDocument word, IReadOnlyList<WordDocument> pool, Func<WordDocument, string> optionOf, string right)
    {
        var meanings = word.Chinese.ToHashSet(StringComparer.Ordinal);
        var speech = PartsOfSpeech(word.PartOfSpeech);
        var candidates = pool
            .Where(w => w.Key != word.Key && w.Chinese.Count > 0 && !w.Chinese.Any(meanings.Contains))
            .ToArray();
        random.Shuffle(candidates);
        var chosen = new List<string>(OptionCount - 1);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { right };
        foreach (var candidate in candidates.OrderBy(c => PartsOfSpeech(c.PartOfSpeech).Overlaps(speech) ? 0 : 1))
        {
            if (chosen.Count == OptionCount - 1)
                break;
            if (seen.Add(optionOf(candidate)))
                chosen.Add(optionOf(candidate));
        }

        return chosen;
    }

    private static string Meaning(WordDocument word) => string.Join("；", word.Chinese);

    private static HashSet<string> PartsOfSpeech(string partOfSpeech) =>
        partOfSpeech.Split(['/', ',', ' ', '&'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.TrimEnd('.').ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
}
