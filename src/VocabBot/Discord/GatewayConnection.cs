using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace VocabBot.Discord;

/// <summary>
/// Runs one gateway connection from Hello to its end: heartbeats, Identify or Resume,
/// dispatches, and the decision what to do once it ends. Its shard hears what happened on it.
/// </summary>
internal sealed partial class GatewayConnection(
    GatewaySocket socket,
    GatewaySession session,
    IGatewayShard shard,
    DiscordOptions options,
    TimeProvider time,
    ILogger logger)
{
    private volatile bool _acknowledged = true;
    private volatile bool _zombie;
    private bool _established;

    public async Task<GatewayOutcome> RunAsync(CancellationToken cancellationToken)
    {
        // Not linked to the stopping token: cancelling a pending receive aborts the socket, and the bot
        // wants to close it with 1000 instead. Stopping sends that close; the receive then ends normally.
        using var connection = new CancellationTokenSource();
        using var stopping = cancellationToken.Register(() => _ = socket.CloseNormallyAsync());
        Task heartbeats = Task.CompletedTask;
        try
        {
            var interval = await ReceiveHelloAsync(connection.Token).ConfigureAwait(false);
            if (interval is null)
                return cancellationToken.IsCancellationRequested ? Stopped() : Closed();
            heartbeats = HeartbeatAsync(interval.Value, connection.Token);
            if (session.CanResume)
            {
                await socket.SendAsync(GatewayPayloads.Resume(options.Token, session), connection.Token).ConfigureAwait(false);
            }
            else
            {
                await shard.BeforeIdentifyAsync(connection.Token).ConfigureAwait(false);
                await socket.SendAsync(GatewayPayloads.Identify(options.Token, shard.Id, shard.Count), connection.Token).ConfigureAwait(false);
            }
            while (true)
            {
                using var payload = await socket.ReceiveAsync(connection.Token).ConfigureAwait(false);
                if (payload is null)
                    return cancellationToken.IsCancellationRequested ? Stopped() : Closed();
                if (await HandleAsync(payload.RootElement, connection.Token).ConfigureAwait(false) is { } outcome)
                    return outcome;
            }
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            return Stopped();
        }
        catch (Exception ex)
        {
            // Anything else (a dead socket, a payload not as documented) ends this connection, not the bot.
            if (_zombie)
                return new(GatewayOutcomeKind.Resume, "no heartbeat ACK since the last heartbeat (zombie connection)", _established);
            LogConnectionFailed(logger, ex.GetType().Name, ex.Message);
            return new(GatewayOutcomeKind.Failed, "the connection failed", _established);
        }
        finally
        {
            await connection.CancelAsync().ConfigureAwait(false);
            await heartbeats.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task<TimeSpan?> ReceiveHelloAsync(CancellationToken cancellationToken)
    {
        using var hello = await socket.ReceiveAsync(cancellationToken).ConfigureAwait(false);
        if (hello is null)
            return null;
        var root = hello.RootElement;
        if (root.GetProperty("op").GetInt32() != GatewayPayloads.Hello)
            throw new InvalidOperationException("The gateway did not start with Hello.");
        return TimeSpan.FromMilliseconds(root.GetProperty("d").GetProperty("heartbeat_interval").GetDouble());
    }

    private async Task<GatewayOutcome?> HandleAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        switch (payload.GetProperty("op").GetInt32())
        {
            case GatewayPayloads.Dispatch:
                Dispatch(payload);
                return null;
            case GatewayPayloads.Heartbeat:
                await socket.SendAsync(GatewayPayloads.HeartbeatPayload(session.Sequence), cancellationToken).ConfigureAwait(false);
                return null;
            case GatewayPayloads.HeartbeatAck:
                _acknowledged = true;
                shard.OnHeartbeatAck();
                return null;
            case GatewayPayloads.Reconnect:
                await socket.CloseForResumeAsync(cancellationToken).ConfigureAwait(false);
                return new(GatewayOutcomeKind.Resume, "Discord asked for a reconnect (op 7)", _established);
            case GatewayPayloads.InvalidSession:
                await socket.CloseForResumeAsync(cancellationToken).ConfigureAwait(false);
                if (payload.TryGetProperty("d", out var resumable) && resumable.ValueKind == JsonValueKind.True)
                    return new(GatewayOutcomeKind.Resume, "invalid session, resumable (op 9)", _established);
                session.Reset();
                return new(GatewayOutcomeKind.Reidentify, "invalid session (op 9)", _established, InvalidSessionDelay());
            default:
                return null;
        }
    }

    private void Dispatch(JsonElement payload)
    {
        if (payload.TryGetProperty("s", out var s) && s.TryGetInt64(out var sequence))
            session.Sequence = sequence;
        var data = payload.GetProperty("d");
        switch (payload.GetProperty("t").GetString())
        {
            case "READY":
                session.Start(data.GetProperty("session_id").GetString()!, GatewaySession.WithQuery(data.GetProperty("resume_gateway_url").GetString()!));
                session.ApplicationId = data.GetProperty("application").GetProperty("id").GetString();
                _established = true;
                shard.OnReady(session.ApplicationId!);
                break;
            case "RESUMED":
                _established = true;
                shard.OnResumed();
                break;
            case "INTERACTION_CREATE":
                shard.OnInteraction(data.Clone());
                break;
        }
    }

    private async Task HeartbeatAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        await Task.Delay(interval * Random.Shared.NextDouble(), time, cancellationToken).ConfigureAwait(false);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!_acknowledged)
            {
                // Closing politely could hang on a dead link; aborting ends the receive loop at once.
                _zombie = true;
                socket.Abort();
                return;
            }
            _acknowledged = false;
            await socket.SendAsync(GatewayPayloads.HeartbeatPayload(session.Sequence), cancellationToken).ConfigureAwait(false);
            await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private GatewayOutcome Stopped() => new(GatewayOutcomeKind.Stopped, "the bot is stopping", _established);

    private GatewayOutcome Closed()
    {
        var code = socket.CloseCode;
        return code switch
        {
            4004 => new(GatewayOutcomeKind.Fatal, "4004 authentication failed: Discord:Token is wrong or was reset", _established),
            4011 => new(GatewayOutcomeKind.ShardingRequired, "4011: sharding required, the shard would handle too many servers", _established),
            >= 4010 and <= 4014 => new(GatewayOutcomeKind.Fatal, $"{code}: invalid shard, API version or intents", _established),
            4007 or 4009 => Reidentify($"{code}: the session cannot be resumed"),
            _ => new(GatewayOutcomeKind.Resume, $"the gateway closed the connection ({code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no code"})", _established),
        };
    }

    private GatewayOutcome Reidentify(string reason)
    {
        session.Reset();
        return new(GatewayOutcomeKind.Reidentify, reason, _established);
    }

    private TimeSpan InvalidSessionDelay() =>
        options.InvalidSessionMinDelay + (options.InvalidSessionMaxDelay - options.InvalidSessionMinDelay) * Random.Shared.NextDouble();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The gateway connection failed: {ErrorType}: {ErrorMessage}")]
    private static partial void LogConnectionFailed(ILogger logger, string errorType, string errorMessage);
}

/// <summary>The shard a connection belongs to: what Identify says, and what hears of READY, RESUMED, ACKs and interactions.</summary>
internal interface IGatewayShard
{
    int Id { get; }

    int Count { get; }

    /// <summary>Waits until the shard may identify (its max_concurrency bucket's turn).</summary>
    Task BeforeIdentifyAsync(CancellationToken cancellationToken);

    void OnReady(string applicationId);

    void OnResumed();

    void OnHeartbeatAck();

    void OnInteraction(JsonElement interaction);
}
