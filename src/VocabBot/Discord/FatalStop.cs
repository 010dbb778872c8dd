using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VocabBot.Discord;

/// <summary>
/// Stops the bot for good when Discord says that no retry can help: a refused token (HTTP 401 on any
/// REST call, close 4004 on the gateway) or a gateway close for a setup error. It logs why, removes the
/// liveness file, sets exit code 1 and stops the host; only the first reason is logged.
/// </summary>
internal sealed partial class FatalStop(LivenessFile liveness, IHostApplicationLifetime lifetime, ILogger<FatalStop> logger)
{
    private int _stopped;
    private volatile bool _tokenRefused;

    /// <summary>Whether Discord refused the token: every further request would be refused too, and count as invalid.</summary>
    public bool TokenRefused => _tokenRefused;

    public void OnTokenRefused(DiscordRoute route)
    {
        _tokenRefused = true;
        if (TryStop())
        {
            LogTokenRefused(logger, route);
            Stop();
        }
    }

    public void OnGatewayClosed(string reason)
    {
        if (TryStop())
        {
            LogGatewayClosed(logger, reason);
            Stop();
        }
    }

    private bool TryStop() => Interlocked.Exchange(ref _stopped, 1) == 0;

    private void Stop()
    {
        liveness.Remove();
        Environment.ExitCode = 1;
        lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord refused the bot token (HTTP 401 on {Route}): check Discord:Token. The bot stops; retrying would not help.")]
    private static partial void LogTokenRefused(ILogger logger, DiscordRoute route);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord closed the gateway for good: {Reason}. The bot stops; retrying would not help.")]
    private static partial void LogGatewayClosed(ILogger logger, string reason);
}
