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
    /// <param name="postgresOnly">PostgreSQL's rows alone, in a process whose heap never held LiteDB's.</param>
    public static void Run(int history, int members, int calls, string? postgres, int checkpointPages = VocabDatabase.CheckpointPages, bool background = false,
        bool postgresOnly = false)
    {
        System.Console.WriteLine($"{history:N0} answers of {members:N0} members; {calls} answers recorded per row after 200 untimed; ms");
        if (postgresOnly && postgres is not null)
        {
            MeasurePostgres(postgres, history, members, calls);
            return;
        }

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
        ScoresBenchmark.WarmUp(i => board.Record(ScoresBenchmark.WarmUpGuild, ScoresBenchmark.Member(i % 100), "Member", "word", i % 4 > 0, now));
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
            // The load's garbage (and LiteDB's rows' before it) collected now, as the scores benchmark does, not by the
            // collections inside the timed rows.
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var now = ScoresBenchmark.YearStart.AddDays(365);
            var warm = new Scoreboard(new PostgresScoreStore(database), Options.Create(new LearningOptions()));
            ScoresBenchmark.WarmUp(i => warm.Record(ScoresBenchmark.WarmUpGuild, ScoresBenchmark.Member(i % 100), "Member", "word", i % 4 > 0, now));
            foreach (var synchronousCommit in new[] { "on", "off", "on", "off" })
            {
                var connection = new NpgsqlConnectionStringBuilder(server) { Database = "vocabbot_record", Options = $"-c synchronous_commit={synchronousCommit}" };
                using var session = new PostgresDatabase(connection.ConnectionString);
                var board = new Scoreboard(new PostgresScoreStore(session), Options.Create(new LearningOptions()));
                var before = WalNow(session);
                var (collectionsBefore, pausedBefore) = (GC.CollectionCount(0), GC.GetTotalPauseDuration());
                Percentile.Report($"PostgreSQL, synchronous_commit {synchronousCommit}".PadRight(36), calls,
                    () => board.Record(ScoresBenchmark.Guild, ScoresBenchmark.Member(random.Next(members)), "Member", "word", random.Next(4) > 0, now));
                var after = WalNow(session);
                var answers = calls + 200;
                FullPagesByRelation(session, before.Lsn, after.Lsn);
                System.Console.WriteLine($"      WAL an answer {(after.Bytes - before.Bytes) / 1024.0 / answers,5:F1} KB, " +
                    $"of it full-page images {(after.FullPages - before.FullPages) / (double)answers:F2} an answer; checkpoints during the row: {after.Checkpoints - before.Checkpoints}; " +
                    $"here {GC.CollectionCount(0) - collectionsBefore} collections, {(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds:F0} ms paused (heap {GC.GetTotalMemory(false) / 1048576} MB)");
            }
        });
    }

    // Where the server's WAL stands, its full-page images so far (a page's first change after a checkpoint is logged
    // whole; pg_stat_wal, PostgreSQL 15 and later) and its checkpoints. On the row's own pooled connection, made to
    // report its statistics first: a session otherwise reports them up to seconds later.
    private static (long Bytes, long FullPages, long Checkpoints, string Lsn) WalNow(PostgresDatabase session)
    {
        using var connection = session.Open();
        using (var flush = new NpgsqlCommand("SELECT pg_stat_force_next_flush()", connection))
            flush.ExecuteNonQuery();
        using var command = new NpgsqlCommand(
            "SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::bigint, wal_fpi, (SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter), pg_current_wal_insert_lsn()::text FROM pg_stat_wal",
            connection);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3));
    }

    private static void FullPagesByRelation(PostgresDatabase session, string from, string to)
    {
        using var connection = session.Open();
        using (var create = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_walinspect", connection))
            create.ExecuteNonQuery();
        // WAL can be read only once flushed; without the commit's flush the WAL writer does it within 200 ms.
        using (var flushed = new NpgsqlCommand("SELECT pg_current_wal_flush_lsn() >= $1::pg_lsn", connection))
        {
            flushed.Parameters.AddWithValue(to);
            for (var tries = 0; tries < 50 && !(bool)flushed.ExecuteScalar()!; tries++)
                Thread.Sleep(100);
        }

        using var command = new NpgsqlCommand("""
            SELECT coalesce(c.relname, m[1]), count(*) FROM pg_get_wal_records_info($1::pg_lsn, $2::pg_lsn) w,
                regexp_matches(w.block_ref, 'rel \d+/\d+/(\d+) fork \w+ blk \d+ \(FPW', 'g') m
                LEFT JOIN pg_class c ON c.relfilenode = m[1]::oid
            GROUP BY 1 ORDER BY 2 DESC
            """, connection);
        command.Parameters.AddWithValue(from);
        command.Parameters.AddWithValue(to);
        using var reader = command.ExecuteReader();
        var parts = new List<string>();
        while (reader.Read())
            parts.Add($"{reader.GetString(0)} {reader.GetInt64(1)}");
        System.Console.WriteLine($"      full-page images by relation: {string.Join(", ", parts)}");
    }
}
