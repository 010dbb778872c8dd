namespace VocabBot.Race;

/// <summary>
/// The races and their answers, in LiteDB (<see cref="LiteDbRaceStore"/>) or PostgreSQL (<see cref="PostgresRaceStore"/>);
/// one contract test class runs against both. What must happen once is decided by the store, never by memory: an
/// answer per member and round, a round closed once, one running race per channel, also across two processes.
/// </summary>
internal interface IRaceStore
{
    /// <summary>
    /// Stores a new race unless the channel has one running: null when stored, else the running one. Drops races
    /// finished over a day ago.
    /// </summary>
    RaceRecord? Start(RaceRecord race, DateTimeOffset now);

    RaceRecord? Find(string id);

    RaceRecord? RunningIn(string channelId);

    /// <summary>Every race not finished, for resuming them at start-up.</summary>
    IReadOnlyList<RaceRecord> Running();

    /// <summary>The race's answers in the order they were accepted.</summary>
    IReadOnlyList<RaceAnswer> Answers(string raceId);

    /// <summary>
    /// Stores the answer when its round is the race's open round and the member has not answered it yet; the
    /// outcome says which. Two clicks at once, in one process or two, store one answer.
    /// </summary>
    AnswerOutcome Answer(RaceAnswer answer);

    /// <summary>The member's answer to a round, or null.</summary>
    RaceAnswer? AnswerOf(string raceId, int round, string userId);

    /// <summary>
    /// Marks round <paramref name="round"/> closed when it is the open one: true for the one caller that closed it.
    /// Inside an <see cref="Storage.IStoreTransactions"/> run with the points it gives, so both land or neither.
    /// </summary>
    bool CloseRound(string raceId, int round);

    /// <summary>Opens the round after the closed one, with its deadline and no message yet; false when that is not where the race is.</summary>
    bool OpenRound(string raceId, int round, DateTimeOffset deadline);

    /// <summary>Records the posted question of the open round.</summary>
    void SetMessage(string raceId, int round, string messageId);

    /// <summary>Asks the race to stop; false when it is finished already.</summary>
    bool RequestStop(string raceId, string userName);

    /// <summary>Marks the race finished; false when it was already.</summary>
    bool Finish(string raceId);

    /// <summary>
    /// Whether other processes may write this store (PostgreSQL): the process running a race then reads the answers
    /// and stops that clicks on other processes stored, since it hears of none of them.
    /// </summary>
    bool Shared { get; }

    /// <summary>
    /// Takes or keeps the right to run a race until <paramref name="until"/>, for <paramref name="owner"/> (a process),
    /// unless another owner's lease runs past <paramref name="now"/>: true when <paramref name="owner"/> holds it. So one
    /// process runs each race, and when it dies another takes the race over once its lease ran out.
    /// </summary>
    bool Claim(string raceId, string owner, DateTimeOffset now, DateTimeOffset until);

    /// <summary>Gives up a race's lease (a clean stop), so that another process, or the next start, takes it at once.</summary>
    void Release(string raceId, string owner);
}
