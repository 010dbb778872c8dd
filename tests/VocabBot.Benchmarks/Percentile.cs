namespace VocabBot.Benchmarks;

internal static class Percentile
{
    /// <summary>The nearest-rank percentile of ascending <paramref name="sorted"/> times, e.g. 0.99 for p99.</summary>
    public static double Of(double[] sorted, double quantile) => sorted[(int)Math.Ceiling(quantile * sorted.Length) - 1];
}
