using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using VocabBot.Chat;
using VocabBot.Learning;
using VocabBot.Learning.Review;
using VocabBot.Learning.Scores;
using VocabBot.Storage;
using VocabBot.Storage.Postgres;

namespace VocabBot.Benchmarks;

/// <summary>
/// /leaderboard (all and week), /stats and recording an answer, on a history of N answers from M members of one
/// server over a year, for growing N: with running totals none of them should grow with the history.
/// </summary>
public static class ScoresBenchmark
{
    internal const string Guild = "100000000000000001";
    internal static readonly DateTimeOffset YearStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <param name="postgres">A connection string to a PostgreSQL server whose user may create databases; null: LiteDB only.</param>
    public static void Run(IReadOnlyList<int> histories, int members, int calls, string? postgres)
    {
        System.Console.WriteLine($"{members} members of one server; {calls} calls per row after 200 untimed; latencies in ms");
        foreach (var history in histories)
        {
            var folder = Directory.CreateTempSubdirectory("vocabbot-scores-").FullName;
            try
            {
                using var database = new VocabDatabase(Path.Combine(folder, "vocabbot.db"));
                Measure("LiteDB", new LiteDbScoreStore(database), database, history, members, calls, answers => WriteLog(database, answers), () => database.Database.Checkpoint());
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }

            if (postgres is not null)
                MeasurePostgres(postgres, history, members, calls);
        }
    }

    private static void MeasurePostgres(string server, int history, int members, int calls)
    {
        BenchmarkPostgres.With(server, $"vocabbot_bench_{history}", PostgresScoreStore.Migrations, database =>
        {
            using var memory = new VocabDatabase(new MemoryStream()); // review memory (read by /stats) kept out of it: this row is about the scores
            Measure("PostgreSQL", new PostgresScoreStore(database), memory, history, members, calls, answers => WriteLog(database, answers), () => BenchmarkPostgres.Settle(database));
        });
    }

    /// <summary>The answer log, bulk-written into LiteDB as an older database holds it.</summary>
    internal static void WriteLog(VocabDatabase database, IEnumerable<AnswerRecord> answers)
    {
        var log = database.Collection<AnswerRecord>("answers");
        foreach (var chunk in answers.Chunk(100_000))
            log.InsertBulk(chunk);
    }

    /// <summary>The answer log, copied into PostgreSQL.</summary>
    internal static void WriteLog(PostgresDatabase database, IEnumerable<AnswerRecord> answers)
    {
        using var connection = database.Open();
        using var import = connection.BeginBinaryImport("COPY answers (guild_id, user_id, user_name, word_key, correct, points, at) FROM STDIN (FORMAT BINARY)");
        foreach (var a in answers)
            import.WriteRow(a.GuildId, a.UserId, a.UserName, a.WordKey, a.Correct, a.Points, a.At.ToUniversalTime());
        import.Complete();
    }

    /// <summary><paramref name="history"/> answers of random members, evenly over the year from <see cref="YearStart"/>, three in four right.</summary>
    internal static IEnumerable<AnswerRecord> YearOfAnswers(int history, int members, Random random)
    {
        var step = TimeSpan.FromDays(365).Ticks / history;
        return Enumerable.Range(0, history).Select(i => new AnswerRecord
        {
            GuildId = Guild,
            UserId = Member(random.Next(members)),
            UserName = "Member",
            WordKey = "word",
            Correct = random.Next(4) > 0,
            Points = 10,
            At = YearStart.AddTicks(step * i),
        });
    }

    private static void Measure(string storeName, IScoreStore store, VocabDatabase memoryDatabase, int history, int members, int calls, Action<IEnumerable<AnswerRecord>> writeLog, Action settle)
    {
        var board = new Scoreboard(store, Options.Create(new LearningOptions()));
        var commands = new ScoreCommands(board, new LiteDbReviewStore(memoryDatabase), TimeProvider.System, Texts.Learning, Texts.Chat);
        var random = new Random(history);

        var started = Stopwatch.StartNew();
        writeLog(YearOfAnswers(history, members, random));

        var written = started.Elapsed;
        started.Restart();
        board.RebuildTotalsIfMissing();
        System.Console.WriteLine($"{storeName}, {history:N0} answers: log written in {written.TotalSeconds:F1} s, totals added up from it in {started.Elapsed.TotalSeconds:F1} s");
        settle(); // the store after the load as after a while of running: checkpointed (and vacuumed), untimed
        // The load's garbage (and, for PostgreSQL, the LiteDB rows' before it) collected now, not by a full collection
        // inside one store's timed rows; the full collections during them are counted below.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var fullBefore = GC.CollectionCount(2);
        var pausedBefore = GC.GetTotalPauseDuration();

        var now = YearStart.AddDays(365);
        WarmUp(i =>
        {
            commands.Leaderboard(Request(random, members, i % 2 == 0 ? "all" : "week"));
            commands.Stats(Request(random, members, null));
            board.Record(WarmUpGuild, Member(i % 100), "Member", "word", i % 4 > 0, now);
        });
        Report("/leaderboard all", calls, () => commands.Leaderboard(Request(random, members, "all")));
        Report("/leaderboard week", calls, () => commands.Leaderboard(Request(random, members, "week")));
        Report("/stats", calls, () => commands.Stats(Request(random, members, null)));
        Report("  its day counts", calls, () => board.History(Guild, Member(random.Next(members)), TimeProvider.System.GetUtcNow()));
        Report("record an answer", calls, () => board.Record(Guild, Member(random.Next(members)), "Member", "word", random.Next(4) > 0, now));
        System.Console.WriteLine($"    during these rows: {GC.CollectionCount(2) - fullBefore} full collections, {(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds:F0} ms paused by collections in all");
    }

    /// <summary>A server apart from <see cref="Guild"/>, whose answers warm the code up without touching the measured server's rows.</summary>
    internal const string WarmUpGuild = "100000000000000002";

    /// <summary>
    /// The code at its full optimisation before the timed rows, as in a bot that has run a while: .NET runs a method's
    /// quickly compiled code first and swaps in the optimised one after 30 calls and a pause in new compilations, which
    /// the rows' 200 untimed calls did not always reach: without this, PostgreSQL's record p99 here was over 2 ms in 5
    /// of 9 runs (docs/PERFORMANCE.md). Two rounds of 1,000 calls, each followed by a second for the compiler.
    /// </summary>
    internal static void WarmUp(Action<int> call)
    {
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 1000; i++)
                call(i);
            Thread.Sleep(TimeSpan.FromSeconds(1));
        }
    }

    private static ChatRequest Request(Random random, int members, string? period) => new(
        Member(random.Next(members)), "Member", Guild, period is null ? "stats" : "leaderboard",
        period is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["period"] = period });

    internal static string Member(int n) => (200000000000000000L + n).ToString(CultureInfo.InvariantCulture);

    private static void Report(string name, int calls, Action call) => Percentile.Report(name, calls, call);
}
