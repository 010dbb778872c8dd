using Microsoft.Extensions.Logging;

namespace VocabBot.Race;

internal sealed partial class RaceHost
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Race {RaceId} closed round {Round}, {LateMs:0} ms after its deadline")]
    private static partial void LogRoundClosed(ILogger logger, string raceId, int round, double lateMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Race {RaceId} finished after {Rounds} round(s)")]
    private static partial void LogFinished(ILogger logger, string raceId, int rounds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Race {RaceId} ended: its channel refused the bot ({Reason})")]
    private static partial void LogRefused(ILogger logger, string raceId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Editing a race question in channel {ChannelId} failed; the race goes on")]
    private static partial void LogEditFailed(ILogger logger, Exception exception, string channelId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Race {RaceId} is run by another process now; this one let it go")]
    private static partial void LogTakenOver(ILogger logger, string raceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the races' leases failed; trying again shortly")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Giving up race {RaceId} at stop failed; another process takes it once its lease runs out")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string raceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Race {RaceId} failed; it carries on from the store in {Seconds} s")]
    private static partial void LogFailed(ILogger logger, Exception exception, string raceId, double seconds);
}
