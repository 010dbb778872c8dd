using VocabBot.Content;
using VocabBot.Library;
using VocabBot.Learning.Review;

namespace VocabBot.Learning.Quiz;

/// <summary>
/// Chooses what a quiz asks: due words first, then previously missed ones, then new ones, then the rest. Over a few
/// words (one article) it reads the member's memory of those words; over the whole pool it reads the store's queues
/// a page at a time and probes random words for new ones, so the cost does not grow with the member's memory.
/// </summary>
internal sealed class WordPicker(IReviewStore store, Random random)
{
    /// <summary>Up to this many candidates, the member's memory of each is read at once.</summary>
    public const int FewWords = 1000;

    /// <summary>How many random words of a large pool are looked up for new ones before the quiz settles for known ones.</summary>
    public const int MaxProbes = 2048;

    public List<WordEntry> Pick(string userId, IReadOnlyList<WordEntry> candidates, int count, QuizMode mode, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return candidates.Count <= FewWords
            ? PickAmong(userId, candidates, count, mode, now)
            : PickFromQueues(userId, candidates, candidates.ToDictionary(w => w.Key, StringComparer.Ordinal), count, mode, now);
    }

    /// <summary>From a pool with its words by key (built once per import), through the store's queues.</summary>
    public List<WordEntry> Pick(string userId, QuizPool pool, int count, QuizMode mode, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return pool.Words.Count <= FewWords
            ? PickAmong(userId, pool.Words, count, mode, now)
            : PickFromQueues(userId, pool.Words, pool.ByKey, count, mode, now);
    }

    /// <summary>When the user's next word among <paramref name="candidates"/> falls due, or null when they have none in review.</summary>
    public DateTimeOffset? NextDue(string userId, IReadOnlyList<WordEntry> candidates, IReadOnlyDictionary<string, WordEntry> byKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count <= FewWords)
            return store.Among(userId, [.. candidates.Select(w => w.Key)]).Select(s => (DateTimeOffset?)s.Due).Min();
        return FromQueue(userId, ReviewQueue.Upcoming, byKey, now, 1, []).FirstOrDefault()?.Due;
    }

    private List<WordEntry> PickAmong(string userId, IReadOnlyList<WordEntry> candidates, int count, QuizMode mode, DateTimeOffset now)
    {
        var states = store.Among(userId, [.. candidates.Select(w => w.Key).Distinct(StringComparer.Ordinal)]).ToDictionary(s => s.WordKey, StringComparer.Ordinal);
        var seen = candidates.Where(w => states.ContainsKey(w.Key)).Select(w => (Word: w, State: states[w.Key])).ToList();
        var due = seen.Where(s => s.State.Due <= now).OrderBy(s => s.State.Due).Select(s => s.Word);
        if (mode == QuizMode.Review)
            return due.DistinctBy(w => w.Key).Take(count).ToList();

        var missed = seen.Where(s => s.State.Due > now && !s.State.LastCorrect).OrderBy(s => s.State.LastReview).Select(s => s.Word);
        var fresh = candidates.Where(w => !states.ContainsKey(w.Key)).ToArray();
        random.Shuffle(fresh);
        var rest = seen.Where(s => s.State.Due > now && s.State.LastCorrect).OrderBy(s => s.State.Due).Select(s => s.Word);
        // A server's own and the shipped articles may both have a word: it is asked once.
        return due.Concat(missed).Concat(fresh).Concat(rest).DistinctBy(w => w.Key).Take(count).ToList();
    }

    private List<WordEntry> PickFromQueues(string userId, IReadOnlyList<WordEntry> words, IReadOnlyDictionary<string, WordEntry> byKey, int count, QuizMode mode, DateTimeOffset now)
    {
        var picked = new List<WordEntry>(count);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        void Add(IEnumerable<ReviewEntry> entries)
        {
            foreach (var entry in entries)
            {
                if (taken.Add(entry.WordKey))
                    picked.Add(byKey[entry.WordKey]);
            }
        }

        Add(FromQueue(userId, ReviewQueue.Due, byKey, now, count, taken));
        if (mode == QuizMode.Review || picked.Count == count)
            return picked;
        Add(FromQueue(userId, ReviewQueue.Missed, byKey, now, count - picked.Count, taken));
        if (picked.Count < count)
            picked.AddRange(Fresh(userId, words, count - picked.Count, taken));
        if (picked.Count < count)
            Add(FromQueue(userId, ReviewQueue.Learned, byKey, now, count - picked.Count, taken));
        return picked;
    }

    /// <summary>The first <paramref name="count"/> entries of a queue that are words of the pool, a page at a time.</summary>
    private List<ReviewEntry> FromQueue(string userId, ReviewQueue queue, IReadOnlyDictionary<string, WordEntry> byKey, DateTimeOffset now, int count, HashSet<string> taken)
    {
        var page = Math.Max(count * 2, 32);
        var found = new List<ReviewEntry>(count);
        for (var skip = 0; found.Count < count; skip += page)
        {
            var entries = store.Queue(userId, queue, now, skip, page);
            // A word no longer in the content stays in memory; it is passed over, not asked.
            found.AddRange(entries.Where(e => byKey.ContainsKey(e.WordKey) && !taken.Contains(e.WordKey)).Take(count - found.Count));
            if (entries.Count < page)
                break;
        }

        return found;
    }

    /// <summary>Words the member has never answered, in random order, found by looking up random words of the pool in batches.</summary>
    private List<WordEntry> Fresh(string userId, IReadOnlyList<WordEntry> words, int count, HashSet<string> taken)
    {
        const int batch = 64;
        var fresh = new List<WordEntry>(count);
        var tried = new HashSet<int>();
        var probes = Math.Min(MaxProbes, words.Count);
        while (fresh.Count < count && tried.Count < probes)
        {
            var sample = new List<WordEntry>(batch);
            while (sample.Count < batch && tried.Count < probes)
            {
                var index = random.Next(words.Count);
                if (tried.Add(index) && !taken.Contains(words[index].Key))
                    sample.Add(words[index]);
            }

            var known = store.Among(userId, [.. sample.Select(w => w.Key)]).Select(e => e.WordKey).ToHashSet(StringComparer.Ordinal);
            foreach (var word in sample.Where(w => !known.Contains(w.Key)).Take(count - fresh.Count))
            {
                taken.Add(word.Key);
                fresh.Add(word);
            }
        }

        return fresh;
    }
}
