using System.Diagnostics;

namespace VocabBot.Benchmarks;

/// <summary>
/// This disk's own durable-write time: 4 KB appended to a file and flushed to the device (fsync), as a database's commit
/// does. Whatever a store does, a durable commit costs at least one of these, so its p99 bounds a commit's p99.
/// </summary>
public static class FsyncBenchmark
{
    /// <param name="folder">Where the file is written (the disk under test); null: the temp folder, where the scores benchmark keeps its databases.</param>
    public static void Run(int writes, int repeats, string? folder)
    {
        var directory = folder is null
            ? Directory.CreateTempSubdirectory("vocabbot-fsync-").FullName
            : Directory.CreateDirectory(Path.Combine(folder, $"vocabbot-fsync-{Environment.ProcessId}")).FullName;
        try
        {
            System.Console.WriteLine($"{writes:N0} writes of 4 KB, each flushed to the device (FileStream.Flush(true), fsync), in {directory}; ms");
            var page = new byte[4096];
            Random.Shared.NextBytes(page);
            for (var repeat = 0; repeat < repeats; repeat++)
            {
                var path = Path.Combine(directory, "fsync.bin");
                using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
                {
                    var latencies = new double[writes];
                    for (var i = 0; i < writes; i++)
                    {
                        var start = Stopwatch.GetTimestamp();
                        file.Write(page);
                        file.Flush(flushToDisk: true);
                        latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    }

                    Array.Sort(latencies);
                    System.Console.WriteLine($"    {"write + fsync",-18} p50 {Percentile.Of(latencies, 0.50),7:F3}  p99 {Percentile.Of(latencies, 0.99),7:F3}  max {latencies[^1],8:F3}");
                }

                File.Delete(path);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
