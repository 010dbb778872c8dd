namespace VocabBot.Learning.Review;

/// <summary>Keeps each user's FSRS memory of each word in the <see cref="IReviewStore"/>.</summary>
internal sealed class ReviewMemory(IReviewStore store)
{
    /// <summary>Updates the user's memory of a word after an answer: right is Good, wrong is Again.</summary>
    public MemoryState Record(string userId, string wordKey, bool correct, DateTimeOffset now)
    {
        var state = store.Find(userId, wordKey);
        var rating = correct ? Rating.Good : Rating.Again;
        // Elapsed time counts in fractional days: a chat quiz may bring a word back within hours.
        var memory = state is null
            ? Fsrs.Next(null, 0, rating)
            : Fsrs.Next(new FsrsMemory(state.Stability, state.Difficulty), (now - state.LastReview).TotalDays, rating);
        state ??= new MemoryState { Id = MemoryState.IdFor(userId, wordKey), UserId = userId, WordKey = wordKey };
        state.Stability = memory.Stability;
        state.Difficulty = memory.Difficulty;
        state.LastReview = now;
        state.Due = now.AddDays(Fsrs.IntervalDays(memory.Stability));
        state.Reviews++;
        state.Lapses += correct ? 0 : 1;
        state.LastCorrect = correct;
        store.Save(state);
        return state;
    }

    public MemoryState? Find(string userId, string wordKey) => store.Find(userId, wordKey);
}
