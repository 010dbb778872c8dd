using System.Diagnostics;

namespace VocabBot.Benchmarks;

internal static class Percentile
{
    /// <summary>The nearest-rank percentile of ascending <paramref name="sorted"/> times, e.g. 0.99 for p99.</summary>
    public static double Of(double[] sorted, double quantile) => sorted[(int)Math.Ceiling(quantile * sorted.Length) - 1];

    /// <summary>Times <paramref name="calls"/> calls after 200 untimed ones and prints p50, p99 and max in ms.</summary>
    public static void Report(string name, int calls, Action call)
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
        System.Console.WriteLine($"    {name,-18} p50 {Of(latencies, 0.50),7:F3}  p99 {Of(latencies, 0.99),7:F3}  max {latencies[^1],8:F3}");
    }
}
