using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VocabBot.Discord;

/// <summary>
/// Counts the requests Discord calls invalid (401, 403, and 429 unless its X-RateLimit-Scope is shared) over
/// a sliding 10 minutes. Discord bans the IP for a while at 10,000 of them; the bot warns as the count grows
/// and, at <see cref="DiscordOptions.InvalidRequestBudget"/>, holds every request but answers to interactions.
/// </summary>
internal sealed partial class InvalidRequestCounter(IOptions<DiscordOptions> options, TimeProvider time, ILogger<InvalidRequestCounter> logger)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private static readonly double[] WarnAt = [0.1, 0.25, 0.5, 0.75, 1];
    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _recent = new();
    private int _warned;

    /// <summary>Invalid requests in the last 10 minutes.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                Slide(time.GetUtcNow());
                return _recent.Count;
            }
        }
    }

    public static bool IsInvalid(int status, string? scope) =>
        status is 401 or 403 || (status == 429 && !string.Equals(scope, "shared", StringComparison.OrdinalIgnoreCase));

    public void Record(DiscordRoute route, int status, string? scope)
    {
        if (!IsInvalid(status, scope))
            return;
        int count, level;
        bool passed;
        lock (_lock)
        {
            var now = time.GetUtcNow();
            Slide(now);
            _recent.Enqueue(now);
            count = _recent.Count;
            level = Level(count);
            passed = level > _warned;
            _warned = level;
        }
        var budget = options.Value.InvalidRequestBudget;
        if (passed && level == WarnAt.Length)
        {
            _ = HasRoom(out var roomAt);
            LogBudgetReached(logger, count, budget, roomAt);
        }
        else if (passed)
            LogPassedThreshold(logger, count, status, route, budget);
    }

    /// <summary>Whether a request that is not an answer to an interaction may go out; if not, when it may.</summary>
    public bool HasRoom(out DateTimeOffset roomAt)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            Slide(now);
            var over = _recent.Count - options.Value.InvalidRequestBudget;
            roomAt = over < 0 ? now : _recent.ElementAt(over) + Window;
            return over < 0;
        }
    }

    private void Slide(DateTimeOffset now)
    {
        while (_recent.Count > 0 && _recent.Peek() <= now - Window)
            _recent.Dequeue();
        // Once the count has fallen below a threshold, passing it again warns again.
        _warned = Math.Min(_warned, Level(_recent.Count));
    }

    private int Level(int count)
    {
        var budget = options.Value.InvalidRequestBudget;
        return WarnAt.Count(share => count >= Math.Max(1, (int)Math.Ceiling(budget * share)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} invalid Discord requests in the last 10 minutes, the latest HTTP {Status} on {Route}; at {Budget} the bot holds its own requests (Discord bans the IP at 10,000)")]
    private static partial void LogPassedThreshold(ILogger logger, int count, int status, DiscordRoute route, int budget);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} invalid Discord requests in the last 10 minutes reached Discord:InvalidRequestBudget ({Budget}): the bot sends only answers to interactions until {RoomAt:O}")]
    private static partial void LogBudgetReached(ILogger logger, int count, int budget, DateTimeOffset roomAt);
}
