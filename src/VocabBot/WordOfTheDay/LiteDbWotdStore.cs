using System.Globalization;
using LiteDB;
using VocabBot.Storage;

namespace VocabBot.WordOfTheDay;

/// <summary>
/// The word of the day in the LiteDB file, in the collections and document shapes it has always had
/// (<see cref="WotdSetupDocument"/> and the others), so a database from an earlier version opens as it is.
/// </summary>
internal sealed class LiteDbWotdStore : IWotdStore
{
    private const string DateFormat = "yyyy-MM-dd";

    private readonly VocabDatabase _database;
    private readonly Lock _writeLock;

    public LiteDbWotdStore(VocabDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        (_database, _writeLock) = (database, database.WriteLock);
        _days.EnsureIndex(d => d.ChannelId);
    }

    // Taken for each use: the database is reopened after a failed write.
    private ILiteCollection<WotdSetupDocument> _setups => _database.Collection<WotdSetupDocument>("wotd_setups");
    private ILiteCollection<WotdRefusalDocument> _refusals => _database.Collection<WotdRefusalDocument>("wotd_refusals");
    private ILiteCollection<WotdHistoryDocument> _history => _database.Collection<WotdHistoryDocument>("wotd_history");
    private ILiteCollection<WotdDayDocument> _days => _database.Collection<WotdDayDocument>("wotd_days");

    public void EnsureWritable() => _database.EnsureWritable();

    public Task<WotdSetup?> FindSetupAsync(string channelId, CancellationToken cancellationToken) =>
        Task.FromResult(_setups.FindById(channelId) is { } setup ? ToSetup(setup) : null);

    public Task<IReadOnlyList<WotdSetup>> AllSetupsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<WotdSetup>>([.. _setups.FindAll().Select(ToSetup)]);

    public Task<IReadOnlyList<WotdSetup>> SetupsOfGuildAsync(string guildId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<WotdSetup>>([.. _setups.Find(s => s.GuildId == guildId).Select(ToSetup)]);

    public Task<bool> SaveSetupAsync(WotdSetup setup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _database.EnsureWritable();
        lock (_writeLock)
        {
            if (_setups.FindById(setup.ChannelId) is { GuildId: { } owner } && owner != setup.GuildId)
                return Task.FromResult(false);
            _setups.Upsert(new WotdSetupDocument { Id = setup.ChannelId, GuildId = setup.GuildId, Cron = setup.Cron, TimeZone = setup.TimeZone, Language = setup.Language });
            _refusals.Delete(setup.ChannelId);
            return Task.FromResult(true);
        }
    }

    public Task<bool> RemoveSetupAsync(string channelId, string guildId, CancellationToken cancellationToken)
    {
        _database.EnsureWritable();
        lock (_writeLock)
        {
            if (_setups.FindById(channelId) is { GuildId: { } owner } && owner != guildId)
                return Task.FromResult(false);
            _refusals.Delete(channelId);
            return Task.FromResult(_setups.Delete(channelId));
        }
    }

    public Task<WotdRefusal?> FindRefusalAsync(string channelId, CancellationToken cancellationToken) =>
        Task.FromResult(_refusals.FindById(channelId) is { } r ? new WotdRefusal(r.Id, r.Reason, r.At.ToUniversalTime()) : null);

    public Task SaveRefusalAsync(WotdRefusal refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        _database.EnsureWritable();
        _refusals.Upsert(new WotdRefusalDocument { Id = refusal.ChannelId, Reason = refusal.Reason, At = refusal.At });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> SeenAsync(string channelId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(_history.FindById(channelId)?.Seen ?? []);

    public Task AddSeenAsync(string channelId, string wordKey, bool startOver, CancellationToken cancellationToken)
    {
        _database.EnsureWritable();
        lock (_writeLock)
        {
            var history = _history.FindById(channelId) ?? new WotdHistoryDocument { Id = channelId };
            if (startOver)
                history.Seen.Clear();
            history.Seen.Add(wordKey);
            _history.Upsert(history);
        }
        return Task.CompletedTask;
    }

    public Task<WotdDay?> FindDayAsync(string channelId, DateOnly date, CancellationToken cancellationToken) =>
        Task.FromResult(_days.FindById(DayId(channelId, date)) is { } day ? ToDay(day) : null);

    public Task<WotdDay> ChooseWordAsync(string channelId, DateOnly date, string wordKey, string? replacing, CancellationToken cancellationToken)
    {
        _database.EnsureWritable();
        lock (_writeLock)
        {
            var day = _days.FindById(DayId(channelId, date));
            if (day is null || (!day.Posted && day.WordKey == replacing))
            {
                day ??= new WotdDayDocument { Id = DayId(channelId, date), ChannelId = channelId, Date = Format(date) };
                day.WordKey = wordKey;
                _days.Upsert(day);
            }
            return Task.FromResult(ToDay(day));
        }
    }

    public Task<bool> RecordPostAsync(string channelId, DateOnly date, string wordKey, DateTimeOffset postedAt, CancellationToken cancellationToken)
    {
        _database.EnsureWritable();
        lock (_writeLock)
        {
            var day = _days.FindById(DayId(channelId, date)) ?? new WotdDayDocument { Id = DayId(channelId, date), ChannelId = channelId, Date = Format(date) };
            if (day.Posted)
                return Task.FromResult(false);
            (day.WordKey, day.Posted, day.PostedAt) = (wordKey, true, postedAt);
            _days.Upsert(day);
            return Task.FromResult(true);
        }
    }

    public Task<DateOnly?> LastPostedDateAsync(string channelId, CancellationToken cancellationToken)
    {
        var last = _days.Find(d => d.ChannelId == channelId && d.Posted).Select(d => d.Date).Max(StringComparer.Ordinal);
        return Task.FromResult<DateOnly?>(last is null ? null : Parse(last));
    }

    /// <summary>Every refusal, for migrate-store.</summary>
    public IReadOnlyList<WotdRefusal> AllRefusals() => [.. _refusals.FindAll().Select(r => new WotdRefusal(r.Id, r.Reason, r.At.ToUniversalTime()))];

    /// <summary>Every channel's words of the current cycle, in the order they were posted, for migrate-store.</summary>
    public IReadOnlyList<(string ChannelId, IReadOnlyList<string> Seen)> AllCycles() => [.. _history.FindAll().Select(h => (h.Id, (IReadOnlyList<string>)h.Seen))];

    /// <summary>Every channel's days, for migrate-store.</summary>
    public IReadOnlyList<WotdDay> AllDays() => [.. _days.FindAll().Select(ToDay)];

    // Ids as since the first version: "channel:yyyy-MM-dd".
    private static string DayId(string channelId, DateOnly date) => $"{channelId}:{Format(date)}";

    private static string Format(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static DateOnly Parse(string date) => DateOnly.ParseExact(date, DateFormat, CultureInfo.InvariantCulture);

    private static WotdSetup ToSetup(WotdSetupDocument d) => new(d.Id, d.GuildId, d.Cron, d.TimeZone, d.Language);

    private static WotdDay ToDay(WotdDayDocument d) => new(d.ChannelId, Parse(d.Date), d.WordKey, d.Posted, d.PostedAt?.ToUniversalTime());
}
