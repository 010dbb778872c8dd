using Microsoft.Extensions.Options;
using VocabBot.Learning;
using VocabBot.Learning.Scores;
using VocabBot.Storage;

namespace VocabBot.Tests.Learning.Scores;

/// <summary>What every score store must do, run against each one (LiteDB here; PostgreSQL beside it).</summary>
public abstract class ScoreStoreContract
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private protected abstract IScoreStore Store { get; }

    /// <summary>The transactions of the same store's provider, as a quiz answer runs in.</summary>
    private protected abstract IStoreTransactions Transactions { get; }

    /// <summary>Why this store cannot be tested on this machine (no PostgreSQL); null when it can.</summary>
    private protected virtual string? SkipReason => null;

    private protected Scoreboard Board => new(Store, Options.Create(new LearningOptions
    {
        GuildTimeZones = new Dictionary<string, string> { ["12"] = "America/New_York" },
    }));

    [SkippableFact]
    public void Totals_NeverDriftFromTheLog_WhenItIsReplayed()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var board = Board;
        var random = new Random(7);
        var at = Start;
        for (var i = 0; i < 2_000; i++)
        {
            at += TimeSpan.FromMinutes(random.Next(1, 60 * 9)); // about 80 days, several weeks and streaks
            var guild = new[] { "1", "12", "" }[random.Next(3)];
            board.Record(guild, $"u{random.Next(12)}", $"Name {i % 5}", "word", random.Next(3) > 0, at);
        }

        var (replayed, days, answers) = board.Replay(Store.Log());

        Assert.Equal(2_000, answers);
        Assert.Equal(Comparable(replayed), Comparable(Store.AllTotals()));
        Assert.All(days.GroupBy(d => (d.GuildId, d.UserId)), member => Assert.Equal(
            member.Select(d => d.ToCount()).OrderBy(d => d.Day),
            Store.DailyCounts(member.Key.GuildId, member.Key.UserId, DateOnly.MinValue, DateOnly.MaxValue)));
    }

    [SkippableFact]
    public void DailyCounts_CountLocalDaysOfTheServersZone_ForThatMemberAndServerOnly()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var board = Board;
        // Server "12" counts days in New York: 2026-01-06 04:30 UTC is 23:30 on the 5th there, 05:30 UTC 00:30 on the 6th.
        board.Record("12", "u1", "Ann", "w", true, new DateTimeOffset(2026, 1, 6, 4, 30, 0, TimeSpan.Zero));
        board.Record("12", "u1", "Ann", "w", false, new DateTimeOffset(2026, 1, 6, 5, 30, 0, TimeSpan.Zero));
        board.Record("12", "u1", "Ann", "w", true, new DateTimeOffset(2026, 1, 6, 23, 0, 0, TimeSpan.Zero));
        board.Record("12", "u1", "Ann", "w", true, new DateTimeOffset(2026, 1, 9, 12, 0, 0, TimeSpan.Zero));
        board.Record("12", "u1", "Ann", "w", true, new DateTimeOffset(2026, 1, 20, 12, 0, 0, TimeSpan.Zero));
        // Members and servers whose keys start alike, and direct messages: none of them counts in u1's days in "12".
        foreach (var (guild, user) in new[] { ("12", "u10"), ("12", "u"), ("1", "u1"), ("", "u1"), ("123", "u1") })
            board.Record(guild, user, "Bo", "w", true, new DateTimeOffset(2026, 1, 6, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(
            [new DayCount(new DateOnly(2026, 1, 5), 1, 1), new DayCount(new DateOnly(2026, 1, 6), 2, 1), new DayCount(new DateOnly(2026, 1, 9), 1, 1)],
            Store.DailyCounts("12", "u1", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 19)));
        Assert.Equal([new DayCount(new DateOnly(2026, 1, 6), 2, 1)], Store.DailyCounts("12", "u1", new DateOnly(2026, 1, 6), new DateOnly(2026, 1, 6)));
        Assert.Equal([new DayCount(new DateOnly(2026, 1, 6), 1, 1)], Store.DailyCounts("", "u1", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31)));
        Assert.Empty(Store.DailyCounts("12", "u2", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31)));
    }

    [SkippableFact]
    public void DayCounts_MissingFromAnOlderDatabase_AreAddedUpFromTheLog()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var board = Board;
        for (var i = 0; i < 30; i++)
            board.Record(i % 2 == 0 ? "1" : "12", $"u{i % 3}", "N", "w", i % 3 > 0, Start.AddHours(i * 7));
        var members = new[] { "1", "12" }.SelectMany(guild => new[] { "u0", "u1", "u2" }.Select(user => (guild, user))).ToList();
        var written = members.Select(m => Store.DailyCounts(m.guild, m.user, DateOnly.MinValue, DateOnly.MaxValue)).ToList();
        Store.ReplaceTotals(Store.AllTotals().ToList(), []); // as a database from before the day counts left it

        Assert.True(Store.TotalsMissing());
        Assert.Equal(30, board.RebuildTotalsIfMissing());
        Assert.Equal(written, members.Select(m => Store.DailyCounts(m.guild, m.user, DateOnly.MinValue, DateOnly.MaxValue)).ToList());
        Assert.False(Store.TotalsMissing());
    }

    [SkippableFact]
    public void TopAndRank_FollowTheLeaderboardOrder_WithinOneServerAndWeek()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var board = Board;
        var random = new Random(3);
        var at = Start.AddHours(1);
        for (var i = 0; i < 600; i++)
        {
            // Servers "1" and "12": one's keys must never be counted in the other's ranks.
            var guild = i % 3 == 0 ? "12" : "1";
            board.Record(guild, $"u{random.Next(40)}", "N", "w", random.Next(4) > 0, at.AddSeconds(i));
        }

        foreach (var (guild, week) in new[] { ("1", ScoreTotals.AllTime), ("12", ScoreTotals.AllTime), ("1", ScoreTotals.WeekOf(at, TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei"))) })
        {
            var expected = Store.AllTotals().Where(t => t.GuildId == guild && t.Week == week)
                .OrderByDescending(t => t.Points).ThenByDescending(t => (double)t.Right / t.Answers).ThenBy(t => t.ReachedAt).ThenBy(t => t.UserId, StringComparer.Ordinal)
                .Select(t => t.UserId).ToList();

            Assert.Equal(expected.Take(10), Store.Top(guild, week, 10).Select(t => t.UserId));
            Assert.All(expected.Select((user, i) => (user, rank: i + 1)), e => Assert.Equal(e.rank, Store.RankOf(Store.Find(guild, week, e.user)!)));
            // What /leaderboard reads in one go: the same top, and each member's own place.
            Assert.All(expected.Select((user, i) => (user, rank: i + 1)).Append(("nobody", 0)), e =>
            {
                var standings = Store.Standings(guild, week, e.Item1, 10);
                Assert.Equal(expected.Take(10), standings.Top.Select(t => t.UserId));
                var ownPlace = standings.Own is { } own ? $"{own.Totals.UserId}#{own.Rank}" : "none";
                Assert.Equal(e.Item2 == 0 ? "none" : $"{e.Item1}#{e.Item2}", ownPlace);
            });
        }
    }

    [SkippableFact]
    public void AnAnswerAndItsTotals_AreWrittenTogether()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var board = Board;

        Assert.Throws<InvalidOperationException>(() => Store.Record("1", "u1", "2026-W01", (_, _) => throw new InvalidOperationException("scoring failed")));
        board.Record("1", "u1", "Ann", "w", true, Start);

        Assert.Single(Store.Log());
        Assert.Equal(1, Store.Find("1", ScoreTotals.AllTime, "u1")!.Answers);
    }

    [SkippableFact]
    public void AnAnswerRolledBackWithTheQuizsTransaction_CountsNowhere_AndTheNextAnswerAddsToWhatIsStored()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var board = Board;
        board.Record("1", "u1", "Ann", "w", true, Start);

        // The quiz's own write fails after the answer was recorded inside its transaction: both roll back.
        Assert.Throws<InvalidOperationException>(() => Transactions.Run<int>(() =>
        {
            board.Record("1", "u1", "Ann", "w", true, Start.AddMinutes(1));
            throw new InvalidOperationException("the quiz's write failed");
        }));
        board.Record("1", "u1", "Ann", "w", true, Start.AddMinutes(2));

        var totals = Store.Find("1", ScoreTotals.AllTime, "u1")!;
        Assert.Equal((2, 2, 20), (totals.Answers, totals.Run, totals.Points));
        Assert.Equal([new DayCount(DateOnly.FromDateTime(Start.UtcDateTime), 2, 2)], Store.DailyCounts("1", "u1", DateOnly.MinValue, DateOnly.MaxValue));
        Assert.Equal(Comparable(board.Replay(Store.Log()).Totals), Comparable(Store.AllTotals()));
    }

    [SkippableFact]
    public async Task OneMembersAnswers_FromManyThreadsAtOnce_AllAddUp()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var board = Board;

        // A race's clicks and a quiz's: the same member's totals read and written back by four threads at once.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(thread => Task.Run(() =>
        {
            for (var i = 0; i < 50; i++)
                board.Record("1", "u1", "Ann", "w", i % 2 == 0, Start.AddSeconds(i));
        }))).WaitAsync(TimeSpan.FromSeconds(60));

        var totals = Store.Find("1", ScoreTotals.AllTime, "u1")!;
        Assert.Equal((200, 100), (totals.Answers, totals.Right));
        Assert.Equal(Comparable(board.Replay(Store.Log()).Totals), Comparable(Store.AllTotals()));
        Assert.Equal(200, Store.DailyCounts("1", "u1", DateOnly.MinValue, DateOnly.MaxValue).Sum(d => d.Answers));
    }

    private static List<string> Comparable(IEnumerable<ScoreTotals> totals) => totals
        .Select(t => $"{t.Id} {t.UserName} {t.Points} {t.Answers} {t.Right} {t.Run} {t.ReachedAt.UtcTicks} {t.LastDay} {t.StreakDays} {t.RankKey}")
        .Order(StringComparer.Ordinal).ToList();
}

