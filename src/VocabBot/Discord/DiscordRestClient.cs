using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace VocabBot.Discord;

/// <summary>
/// The one way the bot calls Discord's HTTP API: rate limits respected before sending, 429 waited out,
/// 5xx and timeouts retried a bounded number of times (<see cref="RestResilience"/>), other 4xx reported.
/// It keeps the bot's standing with Discord: every invalid request is counted, and after a refused token
/// or past the invalid-request budget it sends nothing more. Logs name the route template, never ids,
/// tokens or headers.
/// </summary>
internal sealed partial class DiscordRestClient(
    IHttpClientFactory httpClientFactory,
    IOptions<DiscordOptions> options,
    RateLimiter rateLimiter,
    InvalidRequestCounter invalidRequests,
    FatalStop fatalStop,
    TimeProvider time,
    ILogger<DiscordRestClient> logger)
{
    public const string HttpClientName = "discord";
    private const int MaxRateLimitedRetries = 5;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry = RestResilience.Retry(options.Value, time, logger);
    private readonly ResiliencePipeline _timeout = RestResilience.Timeout(options.Value, time);

    public Task<JsonElement?> SendAsync(DiscordRoute route, JsonNode? body, CancellationToken cancellationToken) =>
        SendAsync(route, body, [], cancellationToken);

    /// <summary>Sends a body with files attached (multipart/form-data with payload_json), as messages with pictures need.</summary>
    public async Task<JsonElement?> SendAsync(DiscordRoute route, JsonNode? body, IReadOnlyList<DiscordFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(files);
        var request = new DiscordRequestBody(body, files);
        for (var rateLimited = 0; ; rateLimited++)
        {
            using var response = await SendWithRetriesAsync(route, request, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
                return await DiscordResponses.ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.TooManyRequests || rateLimited == MaxRateLimitedRetries)
                throw await FailureAsync(route, response, cancellationToken).ConfigureAwait(false);
            var (retryAfter, global) = await DiscordResponses.ReadRetryAfterAsync(response, cancellationToken).ConfigureAwait(false);
            LogRateLimited(logger, route, retryAfter.TotalSeconds, global);
            rateLimiter.Block(route, retryAfter, global);
        }
    }

    private async Task<HttpResponseMessage> SendWithRetriesAsync(DiscordRoute route, DiscordRequestBody body, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RestResilience.Route, route);
        try
        {
            return await _retry.ExecuteAsync(
                static (context, state) => state.Client.SendOnceAsync(state.Route, state.Body, context.CancellationToken),
                context, (Client: this, Route: route, Body: body)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException)
        {
            var reason = RestResilience.Describe(Outcome.FromException<HttpResponseMessage>(ex), options.Value);
            LogGaveUp(logger, route, options.Value.RestMaxAttempts, reason);
            throw new DiscordApiException($"Discord did not answer {route} after {options.Value.RestMaxAttempts} attempts ({reason}).", innerException: ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<HttpResponseMessage> SendOnceAsync(DiscordRoute route, DiscordRequestBody body, CancellationToken cancellationToken)
    {
        ThrowIfHeld(route);
        await rateLimiter.WaitAsync(route, cancellationToken).ConfigureAwait(false);
        var client = httpClientFactory.CreateClient(HttpClientName);
        var response = await _timeout.ExecuteAsync(static async (state, token) =>
        {
            using var request = state.Client.CreateRequest(state.Route, state.Body);
            return await state.Http.SendAsync(request, token).ConfigureAwait(false);
        }, (Client: this, Http: client, Route: route, Body: body), cancellationToken).ConfigureAwait(false);
        rateLimiter.Update(route, response.Headers);
        invalidRequests.Record(route, (int)response.StatusCode, DiscordResponses.Scope(response));
        return response;
    }

    // Discord counts 401, 403 and most 429 against the IP and bans it for a while at 10,000 in 10 minutes:
    // after a refused token every request would be one, and past the budget the bot's own requests wait.
    private void ThrowIfHeld(DiscordRoute route)
    {
        if (fatalStop.TokenRefused)
            throw new DiscordApiException($"Not sending {route}: Discord refused the bot token, and the bot is stopping.");
        if (!route.IsInteractionResponse && !invalidRequests.HasRoom(out var roomAt))
            throw new DiscordApiException(
                $"Not sending {route}: the invalid requests (401, 403, 429) of the last 10 minutes reached Discord:InvalidRequestBudget " +
                $"({options.Value.InvalidRequestBudget}); the bot sends only answers to interactions until {roomAt:O}, so that Discord does not ban its IP.");
    }

    private HttpRequestMessage CreateRequest(DiscordRoute route, DiscordRequestBody body)
    {
        var settings = options.Value;
        var request = new HttpRequestMessage(route.Method, settings.ApiBaseUrl.TrimEnd('/') + route.Path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", settings.Token);
        request.Headers.UserAgent.ParseAdd(DiscordUserAgent.Value);
        request.Content = body.ToContent();
        return request;
    }

    // A 5xx that reaches here was the last of RestMaxAttempts; a 429, one too many; any other 4xx is final.
    private async Task<DiscordApiException> FailureAsync(DiscordRoute route, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested(); // Polly hands back a 5xx early when the caller gave up
        var status = (int)response.StatusCode;
        var (code, message) = await DiscordResponses.ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
        if (status >= 500)
        {
            LogGaveUp(logger, route, options.Value.RestMaxAttempts, $"HTTP {status}");
            return new DiscordApiException($"Discord did not answer {route} after {options.Value.RestMaxAttempts} attempts: HTTP {status}.", status, code);
        }
        LogRejected(logger, route, status, code, message);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
            fatalStop.OnTokenRefused(route);
        return new DiscordApiException($"Discord refused {route}: HTTP {status}, {code} {message}", status, code);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord rate-limited {Route}: retrying after {RetryAfterSeconds} s (global: {Global})")]
    private static partial void LogRateLimited(ILogger logger, DiscordRoute route, double retryAfterSeconds, bool global);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord refused {Route}: HTTP {Status}, code {Code}: {ErrorMessage}")]
    private static partial void LogRejected(ILogger logger, DiscordRoute route, int status, int? code, string errorMessage);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord did not answer {Route} after {Attempts} attempts, the last: {Reason}")]
    private static partial void LogGaveUp(ILogger logger, DiscordRoute route, int attempts, string reason);
}
