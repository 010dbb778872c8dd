using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VocabBot.Storage;

namespace VocabBot.Discord;

/// <summary>
/// Keeps a file fresh while the gateway answers heartbeats on every shard (with HTTP interactions: every 30 s while the server
/// listens); a HEALTHCHECK reads its age. Removed
/// when the bot stops or gives up, so a stale or missing file means an unhealthy bot.
/// </summary>
internal sealed partial class LivenessFile(IOptions<DiscordOptions> options, TimeProvider time, ILogger<LivenessFile> logger, StorageHealth? storage = null)
{
    private bool _warned;

    /// <summary>Writes the time, then <paramref name="details"/> (each gateway shard's state), to the file.</summary>
    public void Touch(string details = "")
    {
        // A bot that cannot save is not healthy, even while the gateway answers: the health check turns red.
        if (options.Value.LivenessFile is not { Length: > 0 } path || storage?.IsFailing == true)
            return;
        try
        {
            File.WriteAllText(path, time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture) + details);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (!_warned)
                LogCannotWrite(logger, path, ex.Message);
            _warned = true;
        }
    }

    public void Remove()
    {
        if (options.Value.LivenessFile is { Length: > 0 } path)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogCannotWrite(logger, path, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot write the liveness file {Path}: {Error}")]
    private static partial void LogCannotWrite(ILogger logger, string path, string error);
}