/// <summary>The contract on the embedded store, in memory.</summary>
public sealed class LiteDbScoreStoreTests : ScoreStoreContract, IDisposable
{
    private readonly VocabDatabase _database = new(new MemoryStream());

    public LiteDbScoreStoreTests()
    {
        Store = new LiteDbScoreStore(_database);
        Transactions = new LiteDbTransactions(_database);
    }

    private protected override IScoreStore Store { get; }

    private protected override IStoreTransactions Transactions { get; }

    [Fact]
    public void DatabaseFromBeforeTheTotals_GetsThemAddedUpFromItsLog()
    {
        var board = Board;
        for (var i = 0; i < 50; i++)
            board.Record(i % 2 == 0 ? "1" : "12", $"u{i % 7}", "N", "w", i % 3 > 0, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i * 5));
        var written = Store.AllTotals().Select(t => (t.Id, t.Points, t.Answers, t.Run, t.StreakDays, t.RankKey)).Order().ToList();
        _database.Database.DropCollection("score_totals"); // as an older version left it: answers only

        Assert.True(Store.TotalsMissing());
        Assert.Equal(50, board.RebuildTotalsIfMissing());
        Assert.Equal(written, Store.AllTotals().Select(t => (t.Id, t.Points, t.Answers, t.Run, t.StreakDays, t.RankKey)).Order().ToList());
        Assert.Equal(0, board.RebuildTotalsIfMissing());
    }

    [Fact]
    public void DatabaseFromBefore_LosesTheIndexesNothingReads_AndStillRanks()
    {
        using var older = new VocabDatabase(new MemoryStream());
        older.Database.GetCollection("answers").EnsureIndex("GuildId", "$.GuildId");
        older.Database.GetCollection("answers").EnsureIndex("UserId", "$.UserId");
        older.Database.GetCollection("score_totals").EnsureIndex("RankKey", "$.RankKey");

        var store = new LiteDbScoreStore(older);
        var board = new Scoreboard(store, Options.Create(new LearningOptions()));
        board.Record("1", "u1", "Ann", "w", true, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        board.Record("1", "u2", "Bo", "w", false, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var indexes = older.Database.GetCollection("$indexes").FindAll()
            .Where(i => i["collection"].AsString is "answers" or "score_totals")
            .Select(i => $"{i["collection"].AsString}.{i["name"].AsString}").Order(StringComparer.Ordinal);
        Assert.Equal(["answers._id", "score_totals._id"], indexes);
        Assert.Equal(["u1", "u2"], store.Top("1", ScoreTotals.AllTime, 10).Select(t => t.UserId));
        Assert.Equal(2, store.RankOf(store.Find("1", ScoreTotals.AllTime, "u2")!));
    }

    [Fact]
    public void DatabaseWithADocumentADay_GetsItsDayCountsAddedUpAgainAsWeeks()
    {
        using var older = new VocabDatabase(new MemoryStream());
        var board = new Scoreboard(new LiteDbScoreStore(older), Options.Create(new LearningOptions()));
        for (var i = 0; i < 40; i++)
            board.Record(i % 2 == 0 ? "1" : "2", $"u{i % 3}", "N", "w", i % 3 > 0, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i * 9));
        var written = new[] { "1", "2" }.SelectMany(g => new[] { "u0", "u1", "u2" }.Select(u => board.History(g, u, new DateTimeOffset(2026, 1, 16, 0, 0, 0, TimeSpan.Zero)).Days)).ToList();
        older.Database.DropCollection("score_weeks"); // as the version with one document a day left it
        older.Database.GetCollection("score_days").Insert(new LiteDB.BsonDocument { ["_id"] = "1|u0|2026-01-01", ["Answers"] = 1, ["Right"] = 1 });

        var store = new LiteDbScoreStore(older);
        board = new Scoreboard(store, Options.Create(new LearningOptions()));

        Assert.False(older.Database.CollectionExists("score_days"));
        Assert.True(store.TotalsMissing());
        Assert.Equal(40, board.RebuildTotalsIfMissing());
        Assert.Equal(written, new[] { "1", "2" }.SelectMany(g => new[] { "u0", "u1", "u2" }.Select(u => board.History(g, u, new DateTimeOffset(2026, 1, 16, 0, 0, 0, TimeSpan.Zero)).Days)).ToList());
    }

    public void Dispose() => _database.Dispose();
}
