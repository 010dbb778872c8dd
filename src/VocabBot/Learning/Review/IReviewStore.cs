namespace VocabBot.Learning.Review;

/// <summary>
/// Each member's memory of each word, in LiteDB (<see cref="LiteDbReviewStore"/>) or PostgreSQL
/// (<see cref="PostgresReviewStore"/>); one contract test class runs against both. No call reads a member's whole
/// memory: the queues come in pages, in order, and the summary is counted through indexes (or, in LiteDB, kept).
/// </summary>
internal interface IReviewStore
{
    MemoryState? Find(string userId, string wordKey);

    /// <summary>Stores the state, new or changed; inside an <see cref="Storage.IStoreTransactions"/> run, with the answer's other writes.</summary>
    void Save(MemoryState state);

    /// <summary>The member's entries for these words, those they have: for a quiz over a few words, such as one article's.</summary>
    IReadOnlyList<ReviewEntry> Among(string userId, IReadOnlyCollection<string> wordKeys);

    /// <summary>One page of a queue of the member's words, in the queue's order.</summary>
    IReadOnlyList<ReviewEntry> Queue(string userId, ReviewQueue queue, DateTimeOffset now, int skip, int take);

    /// <summary>What /stats shows: words learned (last answer right), words due now, and when the next one falls due.</summary>
    ReviewSummary Summary(string userId, DateTimeOffset now);
}

/// <summary>A word in a member's review, as much of it as choosing and counting need.</summary>
internal sealed record ReviewEntry(string WordKey, DateTimeOffset Due, DateTimeOffset LastReview, bool LastCorrect)
{
    public static ReviewEntry Of(MemoryState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(state.WordKey, state.Due, state.LastReview, state.LastCorrect);
    }
}

internal enum ReviewQueue
{
    /// <summary>Due now: due at or before now, soonest due first.</summary>
    Due,

    /// <summary>Not due yet and answered wrong last time, longest ago first.</summary>
    Missed,

    /// <summary>Not due yet and answered right last time, soonest due first.</summary>
    Learned,

    /// <summary>Not due yet, soonest due first.</summary>
    Upcoming,
}

internal sealed record ReviewSummary(int Learned, int DueNow, DateTimeOffset? NextDue);
