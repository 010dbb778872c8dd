using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VocabBot.Discord;

/// <summary>
/// Keeps the bot connected to Discord's gateway: finds it, connects, resumes or identifies anew
/// after each disconnect, backs off when connecting keeps failing, and stops for good on the
/// close codes that no retry can fix.
/// </summary>
internal sealed partial class DiscordGateway(
    DiscordRestClient rest,
    CommandRegistrar registrar,
    InteractionResponder responder,
    BackgroundWork work,
    LivenessFile liveness,
    FatalStop fatalStop,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordGateway> logger) : BackgroundService
{
    private readonly GatewaySession _session = new();
    private SessionStartLimit? _startLimit;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
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
            catch (DiscordApiException) when (fatalStop.TokenRefused)
            {
                return; // the REST client saw the 401 and has stopped the bot
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogConnectFailed(logger, ex.GetType().Name, ex.Message);
                outcome = new(GatewayOutcomeKind.Failed, "could not connect", false);
            }
            if (outcome.Kind == GatewayOutcomeKind.Stopped)
                break;
            if (outcome.Kind == GatewayOutcomeKind.Fatal)
            {
                fatalStop.OnGatewayClosed(outcome.Reason);
                return;
            }
            failures = outcome.Established ? 0 : failures;
            if (outcome.Kind == GatewayOutcomeKind.Failed || !outcome.Established)
                failures++;
            var delay = failures > 0 ? Max(outcome.Delay, Backoff(settings, failures)) : outcome.Delay;
            LogReconnecting(logger, outcome.Reason, _session.CanResume ? "resume" : "identify", delay.TotalSeconds);
            await Task.Delay(delay, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await work.DrainAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        liveness.Remove();
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
            var gateway = await GatewayBotAsync(stoppingToken).ConfigureAwait(false);
            await WaitForSessionStartAsync(stoppingToken).ConfigureAwait(false);
            url = GatewaySession.WithQuery(gateway.GetProperty("url").GetString()!);
        }
        using var socket = await GatewaySocket.ConnectAsync(url, stoppingToken).ConfigureAwait(false);
        var connection = new GatewayConnection(socket, _session, settings, time, logger, OnReady, OnInteraction, liveness.Touch);
        return await connection.RunAsync(stoppingToken).ConfigureAwait(false);
    }

    private async Task<JsonElement> GatewayBotAsync(CancellationToken cancellationToken)
    {
        var gateway = await rest.SendAsync(DiscordRoute.GatewayBot(), null, cancellationToken).ConfigureAwait(false)
            ?? throw new DiscordApiException("GET /gateway/bot returned no body.");
        if (gateway.TryGetProperty("session_start_limit", out var limit))
            _startLimit = SessionStartLimit.From(limit, time.GetUtcNow());
        return gateway;
    }

    // Identifying past the daily limit gets the token reset, so the bot waits instead.
    private async Task WaitForSessionStartAsync(CancellationToken cancellationToken)
    {
        if (_startLimit is { Remaining: <= 0 } limit)
        {
            var wait = limit.ResetAt - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                LogStartLimit(logger, wait.TotalMinutes);
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
        }
        if (_startLimit is not null)
            _startLimit = _startLimit with { Remaining = _startLimit.Remaining - 1 };
    }

    private void OnReady(string applicationId) =>
        work.Run(ct => registrar.RegisterAsync(applicationId, ct), "registering slash commands");

    // The 3-second clock starts here, as the interaction arrives, not when its handler is reached.
    private void OnInteraction(JsonElement interaction)
    {
        var receivedAt = time.GetTimestamp();
        work.Run(ct => responder.RespondAsync(interaction, _session.ApplicationId ?? "", receivedAt, ct), "answering an interaction");
    }

    // Kept by hand rather than as a Polly retry: the loop never ends, its count restarts once a connection is
    // established, and its wait is the longer of this and the outcome's own (Invalid Session's random 1 to 5 s),
    // which a delay generator could give only by computing this backoff itself.
    private static TimeSpan Backoff(DiscordOptions settings, int failures)
    {
        var delay = settings.ReconnectDelay * Math.Pow(2, Math.Min(failures - 1, 16));
        return delay > settings.ReconnectMaxDelay ? settings.ReconnectMaxDelay : delay;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway connection ended: {Reason}; will {Next} in {DelaySeconds} s")]
    private static partial void LogReconnecting(ILogger logger, string reason, string next, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reach the Discord gateway: {ErrorType}: {ErrorMessage}")]
    private static partial void LogConnectFailed(ILogger logger, string errorType, string errorMessage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The daily session start limit is used up; waiting {Minutes} min before identifying")]
    private static partial void LogStartLimit(ILogger logger, double minutes);
}

internal sealed record SessionStartLimit(int Remaining, DateTimeOffset ResetAt)
{
    public static SessionStartLimit From(JsonElement limit, DateTimeOffset now) => new(
        limit.TryGetProperty("remaining", out var r) && r.TryGetInt32(out var remaining) ? remaining : 1,
        now + TimeSpan.FromMilliseconds(limit.TryGetProperty("reset_after", out var a) && a.TryGetDouble(out var after) ? after : 0));
}
