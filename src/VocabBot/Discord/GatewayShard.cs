using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VocabBot.Discord;

/// <summary>What every shard of the process shares; one instance, from the container.</summary>
internal sealed record ShardServices(
    DiscordRestClient Rest,
    IdentifyThrottle Throttle,
    ShardStates States,
    CommandRegistrar Registrar,
    InteractionResponder Responder,
    BackgroundWork Work,
    FatalStop FatalStop,
    IOptions<DiscordOptions> Options,
    TimeProvider Time,
    ILogger<DiscordGateway> Logger);

/// <summary>How a shard's run ended: the bot stops, Discord refused it for good, or it needs more shards (4011).</summary>
internal sealed record ShardEnd(GatewayOutcomeKind Kind, string Reason);

/// <summary>
/// One gateway shard: its own connection, sequence, session and resume. Keeps it connected: resumes or identifies
/// anew after each disconnect and backs off when connecting keeps failing, until the bot stops or Discord closes it
/// with a code no retry fixes.
/// </summary>
internal sealed partial class GatewayShard(int id, int count, GatewayInfo? first, ShardServices services) : IGatewayShard
{
    private readonly GatewaySession _session = new();
    private GatewayInfo? _pending = first;

    public int Id => id;

    public int Count => count;

    /// <summary>"1/4": shard 1 of 4, as log lines and the liveness file name it.</summary>
    public string Label { get; } = string.Create(CultureInfo.InvariantCulture, $"{id}/{count}");

    public async Task<ShardEnd> RunAsync(CancellationToken stoppingToken)
    {
        var settings = services.Options.Value;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            GatewayOutcome outcome;
            try
            {
                outcome = await ConnectOnceAsync(settings, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (DiscordApiException) when (services.FatalStop.TokenRefused)
            {
                break; // the REST client saw the 401 and has stopped the bot
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogConnectFailed(services.Logger, Label, ex.GetType().Name, ex.Message);
                outcome = new(GatewayOutcomeKind.Failed, "could not connect", false);
            }
            services.States.Set(id, "disconnected");
            if (outcome.Kind is GatewayOutcomeKind.Stopped or GatewayOutcomeKind.Fatal or GatewayOutcomeKind.ShardingRequired)
                return new(outcome.Kind, outcome.Reason);
            failures = outcome.Established ? 0 : failures;
            if (outcome.Kind == GatewayOutcomeKind.Failed || !outcome.Established)
                failures++;
            var delay = failures > 0 ? Max(outcome.Delay, Backoff(settings, failures)) : outcome.Delay;
            LogReconnecting(services.Logger, Label, outcome.Reason, _session.CanResume ? "resume" : "identify", delay.TotalSeconds);
            await Task.Delay(delay, services.Time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        return new(GatewayOutcomeKind.Stopped, "the bot is stopping");
    }

    private async Task<GatewayOutcome> ConnectOnceAsync(DiscordOptions settings, CancellationToken stoppingToken)
    {
        Uri url;
        if (_session.CanResume)
        {
            url = _session.ResumeUrl!;
        }
        else
        {
            // The gateway fetched the first one for all shards (and gave the throttle its limits); later identifies ask again, as the docs advise.
            var gateway = _pending;
            _pending = null;
            if (gateway is null)
            {
                gateway = await GatewayInfo.FetchAsync(services.Rest, services.Time, stoppingToken).ConfigureAwait(false);
                services.Throttle.Update(gateway.StartLimit);
            }
            await services.Throttle.WaitForSessionStartAsync(Label, stoppingToken).ConfigureAwait(false);
            url = GatewaySession.WithQuery(gateway.Url);
        }
        services.States.Set(id, "connecting");
        using var socket = await GatewaySocket.ConnectAsync(url, stoppingToken).ConfigureAwait(false);
        var connection = new GatewayConnection(socket, _session, this, settings, services.Time, services.Logger);
        return await connection.RunAsync(stoppingToken).ConfigureAwait(false);
    }

    public Task BeforeIdentifyAsync(CancellationToken cancellationToken) => services.Throttle.WaitForTurnAsync(id, cancellationToken);

    public void OnReady(string applicationId)
    {
        Connected("READY");
        services.Work.Run(ct => services.Registrar.RegisterAsync(applicationId, ct), "registering slash commands");
    }

    public void OnResumed() => Connected("RESUMED");

    public void OnHeartbeatAck() => services.States.Healthy();

    // The 3-second clock starts here, as the interaction arrives, not when its handler is reached.
    public void OnInteraction(JsonElement interaction)
    {
        var receivedAt = services.Time.GetTimestamp();
        services.Work.Run(ct => services.Responder.RespondAsync(interaction, _session.ApplicationId ?? "", receivedAt, ct), "answering an interaction");
    }

    private void Connected(string how)
    {
        services.States.Set(id, how);
        LogConnected(services.Logger, Label, how);
        services.States.Healthy();
    }

    // Kept by hand rather than as a Polly retry: the loop never ends, its count restarts once a connection is
    // established, and its wait is the longer of this and the outcome's own (Invalid Session's random 1 to 5 s),
    // which a delay generator could give only by computing this backoff itself.
    public static TimeSpan Backoff(DiscordOptions settings, int failures)
    {
        var delay = settings.ReconnectDelay * Math.Pow(2, Math.Min(failures - 1, 16));
        return delay > settings.ReconnectMaxDelay ? settings.ReconnectMaxDelay : delay;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {Shard} connected to the Discord gateway ({How})")]
    private static partial void LogConnected(ILogger logger, string shard, string how);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {Shard}: gateway connection ended: {Reason}; will {Next} in {DelaySeconds} s")]
    private static partial void LogReconnecting(ILogger logger, string shard, string reason, string next, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {Shard}: could not reach the Discord gateway: {ErrorType}: {ErrorMessage}")]
    private static partial void LogConnectFailed(ILogger logger, string shard, string errorType, string errorMessage);
}
