using Microsoft.Extensions.Localization;
using VocabBot.Content;
using VocabBot.Library;

namespace VocabBot.Learning.Quiz;

/// <summary>
/// Turns words into questions of mixed kinds. Distractors share the part of speech where the pool
/// allows, never share a meaning with the right answer, never repeat, and all order is random.
/// </summary>
internal sealed class QuizBuilder(Random random, IStringLocalizer<LearningText> text)
{
    public const int OptionCount = 4;
    private static readonly QuestionKind[] Kinds = [QuestionKind.Meaning, QuestionKind.Reverse, QuestionKind.Cloze];

    /// <summary>Questions for <paramref name="targets"/>, skipping any the pool has too few distractors for.</summary>
    public List<QuizQuestion> Build(IReadOnlyList<WordEntry> targets, IReadOnlyList<WordEntry> pool) =>
        Build(targets, new QuizPool(pool));

    /// <summary>
    /// Questions for <paramref name="targets"/>, skipping any the pool has too few distractors for; all of kind
    /// <paramref name="only"/> when given (a word whose example cannot be blanked is then no cloze, and is skipped).
    /// </summary>
    public List<QuizQuestion> Build(IReadOnlyList<WordEntry> targets, QuizPool pool, QuestionKind? only = null)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(pool);
        var byPartOfSpeech = pool.ByPartOfSpeech;
        var questions = new List<QuizQuestion>();
        var next = random.Next(Kinds.Length);
        foreach (var word in targets)
        {
            var found = Cloze.Find(word.Example, word.Headword);
            var cloze = found?.Blanked;
            var kind = only ?? Kinds[next++ % Kinds.Length];
            if (kind == QuestionKind.Cloze && cloze is null && only is not null)
                continue;
            if (kind == QuestionKind.Cloze && cloze is null)
                kind = random.Next(2) == 0 ? QuestionKind.Meaning : QuestionKind.Reverse;
            var samePartOfSpeech = QuizPool.PartsOfSpeech(word.PartOfSpeech).SelectMany(p => byPartOfSpeech.GetValueOrDefault(p, [])).ToList();
            var form = found is { } blank ? WordForms.FormOf(word.Headword, blank.Used) ?? WordForm.Base : WordForm.Base;
            if (InForm(word, form) is null)
                form = WordForm.Base;
            if (Question(word, kind, cloze, form, [samePartOfSpeech, pool.Words]) is { } question)
                questions.Add(question);
        }

        return questions;
    }

    private QuizQuestion? Question(WordEntry word, QuestionKind kind, string? cloze, WordForm form, IReadOnlyList<WordEntry>[] pools)
    {
        if (word.Chinese.Count == 0)
            return null;
        // A cloze's options take the form its sentence needs; a word that cannot be put in that form safely is passed over.
        Func<WordEntry, string?> optionOf = kind switch
        {
            QuestionKind.Meaning => Meaning,
            QuestionKind.Cloze when form != WordForm.Base => w => InForm(w, form),
            _ => w => w.Headword,
        };
        if (optionOf(word) is not { } right)
            return null;
        var distractors = Distractors(word, pools, optionOf, right);
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
                QuestionKind.Meaning => text["QuestionMeaning", word.Headword],
                QuestionKind.Reverse => text["QuestionReverse", Meaning(word)],
                _ => text["QuestionCloze", cloze ?? ""],
            },
            Options = [.. options],
            Answer = Array.IndexOf(options, right),
            Meaning = Meaning(word),
            Example = word.Example,
        };
    }

    // Draws at random until three fit: first words of the same part of speech and the same shape (a phrase among
    // phrases, a single word among single words, so the odd one out does not give the answer away), then of the
    // same part of speech, then of the same shape from all words, then any word. It looks at only as many words as
    // it needs, so a pool of 40,000 costs what a pool of 40 does; a pass that filters by shape gives up after
    // ShapeTries draws, where a pool has (almost) no phrases.
    private List<string> Distractors(WordEntry word, IReadOnlyList<WordEntry>[] pools, Func<WordEntry, string?> optionOf, string right)
    {
        var meanings = word.Chinese.ToHashSet(StringComparer.Ordinal);
        var chosen = new List<string>(OptionCount - 1);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { right };
        var phrase = IsPhrase(word);
        foreach (var pool in pools)
        {
            foreach (var sameShape in (bool[])[true, false])
            {
                var tries = 0;
                foreach (var candidate in RandomOrder(pool))
                {
                    if (chosen.Count == OptionCount - 1)
                        return chosen;
                    if (sameShape && ++tries > ShapeTries)
                        break;
                    if ((!sameShape || IsPhrase(candidate) == phrase) && candidate.Key != word.Key && candidate.Chinese.Count > 0
                        && !candidate.Chinese.Any(meanings.Contains) && optionOf(candidate) is { } option && seen.Add(option))
                        chosen.Add(option);
                }
            }
        }

        return chosen;
    }

    private const int ShapeTries = 200;

    private static bool IsPhrase(WordEntry word) => word.Headword.Trim().Contains(' ', StringComparison.Ordinal);

    /// <summary>The items in random order, drawn lazily (a Fisher-Yates shuffle that records only the swaps it made).</summary>
    private IEnumerable<T> RandomOrder<T>(IReadOnlyList<T> items)
    {
        var swapped = new Dictionary<int, int>();
        for (var i = 0; i < items.Count; i++)
        {
            var j = random.Next(i, items.Count);
            var pick = swapped.GetValueOrDefault(j, j);
            swapped[j] = swapped.GetValueOrDefault(i, i);
            yield return items[pick];
        }
    }

    // -ed and -ing are verb forms: a noun is not offered as "contracted"; -s fits nouns and verbs alike.
    private static string? InForm(WordEntry word, WordForm form) =>
        form == WordForm.S || QuizPool.PartsOfSpeech(word.PartOfSpeech).Any(p => p.StartsWith('v'))
            ? WordForms.Inflect(word.Headword, form)
            : null;

    private static string Meaning(WordEntry word) => string.Join("；", word.Chinese);
}
