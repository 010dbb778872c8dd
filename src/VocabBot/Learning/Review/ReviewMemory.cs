using LiteDB;
using VocabBot.Storage;

namespace VocabBot.Learning.Review;

/// <summary>Keeps each user's FSRS memory of each word and says which words are due.</summary>
internal sealed class ReviewMemory
{
    private readonly VocabDatabase _database;

    public ReviewMemory(VocabDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _states.EnsureIndex(s => s.UserId);
    }

    // Taken for each use: the database is reopened after a failed write.
    private ILiteCollection<MemoryState> _states => _database.Collection<MemoryState>("memory");

    /// <summary>Updates the user's memory of a word after an answer: right is Good, wrong is Again.</summary>
    public MemoryState Record(string userId, string wordKey, bool correct, DateTimeOffset now)
    {
        _database.EnsureWritable();
        var id = MemoryState.IdFor(userId, wordKey);
        var state = _states.FindById(id);
        var rating = correct ? Rating.Good : Rating.Again;
        // Elapsed time counts in fractional days: a chat quiz may bring a word back within hours.
        var memory = state is null
            ? Fsrs.Next(null, 0, rating)
            : Fsrs.Next(new FsrsMemory(state.Stability, state.Difficulty), (now - state.LastReview).TotalDays, rating);
        state ??= new MemoryState { Id = id, UserId = userId, WordKey = wordKey };
        state.Stability = memory.Stability;
        state.Difficulty = memory.Difficulty;
        state.LastReview = now;
        state.Due = now.AddDays(Fsrs.IntervalDays(memory.Stability));
        state.Reviews++;
        state.Lapses += correct ? 0 : 1;
        state.LastCorrect = correct;
        _states.Upsert(state);
        return state;
    }

    public MemoryState? Find(string userId, string wordKey) => _states.FindById(MemoryState.IdFor(userId, wordKey));

    public IReadOnlyList<MemoryState> ForUser(string userId) => _states.Find(s => s.UserId == userId).ToList();
}
