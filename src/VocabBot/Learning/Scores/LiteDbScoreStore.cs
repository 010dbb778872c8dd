using System.Collections.Concurrent;
using System.Globalization;
using LiteDB;
using VocabBot.Storage;

namespace VocabBot.Learning.Scores;

/// <summary>
/// The answers log and the running totals in the embedded LiteDB database. LiteDB counts by loading documents
/// (80 ms to rank a member among 5,000), so the rank keys of each server and week are also kept in memory, read
/// once and updated with each answer; one process owns the file, so nothing else changes them.
/// </summary>
internal sealed class LiteDbScoreStore : IScoreStore
{
    private readonly ConcurrentDictionary<string, RankKeys> _ranks = new(StringComparer.Ordinal);
    private const string AnswersCollection = "answers";
    private const string TotalsCollection = "score_totals";
    private const string WeeksCollection = "score_weeks";
    // One document a day, before score_weeks: dropped, then added up again from the log as weeks.
    private const string OlderDaysCollection = "score_days";
    // Indexes earlier versions kept: the answer log's GuildId and UserId, the totals' RankKey.
    private static readonly (string Collection, string Index)[] UnusedIndexes =
        [(AnswersCollection, nameof(AnswerRecord.GuildId)), (AnswersCollection, nameof(AnswerRecord.UserId)), (TotalsCollection, nameof(ScoreTotals.RankKey))];
    private readonly VocabDatabase _database;
    private readonly WrittenDocuments _written = new();

    public LiteDbScoreStore(VocabDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        // Every answer keeps every index up to date: these three cost it about 19 of the 31 pages it wrote, and nothing
        // reads them any more (the log is read whole, in id order; a server's rank keys through the _id index, whose
        // "guild|week|" prefix they share). A database from before keeps them until dropped here.
        foreach (var unused in UnusedIndexes)
            database.Database.GetCollection(unused.Collection).DropIndex(unused.Index);
        database.Database.DropCollection(OlderDaysCollection);
    }

    // Taken for each use: the database is reopened after a failed write.
    private ILiteCollection<AnswerRecord> Answers => _database.Collection<AnswerRecord>(AnswersCollection);

    private ILiteCollection<ScoreTotals> Totals => _database.Collection<ScoreTotals>(TotalsCollection);

    private ILiteCollection<ScoreWeek> Weeks => _database.Collection<ScoreWeek>(WeeksCollection);

    public AnswerRecord Record(string guildId, string userId, string week, Func<ScoreTotals?, ScoreTotals?, ScoredAnswer> score)
    {
        ArgumentNullException.ThrowIfNull(score);
        _database.EnsureWritable();
        // The member's totals are read, added to and written back as one step: under the lock every LiteDB transaction
        // of the app's stores holds (it is reentrant, for the quiz's transaction around this one).
        lock (_database.WriteLock)
        {
            var database = _database.Database;
            // Inside the quiz's transaction when there is one (LiteDB gives each thread one); else in its own.
            var own = database.BeginTrans();
            try
            {
                _written.ForgetIfStale(_database.CacheVersion);
                var scored = score(WrittenTotals(guildId, ScoreTotals.AllTime, userId), WrittenTotals(guildId, week, userId));
                Answers.Insert(scored.Answer);
                Totals.Upsert(scored.AllTime);
                Totals.Upsert(scored.Week);
                var days = CountInDay(scored.Answer, scored.Day);
                if (own)
                    database.Commit();
                _written.Keep(scored.AllTime, scored.Week, days);
                RanksOf(scored.AllTime, load: false)?.Set(scored.AllTime);
                RanksOf(scored.Week, load: false)?.Set(scored.Week);
                return scored.Answer;
            }
            catch
            {
                if (own)
                {
                    VocabDatabase.RollbackQuietly(database);
                    // What was kept of this answer's documents before the failure is no longer what is stored.
                    _database.MarkRolledBack();
                }

                throw;
            }
        }
    }

    /// <summary>A copy of the totals as last written, from memory when this process wrote them, else from the file.</summary>
    private ScoreTotals? WrittenTotals(string guildId, string week, string userId)
    {
        var id = ScoreTotals.IdOf(guildId, week, userId);
        return _written.Totals(id) ?? Totals.FindById(id);
    }

    public ScoreTotals? Find(string guildId, string week, string userId) => Totals.FindById(ScoreTotals.IdOf(guildId, week, userId));

    public IReadOnlyList<ScoreTotals> Top(string guildId, string week, int count)
    {
        var prefix = ScoreTotals.RankPrefix(guildId, week);
        return [.. Ranks(prefix).First(count).Select(user => Find(guildId, week, user)).OfType<ScoreTotals>()];
    }

    public Standings Standings(string guildId, string week, string userId, int count) =>
        new(Top(guildId, week, count), Find(guildId, week, userId) is { } own ? (own, RankOf(own)) : null);

    public int RankOf(ScoreTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var ranks = RanksOf(totals, load: true)!;
        ranks.Set(totals); // it is what is stored now
        return ranks.RankOf(totals.RankKey);
    }

    private RankKeys? RanksOf(ScoreTotals totals, bool load)
    {
        var prefix = ScoreTotals.RankPrefix(totals.GuildId, totals.Week);
        if (load)
            return Ranks(prefix);
        return _ranks.TryGetValue(prefix, out var ranks) && ranks.Version == _database.CacheVersion ? ranks : null;
    }

    private RankKeys Ranks(string prefix)
    {
        if (_ranks.TryGetValue(prefix, out var ranks) && ranks.Version == _database.CacheVersion)
            return ranks;
        ranks = new RankKeys(prefix, _database.CacheVersion);
        // A range of the _id index ("guild|week|user"); checked again ordinally, as the index compares by the database's collation.
        foreach (var key in Totals.Query().Where(Query.StartsWith("_id", prefix)).Select(t => t.RankKey).ToEnumerable())
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
                ranks.Add(key);
        }

