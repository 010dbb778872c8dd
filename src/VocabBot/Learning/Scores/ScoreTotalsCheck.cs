using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VocabBot.Learning.Scores;

/// <summary>
/// At start-up, before any command: a database from before the running totals (or the day counts) has answers and no
/// totals, so they are added up once from the answer log, which stays the history they can always be rebuilt from.
/// </summary>
internal sealed partial class ScoreTotalsCheck(Scoreboard scoreboard, ILogger<ScoreTotalsCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var replayed = scoreboard.RebuildTotalsIfMissing();
        if (replayed > 0)
            LogRebuilt(logger, replayed, Stopwatch.GetElapsedTime(started).TotalSeconds);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Added up the score totals and day counts from {Answers} logged answers in {Seconds:0.0} s")]
    private static partial void LogRebuilt(ILogger logger, int answers, double seconds);
}
