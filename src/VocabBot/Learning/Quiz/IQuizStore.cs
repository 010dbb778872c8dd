namespace VocabBot.Learning.Quiz;

/// <summary>
/// The stored quizzes; each user has at most one open at a time. Kept in LiteDB (<see cref="LiteDbQuizStore"/>) or
/// PostgreSQL (<see cref="PostgresQuizStore"/>); one contract test class runs against both. The changes are
/// conditional, so two clicks at the same moment, in one process or two, change a quiz once.
/// </summary>
internal interface IQuizStore
{
    QuizSession? Find(string id);

    /// <summary>
    /// Stores a new quiz, marking the user's open ones replaced, and drops quizzes idle for a day (through the
    /// index on the last activity), so what is kept stays bounded however many quizzes were ever played.
    /// </summary>
    void Start(QuizSession session, DateTimeOffset now);

    /// <summary>
    /// Records the option picked for question <paramref name="index"/>, only when it is the question shown and
    /// nothing was picked yet: false, and nothing changed, when another click got there first. Inside an
    /// <see cref="Storage.IStoreTransactions"/> run, the answer's other writes roll back with it.
    /// </summary>
    bool Choose(string id, int index, int option);

    /// <summary>Adds an answer's result: one more right answer or not, its points, the time, and whether the quiz is finished.</summary>
    void AddResult(string id, bool correct, int points, DateTimeOffset now, bool finished);

    /// <summary>Moves on from question <paramref name="index"/> to the next; false when the quiz is no longer there.</summary>
    bool Advance(string id, int index, DateTimeOffset now);

    /// <summary>Marks an open quiz expired.</summary>
    void Expire(string id);
}
