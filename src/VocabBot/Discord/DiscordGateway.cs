using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VocabBot.Discord;

/// <summary>
/// Keeps the bot's gateway shards connected: asks GET /gateway/bot how many there should be (unless
/// Discord:ShardCount says), runs those of Discord:ShardIds (all by default) side by side, and when Discord closes
/// one with 4011 (sharding required) starts them all again with more. Stops the bot for good on the close codes
/// that no retry can fix.
/// </summary>
internal sealed partial class DiscordGateway(ShardServices services, LivenessFile liveness) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = services.Options.Value;
        // Validated at start: the ids parse, and fit Discord:ShardCount when they are given.
        var selection = ShardSelection.Parse(settings.ShardIds, out _)!;
        var count = settings.ShardCount;
        IReadOnlyList<int>? ids = null;
        while (await FetchGatewayAsync(stoppingToken).ConfigureAwait(false) is { } gateway)
        {
            if (ids is null)
            {
                count = count > 0 ? count : gateway.RecommendedShards;
                ids = selection.Resolve(count);
            }
            else
            {
                var grown = ShardSelection.GrownCount(count, gateway.RecommendedShards);
                if (grown > ShardSelection.MaxShardCount)
                {
                    services.FatalStop.OnGatewayClosed($"4011: sharding required, and {grown} shards would be more than this bot runs");
                    return;
                }
                ids = ShardSelection.Split(ids, count, grown);
                LogResharded(services.Logger, gateway.RecommendedShards, ShardSelection.Format(ids), grown);
                count = grown;
            }
            LogRunning(services.Logger, ShardSelection.Format(ids), count);
            var end = await RunShardsAsync(ids, count, gateway, stoppingToken).ConfigureAwait(false);
            if (end.Kind == GatewayOutcomeKind.Fatal)
            {
                services.FatalStop.OnGatewayClosed(end.Reason);
                return;
            }
            if (end.Kind != GatewayOutcomeKind.ShardingRequired)
                return;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await services.Work.DrainAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        liveness.Remove();
    }

    // Until one shard ends for a reason that concerns all (4011, a fatal close) or the bot stops; the others then close too.
    private async Task<ShardEnd> RunShardsAsync(IReadOnlyList<int> ids, int count, GatewayInfo gateway, CancellationToken stoppingToken)
    {
        using var generation = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        services.States.Reset(ids, count);
        // Once for all the shards: each counting its start off the same figure, none identifies past the limit.
        services.Throttle.Update(gateway.StartLimit);
        var runs = ids.Select(id => RunShardAsync(new GatewayShard(id, count, gateway, services), generation)).ToList();
        var ends = await Task.WhenAll(runs).ConfigureAwait(false);
        return ends.FirstOrDefault(e => e.Kind == GatewayOutcomeKind.Fatal)
            ?? ends.FirstOrDefault(e => e.Kind == GatewayOutcomeKind.ShardingRequired && !stoppingToken.IsCancellationRequested)
            ?? new(GatewayOutcomeKind.Stopped, "the bot is stopping");
    }

    private async Task<ShardEnd> RunShardAsync(GatewayShard shard, CancellationTokenSource generation)
    {
        var end = await shard.RunAsync(generation.Token).ConfigureAwait(false);
        if (end.Kind == GatewayOutcomeKind.ShardingRequired)
            LogShardingRequired(services.Logger, shard.Label);
        if (end.Kind is GatewayOutcomeKind.Fatal or GatewayOutcomeKind.ShardingRequired)
            await generation.CancelAsync().ConfigureAwait(false);
        return end;
    }

    // Null when the bot stops first, or Discord refused the token (the REST client has then stopped the bot).
    private async Task<GatewayInfo?> FetchGatewayAsync(CancellationToken stoppingToken)
    {
        for (var failures = 1; !stoppingToken.IsCancellationRequested; failures++)
        {
            try
            {
                return await GatewayInfo.FetchAsync(services.Rest, services.Time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (DiscordApiException) when (services.FatalStop.TokenRefused)
            {
                break;
            }
            catch (Exception ex)
            {
                var delay = GatewayShard.Backoff(services.Options.Value, failures);
                LogGatewayBotFailed(services.Logger, ex.GetType().Name, ex.Message, delay.TotalSeconds);
                await Task.Delay(delay, services.Time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Running gateway shard(s) {Shards} of {Count}")]
    private static partial void LogRunning(ILogger logger, string shards, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord closed shard {Shard} with 4011 (sharding required): the bot needs more shards; closing this process's shards to start again with more")]
    private static partial void LogShardingRequired(ILogger logger, string shard);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Re-sharded after 4011: Discord recommends {Recommended} shard(s); this process now runs shard(s) {Shards} of {Count}. Set Discord:ShardCount (and Discord:ShardIds, if set) to match, or the next start begins with too few again")]
    private static partial void LogResharded(ILogger logger, int recommended, string shards, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GET /gateway/bot failed: {ErrorType}: {ErrorMessage}; trying again in {DelaySeconds} s")]
    private static partial void LogGatewayBotFailed(ILogger logger, string errorType, string errorMessage, double delaySeconds);
}
