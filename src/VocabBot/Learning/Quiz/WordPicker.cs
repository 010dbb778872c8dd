using VocabBot.Content;
using VocabBot.Learning.Review;

namespace VocabBot.Learning.Quiz;

/// <summary>Chooses what a quiz asks: due words first, then previously missed ones, then new ones, then the rest.</summary>
internal sealed class WordPicker(ReviewMemory memory, Random random)
{
    public List<WordEntry> Pick(string userId, IReadOnlyList<WordEntry> candidates, int count, QuizMode mode, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var states = memory.ForUser(userId).ToDictionary(s => s.WordKey, StringComparer.Ordinal);
        var seen = candidates.Where(w => states.ContainsKey(w.Key)).Select(w => (Word: w, State: states[w.Key])).ToList();
        var due = seen.Where(s => s.State.Due <= now).OrderBy(s => s.State.Due).Select(s => s.Word);
        if (mode == QuizMode.Review)
            return due.Take(count).ToList();

        var missed = seen.Where(s => s.State.Due > now && !s.State.LastCorrect).OrderBy(s => s.State.LastReview).Select(s => s.Word);
        var fresh = candidates.Where(w => !states.ContainsKey(w.Key)).ToArray();
        random.Shuffle(fresh);
        var rest = seen.Where(s => s.State.Due > now && s.State.LastCorrect).OrderBy(s => s.State.Due).Select(s => s.Word);
        return due.Concat(missed).Concat(fresh).Concat(rest).Take(count).ToList();
    }

    /// <summary>When the user's next word falls due, or null when they have none in review.</summary>
    public DateTimeOffset? NextDue(string userId, IReadOnlySet<string> keys) =>
        memory.ForUser(userId).Where(s => keys.Contains(s.WordKey)).Select(s => (DateTimeOffset?)s.Due).Min();
}
