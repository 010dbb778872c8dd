using Microsoft.Extensions.Options;

namespace VocabBot.Discord;

/// <summary>
/// Discord's max_concurrency: the shards whose id % max_concurrency is the same share a bucket, and a bucket
/// identifies once per <see cref="DiscordOptions.IdentifyInterval"/> (5 s) across every process of the bot.
/// </summary>
internal interface IIdentifyGate
{
    /// <summary>Returns when the bucket's next turn has come; that turn is then taken, and the one after is an interval later.</summary>
    Task WaitTurnAsync(int bucket, CancellationToken cancellationToken);
}

/// <summary>
/// The gate within one process, for LiteDB (one process per database file). Each caller reserves the bucket's next
/// free turn at once, so callers go in the order they asked, and a cancelled wait costs at most one interval.
/// </summary>
internal sealed class InProcessIdentifyGate(IOptions<DiscordOptions> options, TimeProvider time) : IIdentifyGate
{
    private readonly Dictionary<int, DateTimeOffset> _nextTurn = [];
    private readonly Lock _lock = new();

    public Task WaitTurnAsync(int bucket, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        DateTimeOffset turn;
        lock (_lock)
        {
            turn = _nextTurn.TryGetValue(bucket, out var next) && next > now ? next : now;
            _nextTurn[bucket] = turn + options.Value.IdentifyInterval;
        }
        return turn > now ? Task.Delay(turn - now, time, cancellationToken) : Task.CompletedTask;
    }
}
