using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Localization;
using VocabBot.Chat;
using VocabBot.Learning.Summary;
using VocabBot.Library;

namespace VocabBot.Learning.Quiz;

/// <summary>
/// Questions from the corrected summaries: one sentence of the learner's that the correction changed in two or more
/// places, and four versions of it, the fully corrected one and three that leave at least one mistake in (where it
/// can, each leaves exactly one: the reader must find the last mistake). The options are shown in the message with
/// letters on the buttons, so a version may be longer than a button label; a sentence longer than
/// <see cref="MaxSentenceLength"/> is left out, so that four versions fit one card field.
/// </summary>
internal sealed class CorrectionQuestions(Random random, IStringLocalizer<LearningText> text)
{
    public const int MinChanges = 2;
    public const int MaxSentenceLength = 250;
    public const string KeyPrefix = "correction:";

    /// <summary>
    /// The key a correction question is scored under: "correction:{article}#{sentence}", with the sentence's number in
    /// the summary (from 1). It is no word's key, so no word's memory or /define is touched by it.
    /// </summary>
    public static string KeyOf(string articleId, int sentence) => $"{KeyPrefix}{articleId}#{sentence.ToString(CultureInfo.InvariantCulture)}";

    // Each article's askable sentences, diffed once per article object: a library keeps its articles until an import
    // or an upload replaces them, and diffing every summary of 1,000 articles took /quiz from 2 to 23 ms a call.
    private static readonly ConditionalWeakTable<LibraryArticle, (SentencePair Pair, WordDiff Diff)[]> Diffed = new();

    /// <summary>The sentences of an article that make a question; none when its summary has no correction.</summary>
    public static IReadOnlyList<(SentencePair Pair, WordDiff Diff)> Askable(LibraryArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return Diffed.GetValue(article, static a => string.IsNullOrWhiteSpace(a.Summary) || string.IsNullOrWhiteSpace(a.CorrectedSummary)
            ? []
            : [.. SentencePairs.Of(a.Summary, a.CorrectedSummary)
                .Where(p => Math.Max(p.Learner.Length, p.Corrected.Length) <= MaxSentenceLength)
                .Select(p => (Pair: p, Diff: p.Diff()))
                .Where(p => p.Diff.Changes >= MinChanges)]);
    }

    /// <summary>Up to <paramref name="count"/> questions from the articles, taken in random order, sentences too.</summary>
    public List<QuizQuestion> Build(IReadOnlyList<LibraryArticle> articles, int count)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var questions = new List<QuizQuestion>(Math.Max(0, count));
        if (count <= 0)
            return questions;
        var withCorrection = articles.Where(a => !string.IsNullOrWhiteSpace(a.CorrectedSummary)).ToArray();
        random.Shuffle(withCorrection);
        foreach (var article in withCorrection)
        {
            var askable = Askable(article).ToArray();
            random.Shuffle(askable);
            foreach (var (pair, diff) in askable)
            {
                if (questions.Count == count)
                    return questions;
                if (Question(article, pair, diff) is { } question)
                    questions.Add(question);
            }
        }

        return questions;
    }

    /// <summary>Puts the corrections among the word questions: every <see cref="QuizKinds.CorrectionEvery"/>th question, or last.</summary>
    public static void MixInto(List<QuizQuestion> questions, IReadOnlyList<QuizQuestion> corrections)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(corrections);
        for (var i = 0; i < corrections.Count; i++)
            questions.Insert(Math.Min((QuizKinds.CorrectionEvery * (i + 1)) - 1, questions.Count), corrections[i]);
    }

    /// <summary>Why /quiz kind:correction has nothing to ask, for one article or (null) the whole library.</summary>
    public string NoneToAsk(LibraryArticle? article) => article switch
    {
        null => text["CorrectionNoneToAsk"],
        { CorrectedSummary: null or "" } => text["CorrectionNoSummary", article.Title],
        _ => text["CorrectionTooFewChanges", article.Title, MinChanges, MaxSentenceLength],
    };

    private QuizQuestion? Question(LibraryArticle article, SentencePair pair, WordDiff diff)
    {
        var right = diff.Corrected;
        var wrong = WrongVersions(diff.Changes)
            .Select(applied => diff.Apply(i => applied[i]))
            .Where(v => v != right && v.Length <= MaxSentenceLength)
            .Distinct(StringComparer.Ordinal)
            .Take(QuizBuilder.OptionCount - 1)
            .ToList();
        if (wrong.Count < QuizBuilder.OptionCount - 1)
            return null;

        var options = wrong.Append(right).ToArray();
        random.Shuffle(options);
        return new QuizQuestion
        {
            WordKey = KeyOf(article.Id, pair.Number),
            Headword = article.Title,
            Kind = QuestionKind.Correction,
            Prompt = text["QuestionCorrection", article.Title, ChatMarkup.Escape(diff.Learner)],
            Options = [.. options],
            Answer = Array.IndexOf(options, right),
            Meaning = diff.Markup(),
            Example = diff.Learner,
        };
    }

    /// <summary>
    /// Which changes each wrong version applies: every one but one (in random order), then none (the learner's own
    /// sentence), then, for a sentence whose versions came out alike, other mixes of some (fewest missing first).
    /// </summary>
    private IEnumerable<bool[]> WrongVersions(int changes)
    {
        var allButOne = Enumerable.Range(0, changes).ToArray();
        random.Shuffle(allButOne);
        foreach (var missing in allButOne)
            yield return [.. Enumerable.Range(0, changes).Select(i => i != missing)];
        yield return new bool[changes];
        for (var missing = 2; missing < changes; missing++)
        {
            for (var first = 0; first + missing <= changes; first++)
                yield return [.. Enumerable.Range(0, changes).Select(i => i < first || i >= first + missing)];
        }
    }
}
