using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VocabBot.Learning.Scores;

/// <summary>
/// Draws one /stats picture in the background at start-up. The first picture of a process loads SkiaSharp's native
/// library and warms its code paths (tens of ms, docs/PERFORMANCE.md), which would otherwise fall on the first /stats.
/// </summary>
internal sealed partial class ProgressPictureWarmup(ILogger<ProgressPictureWarmup> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var today = new DateOnly(2026, 1, 5);
            ProgressPicture.Render(new DailyHistory(DailyHistory.FirstDayFor(today), today, [new DayCount(today, 1, 1)]), 1);
            LogWarmed(logger, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or BadImageFormatException)
        {
            // Not fatal: everything else works; /stats will fail the same way, and this says why at start.
            LogNoNativeLibrary(logger, e);
        }
    }, stoppingToken);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Drew a first /stats picture in {Milliseconds:0.0} ms (SkiaSharp loaded)")]
    private static partial void LogWarmed(ILogger logger, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "SkiaSharp's native library did not load; /stats cannot draw its picture")]
    private static partial void LogNoNativeLibrary(ILogger logger, Exception exception);
}