        return _ranks[prefix] = ranks;
    }

    private ScoreWeek CountInDay(AnswerRecord answer, string day)
    {
        var date = DateOnly.ParseExact(day, ScoreDay.Format, CultureInfo.InvariantCulture);
        var id = ScoreWeek.IdOf(answer.GuildId, answer.UserId, ScoreWeek.MondayOf(date));
        var week = _written.Week(id) ?? Weeks.FindById(id) ?? ScoreWeek.For(answer.GuildId, answer.UserId, date);
        week.Count(date, 1, answer.Correct ? 1 : 0);
        Weeks.Upsert(week);
        return week;
    }

    public IReadOnlyList<DayCount> DailyCounts(string guildId, string userId, DateOnly first, DateOnly last)
    {
        // A range of the _id index: the member's weeks are adjacent there. Their own ids are checked again because the
        // index compares by the database's collation, not ordinally.
        var from = ScoreWeek.IdOf(guildId, userId, ScoreWeek.MondayOf(first));
        var to = ScoreWeek.IdOf(guildId, userId, ScoreWeek.MondayOf(last));
        return [.. Weeks.Find(Query.Between("_id", from, to))
            .Where(w => w.GuildId == guildId && w.UserId == userId)
            .SelectMany(w => w.Days())
            .Where(d => d.Day >= first && d.Day <= last)
            .OrderBy(d => d.Day)];
    }

    public bool TotalsMissing() => (Totals.LongCount() == 0 || Weeks.FindOne(Query.All()) is null) && Answers.LongCount() > 0;

    public IEnumerable<AnswerRecord> Log() => Answers.Query().OrderBy(a => a.Id).ToEnumerable();

    public void ReplaceTotals(IEnumerable<ScoreTotals> totals, IEnumerable<ScoreDay> days)
    {
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(days);
        _database.EnsureWritable();
        lock (_database.WriteLock)
            ReplaceTotalsLocked(totals, days);
    }

    private void ReplaceTotalsLocked(IEnumerable<ScoreTotals> totals, IEnumerable<ScoreDay> days)
    {
        var database = _database.Database;
        var own = database.BeginTrans();
        try
        {
            Totals.DeleteAll();
            Totals.InsertBulk(totals);
            Weeks.DeleteAll();
            Weeks.InsertBulk(ScoreWeek.Of(days));
            if (own)
                database.Commit();
            _ranks.Clear();
            _written.Clear();
        }
        catch
        {
            if (own)
                VocabDatabase.RollbackQuietly(database);
            throw;
        }
    }

    public IEnumerable<ScoreTotals> AllTotals() => Totals.FindAll();

    /// <summary>
    /// The documents an answer reads and writes again (the member's totals, all time and this week, and the week's day
    /// counts) as this process last wrote them: one process owns the file, so an answer reads them here instead of
    /// through a LiteDB query, which costs about 43 KB of garbage and 0.03-0.06 ms each at 1,000,000 answers, three an
    /// answer (docs/PERFORMANCE.md). Used only under the database's WriteLock. Copies go out, since the scoring adds to
    /// what it is given; a rollback or a storage failure (<see cref="VocabDatabase.CacheVersion"/>) forgets them all,
    /// and so does passing <see cref="MaxKept"/>, which bounds the memory at a few megabytes.
    /// </summary>
    private sealed class WrittenDocuments
    {
        private const int MaxKept = 20_000;
        private readonly Dictionary<string, ScoreTotals> _totals = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ScoreWeek> _weeks = new(StringComparer.Ordinal);
        private int _version;

        public ScoreTotals? Totals(string id) => _totals.TryGetValue(id, out var totals) ? totals.Copy() : null;

        public ScoreWeek? Week(string id) => _weeks.TryGetValue(id, out var week) ? week.Copy() : null;

        public void ForgetIfStale(int version)
        {
            if (version == _version)
                return;
            Clear();
            _version = version;
        }

        public void Keep(ScoreTotals allTime, ScoreTotals week, ScoreWeek days)
        {
            if (_totals.Count + 2 > MaxKept)
                Clear();
            _totals[allTime.Id] = allTime;
            _totals[week.Id] = week;
            _weeks[days.Id] = days;
        }

        public void Clear()
        {
            _totals.Clear();
            _weeks.Clear();
        }
    }

    /// <summary>One server's (and week's) rank keys in leaderboard order, and each member's current key.</summary>
    private sealed class RankKeys(string prefix, int version)
    {
        private readonly SortedSet<string> _keys = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _byUser = new(StringComparer.Ordinal);
        private readonly Lock _gate = new();

        /// <summary>The database's cache version when these were read: a failed write may have rolled back what they saw.</summary>
        public int Version { get; } = version;

        public void Add(string key)
        {
            lock (_gate)
            {
                _keys.Add(key);
                _byUser[UserOf(key)] = key;
            }
        }

        public void Set(ScoreTotals totals)
        {
            lock (_gate)
            {
                if (_byUser.TryGetValue(totals.UserId, out var old))
                    _keys.Remove(old);
                _keys.Add(totals.RankKey);
                _byUser[totals.UserId] = totals.RankKey;
            }
        }

        public int RankOf(string key)
        {
            lock (_gate)
                return _keys.GetViewBetween(prefix, key).Count;
        }

        public List<string> First(int count)
        {
            lock (_gate)
                return [.. _keys.Take(count).Select(UserOf)];
        }

        // The user id is the key's last part.
        private static string UserOf(string key) => key[(key.LastIndexOf('|') + 1)..];
    }
}
