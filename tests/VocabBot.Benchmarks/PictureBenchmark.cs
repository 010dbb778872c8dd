using System.Diagnostics;
using Microsoft.Extensions.Options;
using VocabBot.Chat;
using VocabBot.Learning;
using VocabBot.Learning.Review;
using VocabBot.Learning.Scores;
using VocabBot.Storage;

namespace VocabBot.Benchmarks;

/// <summary>
/// The /stats picture (issue #15) for one member who answered every day for a year: the first picture of the process
/// (SkiaSharp's native library loads), then the picture alone and the whole /stats (totals, review summary, the 12
/// weeks' day counts and the picture), over a LiteDB file.
/// </summary>
public static class PictureBenchmark
{
    private const string Guild = "100000000000000001";
    private const string Learner = "200000000000000001";

    /// <param name="perDay">Answers a day on average (110 makes about 40,000 in the year).</param>
    /// <param name="example">Where to write one picture (docs/stats-example.png); null: nowhere.</param>
    public static void Run(int perDay, int calls, string? example)
    {
        var folder = Directory.CreateTempSubdirectory("vocabbot-picture-").FullName;
        try
        {
            using var database = new VocabDatabase(Path.Combine(folder, "vocabbot.db"));
            var store = new LiteDbScoreStore(database);
            var now = DateTimeOffset.UtcNow;
            var answers = YearOfAnswers(now, perDay).ToList();
            foreach (var chunk in answers.Chunk(10_000))
                database.Collection<AnswerRecord>("answers").InsertBulk(chunk);
            var board = new Scoreboard(store, Options.Create(new LearningOptions()));
            board.RebuildTotalsIfMissing();
            var history = board.History(Guild, Learner, now);
            var streak = board.DayStreak(Guild, Learner, now);
            System.Console.WriteLine($"one member, {answers.Count:N0} answers over 365 days ({history.Days.Sum(d => d.Answers):N0} in the 12 weeks drawn); {calls} calls per row after 200 untimed; ms");

            var first = Stopwatch.GetTimestamp();
            var png = ProgressPicture.Render(history, streak);
            System.Console.WriteLine($"    {"first picture",-18} {Stopwatch.GetElapsedTime(first).TotalMilliseconds,7:F1} (native library load included); {png.Length:N0} bytes");
            if (example is not null)
            {
                File.WriteAllBytes(example, png);
                System.Console.WriteLine($"    wrote {Path.GetFullPath(example)}");
            }

            Report("picture", calls, () => ProgressPicture.Render(history, streak));
            var scores = new ScoreCommands(board, new LiteDbReviewStore(database), TimeProvider.System, Texts.Learning, Texts.Chat);
            var stats = new ChatRequest(Learner, "Learner", Guild, "stats", new Dictionary<string, string>());
            Report("/stats", calls, () => scores.Stats(stats));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // Every day of the year, a few to twice the average; accuracy drifts from about 55% to 90% and back, week to week.
    private static IEnumerable<AnswerRecord> YearOfAnswers(DateTimeOffset now, int perDay)
    {
        var random = new Random(15);
        for (var day = 364; day >= 0; day--)
        {
            var count = random.Next(1, 2 * perDay);
            var accuracy = 0.725 + 0.175 * Math.Sin(day / 7.0 / 3);
            var start = now.AddDays(-day).AddHours(-12);
            for (var i = 0; i < count; i++)
            {
                var right = random.NextDouble() < accuracy;
                yield return new AnswerRecord
                {
                    GuildId = Guild,
                    UserId = Learner,
                    UserName = "Learner",
                    WordKey = $"word{i}",
                    Correct = right,
                    Points = right ? 10 : 0,
                    At = start.AddSeconds(i * 12 * 3600.0 / count),
                };
            }
        }
    }

    private static void Report(string name, int calls, Action call) => Percentile.Report(name, calls, call);
}
