using Microsoft.Extensions.Logging;

namespace VocabBot.Discord;

/// <summary>
/// What a shard waits for before it identifies: the daily session start limit (identifying past it gets the token
/// reset, so the bot waits for reset_after instead) and its max_concurrency bucket's turn (<see cref="IIdentifyGate"/>).
/// One per process, shared by its shards; every GET /gateway/bot brings Discord's latest figures.
/// </summary>
internal sealed partial class IdentifyThrottle(IIdentifyGate gate, TimeProvider time, ILogger<IdentifyThrottle> logger)
{
    private readonly Lock _lock = new();
    private SessionStartLimit? _limit;

    public void Update(SessionStartLimit? limit)
    {
        lock (_lock)
            _limit = limit;
    }

    /// <summary>Before connecting to identify: waits while the day's session starts are used up, and counts this one.</summary>
    public async Task WaitForSessionStartAsync(string shard, CancellationToken cancellationToken)
    {
        SessionStartLimit? limit;
        lock (_lock)
        {
            limit = _limit;
            if (_limit is not null)
                _limit = _limit with { Remaining = _limit.Remaining - 1 };
        }
        if (limit is { Remaining: <= 0 } && limit.ResetAt - time.GetUtcNow() is var wait && wait > TimeSpan.Zero)
        {
            LogStartLimit(logger, shard, wait.TotalMinutes);
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>After Hello, right before Identify: waits for the shard's bucket (id % max_concurrency) to have its turn.</summary>
    public Task WaitForTurnAsync(int shardId, CancellationToken cancellationToken)
    {
        int concurrency;
        lock (_lock)
            concurrency = _limit?.MaxConcurrency ?? 1;
        return gate.WaitTurnAsync(shardId % concurrency, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {Shard}: the daily session start limit is used up; waiting {Minutes} min before identifying")]
    private static partial void LogStartLimit(ILogger logger, string shard, double minutes);
}
