using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VocabBot.Discord;

/// <summary>
/// The one way the bot calls Discord's HTTP API: rate limits respected before sending,
/// 429 waited out, 5xx and timeouts retried a bounded number of times, other 4xx reported.
/// Logs name the route template, never ids, tokens or headers.
/// </summary>
internal sealed partial class DiscordRestClient(
    IHttpClientFactory httpClientFactory,
    IOptions<DiscordOptions> options,
    RateLimiter rateLimiter,
    TimeProvider time,
    ILogger<DiscordRestClient> logger)
{
    public const string HttpClientName = "discord";
    private const int MaxRateLimitedRetries = 5;

    public async Task<JsonElement?> SendAsync(DiscordRoute route, JsonNode? body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route);
        var settings = options.Value;
        var client = httpClientFactory.CreateClient(HttpClientName);
        int failures = 0, rateLimited = 0;
        while (true)
        {
            await rateLimiter.WaitAsync(route, cancellationToken).ConfigureAwait(false);
            using var request = CreateRequest(route, body, settings);
            using var timeout = new CancellationTokenSource(settings.RestTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, linked.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                LogTransient(logger, route, ex.GetType().Name, ++failures, settings.RestMaxAttempts);
                await BackoffOrThrowAsync(route, failures, settings, cancellationToken).ConfigureAwait(false);
                continue;
            }
            using (response)
            {
                rateLimiter.Update(route, response.Headers);
                if (response.IsSuccessStatusCode)
                    return await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.TooManyRequests && ++rateLimited <= MaxRateLimitedRetries)
                {
                    var (retryAfter, global) = await ReadRetryAfterAsync(response, cancellationToken).ConfigureAwait(false);
                    LogRateLimited(logger, route, retryAfter.TotalSeconds, global);
                    rateLimiter.Block(route, retryAfter, global);
                    continue;
                }
                var status = (int)response.StatusCode;
                if (status >= 500)
                {
                    LogTransient(logger, route, $"HTTP {status}", ++failures, settings.RestMaxAttempts);
                    await BackoffOrThrowAsync(route, failures, settings, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                var (code, message) = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
                LogRejected(logger, route, status, code, message);
                throw new DiscordApiException($"Discord refused {route}: HTTP {status}, {code} {message}", status, code);
            }
        }
    }

    private HttpRequestMessage CreateRequest(DiscordRoute route, JsonNode? body, DiscordOptions settings)
    {
        var request = new HttpRequestMessage(route.Method, settings.ApiBaseUrl.TrimEnd('/') + route.Path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", settings.Token);
        request.Headers.UserAgent.ParseAdd(DiscordUserAgent.Value);
        if (body is not null)
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return request;
    }

    private async Task BackoffOrThrowAsync(DiscordRoute route, int failures, DiscordOptions settings, CancellationToken cancellationToken)
    {
        if (failures >= settings.RestMaxAttempts)
            throw new DiscordApiException($"Discord did not answer {route} after {failures} attempts.");
        var delay = settings.RestRetryDelay * Math.Pow(2, failures - 1);
        await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<JsonElement?> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
            return null;
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
            return null;
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static async Task<(TimeSpan RetryAfter, bool Global)> ReadRetryAfterAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var seconds = 1.0;
        var global = response.Headers.Contains("X-RateLimit-Global");
        try
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
            if (body.TryGetProperty("retry_after", out var retryAfter) && retryAfter.TryGetDouble(out var value))
                seconds = value;
            if (body.TryGetProperty("global", out var isGlobal) && isGlobal.ValueKind == JsonValueKind.True)
                global = true;
        }
        catch (JsonException)
        {
            if (response.Headers.TryGetValues("Retry-After", out var values)
                && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var header))
                seconds = header;
        }
        return (TimeSpan.FromSeconds(Math.Clamp(seconds, 0, 3600)), global);
    }

    private static async Task<(int? Code, string Message)> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            int? code = root.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : null;
            var message = root.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
            if (root.TryGetProperty("errors", out var errors))
                message += " " + errors.GetRawText();
            return (code, message);
        }
        catch (JsonException)
        {
            return (null, text.Length > 500 ? text[..500] : text);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord {Route} failed ({Reason}), attempt {Attempt} of {MaxAttempts}")]
    private static partial void LogTransient(ILogger logger, DiscordRoute route, string reason, int attempt, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord rate-limited {Route}: retrying after {RetryAfterSeconds} s (global: {Global})")]
    private static partial void LogRateLimited(ILogger logger, DiscordRoute route, double retryAfterSeconds, bool global);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord refused {Route}: HTTP {Status}, code {Code}: {ErrorMessage}")]
    private static partial void LogRejected(ILogger logger, DiscordRoute route, int status, int? code, string errorMessage);
}
