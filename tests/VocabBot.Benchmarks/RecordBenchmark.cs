using System.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;
using VocabBot.Learning;
using VocabBot.Learning.Scores;
using VocabBot.Storage;
using VocabBot.Storage.Postgres;

namespace VocabBot.Benchmarks;

/// <summary>
/// Where the time of recording an answer goes, on the scores benchmark's history (issue #13). LiteDB: the pages each
/// answer writes to its -log file, and apart from the others the answers during which a checkpoint ran (the -log file
/// copied into the data file, seen as the -log file shrinking) or a garbage collection. PostgreSQL: the same answers with the commit's
/// WAL flush as shipped (synchronous_commit on) and, only to show its share, without it (off).
/// </summary>
public static class RecordBenchmark
{
    private const int PageSize = 8192; // LiteDB's

    /// <param name="postgres">A connection string to a PostgreSQL server whose user may create databases; null: LiteDB only.</param>
    /// <param name="checkpointPages">LiteDB's PRAGMA CHECKPOINT for the run: the -log file's size in pages that makes the commit crossing it copy it into the data file (the app's, <see cref="VocabDatabase.CheckpointPages"/>, unless given; LiteDB's own default is 1,000).</param>
    /// <param name="background">
    /// The alternative the app does not use: LiteDB's own checkpoint off, and another thread checkpointing whenever
    /// the -log file has passed <paramref name="checkpointPages"/>, looking every 20 ms.
    /// </param>
    public static void Run(int history, int members, int calls, string? postgres, int checkpointPages = VocabDatabase.CheckpointPages, bool background = false)
    {
        System.Console.WriteLine($"{history:N0} answers of {members:N0} members; {calls} answers recorded per row after 200 untimed; ms");
        var folder = Directory.CreateTempSubdirectory("vocabbot-record-").FullName;
        try
        {
            var file = Path.Combine(folder, "vocabbot.db");
            using var database = new VocabDatabase(file);
            var board = new Scoreboard(new LiteDbScoreStore(database), Options.Create(new LearningOptions()));
            var random = new Random(history);
            ScoresBenchmark.WriteLog(database, ScoresBenchmark.YearOfAnswers(history, members, random));
            board.RebuildTotalsIfMissing();
            database.Database.Checkpoint();
            database.Database.Pragma("CHECKPOINT", background ? 0 : checkpointPages);
            var logFile = Path.ChangeExtension(file, null) + "-log.db";
            System.Console.WriteLine(background
                ? $"LiteDB's checkpoint off; another thread checkpoints past {checkpointPages:N0} pages"
                : $"LiteDB checkpoints on the commit that takes the -log file past {checkpointPages:N0} pages");
            using var stop = new CancellationTokenSource();
            var checkpoints = background ? Task.Run(() => CheckpointPast(database, logFile, checkpointPages, stop.Token)) : Task.CompletedTask;
            MeasureLiteDb(board, logFile, members, calls, random);
            stop.Cancel();
            checkpoints.Wait();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        if (postgres is not null)
            MeasurePostgres(postgres, history, members, calls);
    }

    private static async Task CheckpointPast(VocabDatabase database, string logFile, int pages, CancellationToken stop)
    {
        var done = 0;
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), CancellationToken.None);
            if (File.Exists(logFile) && new FileInfo(logFile).Length >= (long)pages * PageSize)
            {
                database.Database.Checkpoint();
                done++;
            }
        }

        System.Console.WriteLine($"    {done} checkpoints by the other thread");
    }

    private static void MeasureLiteDb(Scoreboard board, string logFile, int members, int calls, Random random)
    {
        long LogLength() => File.Exists(logFile) ? new FileInfo(logFile).Length : 0;
        var now = ScoresBenchmark.YearStart.AddDays(365);
        for (var i = 0; i < 200; i++)
            board.Record(ScoresBenchmark.Guild, ScoresBenchmark.Member(random.Next(members)), "Member", "word", random.Next(4) > 0, now);
        var all = new double[calls];
        var checkpointed = new List<double>();
        var collected = new List<double>();
        var others = new List<double>();
        var pages = new List<long>();
        var pausedBefore = GC.GetTotalPauseDuration();
        var gen0Before = GC.CollectionCount(0);
        var gen2Before = GC.CollectionCount(2);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < calls; i++)
        {
            var before = LogLength();
            var collections = GC.CollectionCount(0);
            var start = Stopwatch.GetTimestamp();
            board.Record(ScoresBenchmark.Guild, ScoresBenchmark.Member(random.Next(members)), "Member", "word", random.Next(4) > 0, now);
            all[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var after = LogLength();
            if (after < before)
                checkpointed.Add(all[i]);
            else if (GC.CollectionCount(0) != collections)
                collected.Add(all[i]);
            else
            {
                others.Add(all[i]);
                pages.Add((after - before) / PageSize);
            }
        }

        var paused = GC.GetTotalPauseDuration() - pausedBefore;
        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / calls;
        Array.Sort(all);
        others.Sort();
        checkpointed.Sort();
        collected.Sort();
        pages.Sort();
        System.Console.WriteLine($"LiteDB: every answer      p50 {Percentile.Of(all, 0.5),7:F3}  p99 {Percentile.Of(all, 0.99),7:F3}  p99.9 {Percentile.Of(all, 0.999),7:F3}  max {all[^1],8:F3}  ({allocated / 1024.0:F1} KB allocated an answer)");
        System.Console.WriteLine($"    neither of the below  p50 {Percentile.Of([.. others], 0.5),7:F3}  p99 {Percentile.Of([.. others], 0.99),7:F3}  ({others.Count} answers; pages written to the -log file: mean {pages.Average():F1}, median {pages[pages.Count / 2]}, max {pages[^1]})");
        System.Console.WriteLine(checkpointed.Count == 0
            ? "    during a checkpoint   none"
            : $"    during a checkpoint   min {checkpointed[0],7:F3}  p50 {checkpointed[checkpointed.Count / 2],7:F3}  max {checkpointed[^1],8:F3}  ({checkpointed.Count} answers, {100.0 * checkpointed.Count / calls:F1}%)");
        System.Console.WriteLine(collected.Count == 0
            ? "    during a collection   none"
            : $"    during a collection   min {collected[0],7:F3}  p50 {collected[collected.Count / 2],7:F3}  max {collected[^1],8:F3}  ({collected.Count} answers, {100.0 * collected.Count / calls:F1}%; " +
              $"{GC.CollectionCount(0) - gen0Before} collections, {GC.CollectionCount(2) - gen2Before} of them full, {paused.TotalMilliseconds:F0} ms paused in all; heap {GC.GetTotalMemory(false) / 1048576} MB)");
    }

    private static void MeasurePostgres(string server, int history, int members, int calls)
    {
        BenchmarkPostgres.With(server, "vocabbot_record", PostgresScoreStore.Migrations, database =>
        {
            var random = new Random(history);
            ScoresBenchmark.WriteLog(database, ScoresBenchmark.YearOfAnswers(history, members, random));
            new Scoreboard(new PostgresScoreStore(database), Options.Create(new LearningOptions())).RebuildTotalsIfMissing();
            BenchmarkPostgres.Settle(database);
            var now = ScoresBenchmark.YearStart.AddDays(365);
            foreach (var synchronousCommit in new[] { "on", "off", "on", "off" })
            {
                var connection = new NpgsqlConnectionStringBuilder(server) { Database = "vocabbot_record", Options = $"-c synchronous_commit={synchronousCommit}" };
                using var session = new PostgresDatabase(connection.ConnectionString);
                var board = new Scoreboard(new PostgresScoreStore(session), Options.Create(new LearningOptions()));
                Percentile.Report($"PostgreSQL, synchronous_commit {synchronousCommit}".PadRight(36), calls,
                    () => board.Record(ScoresBenchmark.Guild, ScoresBenchmark.Member(random.Next(members)), "Member", "word", random.Next(4) > 0, now));
            }
        });
    }
}
