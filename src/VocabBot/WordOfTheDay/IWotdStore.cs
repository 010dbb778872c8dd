namespace VocabBot.WordOfTheDay;

/// <summary>
/// What the word of the day keeps: the schedules made with /wotd-setup, the channels that refused a post,
/// each channel's cycle through the words, and each channel's word and post for each of its local days.
/// Kept in LiteDB (<see cref="LiteDbWotdStore"/>) or PostgreSQL (<see cref="PostgresWotdStore"/>); one
/// contract test class runs against both. Each call is atomic, also against another process on the same
/// PostgreSQL database.
/// </summary>
internal interface IWotdStore
{
    /// <summary>
    /// Throws when the store already knows it cannot write (LiteDB on a full disk): asked before a post goes out,
    /// since a post that could not be recorded would go out again at the next try.
    /// </summary>
    void EnsureWritable();

    Task<WotdSetup?> FindSetupAsync(string channelId, CancellationToken cancellationToken);

    Task<IReadOnlyList<WotdSetup>> AllSetupsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<WotdSetup>> SetupsOfGuildAsync(string guildId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves a channel's schedule and lifts its refusal, if any. False, and nothing saved, when the channel's
    /// schedule was made from another server: that server owns it.
    /// </summary>
    Task<bool> SaveSetupAsync(WotdSetup setup, CancellationToken cancellationToken);

    /// <summary>
    /// Removes a channel's schedule and lifts its refusal, unless another server owns the channel. True when a
    /// schedule was removed.
    /// </summary>
    Task<bool> RemoveSetupAsync(string channelId, string guildId, CancellationToken cancellationToken);

    Task<WotdRefusal?> FindRefusalAsync(string channelId, CancellationToken cancellationToken);

    Task SaveRefusalAsync(WotdRefusal refusal, CancellationToken cancellationToken);

    /// <summary>The words the channel has had since its cycle last started over, in the order it had them.</summary>
    Task<IReadOnlyList<string>> SeenAsync(string channelId, CancellationToken cancellationToken);

    /// <summary>Adds a word to the channel's cycle; <paramref name="startOver"/> first forgets the cycle before.</summary>
    Task AddSeenAsync(string channelId, string wordKey, bool startOver, CancellationToken cancellationToken);

    Task<WotdDay?> FindDayAsync(string channelId, DateOnly date, CancellationToken cancellationToken);

    /// <summary>
    /// Chooses the day's word: sets it when the day has none, or when the day still has
    /// <paramref name="replacing"/> and was not posted. Returns the day as stored, so two callers choosing at
    /// once both get the word the first one chose.
    /// </summary>
    Task<WotdDay> ChooseWordAsync(string channelId, DateOnly date, string wordKey, string? replacing, CancellationToken cancellationToken);

    /// <summary>
    /// Records the day as posted, with the word that went out. False when the day was recorded as posted
    /// already: a channel's day is recorded once, however many callers try at once.
    /// </summary>
    Task<bool> RecordPostAsync(string channelId, DateOnly date, string wordKey, DateTimeOffset postedAt, CancellationToken cancellationToken);

    /// <summary>The last local day the channel got its word, or null when it never did.</summary>
    Task<DateOnly?> LastPostedDateAsync(string channelId, CancellationToken cancellationToken);
}

/// <summary>
/// A channel's schedule made with /wotd-setup, in the server that owns it (null: made before servers owned them), and
/// the language of its posts (null: English, as before languages were kept).
/// </summary>
internal sealed record WotdSetup(string ChannelId, string? GuildId, string Cron, string TimeZone, string? Language = null);

/// <summary>A channel Discord refused a post to (gone, no access, missing permissions): no more posts until it is set up anew.</summary>
internal sealed record WotdRefusal(string ChannelId, string Reason, DateTimeOffset At);

/// <summary>A channel's word for one local day; Posted turns true only once the post went through.</summary>
internal sealed record WotdDay(string ChannelId, DateOnly Date, string WordKey, bool Posted, DateTimeOffset? PostedAt);
