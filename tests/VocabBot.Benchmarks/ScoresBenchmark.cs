using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using VocabBot.Chat;
using VocabBot.Learning;
using VocabBot.Learning.Review;
using VocabBot.Learning.Scores;
using VocabBot.Storage;

namespace VocabBot.Benchmarks;

/// <summary>
/// /leaderboard (all and week), /stats and recording an answer, on a history of N answers from M members of one
/// server over a year, for growing N: with running totals none of them should grow with the history.
/// </summary>
public static class ScoresBenchmark
{
    private const string Guild = "100000000000000001";
    private static readonly DateTimeOffset YearStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Run(IReadOnlyList<int> histories, int members, int calls)
    {
        System.Console.WriteLine($"LiteDB file; {members} members of one server; {calls} calls per row after 200 untimed; latencies in ms");
        foreach (var history in histories)
        {
            var folder = Directory.CreateTempSubdirectory("vocabbot-scores-").FullName;
            try
            {
                using var database = new VocabDatabase(Path.Combine(folder, "vocabbot.db"));
                Measure(database, history, members, calls);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static void Measure(VocabDatabase database, int history, int members, int calls)
    {
        var store = new LiteDbScoreStore(database);
        var board = new Scoreboard(store, Options.Create(new LearningOptions()));
        var commands = new ScoreCommands(board, new ReviewMemory(database), TimeProvider.System);
        var random = new Random(history);

        var started = Stopwatch.StartNew();
        var answers = database.Collection<AnswerRecord>("answers");
        var step = TimeSpan.FromDays(365).Ticks / history;
        for (var done = 0; done < history; done += 100_000)
        {
            answers.InsertBulk(Enumerable.Range(done, Math.Min(100_000, history - done)).Select(i => new AnswerRecord
            {
                GuildId = Guild,
                UserId = Member(random.Next(members)),
                UserName = "Member",
                WordKey = "word",
                Correct = random.Next(4) > 0,
                Points = 10,
                At = YearStart.AddTicks(step * i),
            }));
        }

        var written = started.Elapsed;
        started.Restart();
        board.RebuildTotalsIfMissing();
        System.Console.WriteLine($"{history,9:N0} answers: written in {written.TotalSeconds:F1} s, totals added up from the log in {started.Elapsed.TotalSeconds:F1} s");

        var now = YearStart.AddDays(365);
        Report("/leaderboard all", calls, () => commands.Leaderboard(Request(random, members, "all")));
        Report("/leaderboard week", calls, () => commands.Leaderboard(Request(random, members, "week")));
        Report("/stats", calls, () => commands.Stats(Request(random, members, null)));
        Report("record an answer", calls, () => board.Record(Guild, Member(random.Next(members)), "Member", "word", random.Next(4) > 0, now));
    }

    private static ChatRequest Request(Random random, int members, string? period) => new(
        Member(random.Next(members)), "Member", Guild, period is null ? "stats" : "leaderboard",
        period is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["period"] = period });

    private static string Member(int n) => (200000000000000000L + n).ToString(CultureInfo.InvariantCulture);

    private static void Report(string name, int calls, Action call)
    {
        for (var i = 0; i < 200; i++)
            call();
        var latencies = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            call();
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(latencies);
        System.Console.WriteLine($"    {name,-18} p50 {Percentile.Of(latencies, 0.50),7:F3}  p99 {Percentile.Of(latencies, 0.99),7:F3}  max {latencies[^1],8:F3}");
    }
}
