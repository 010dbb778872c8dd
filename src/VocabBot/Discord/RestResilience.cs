using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace VocabBot.Discord;

/// <summary>
/// The REST client's Polly pipelines: up to <see cref="DiscordOptions.RestMaxAttempts"/> attempts with exponential
/// backoff from <see cref="DiscordOptions.RestRetryDelay"/> on a 5xx, a broken connection or a timeout, and a
/// timeout of <see cref="DiscordOptions.RestTimeout"/> on each attempt. A 4xx is Discord's answer, not a fault:
/// it is never retried here (429 is the client's own, through <see cref="RateLimiter"/>).
/// </summary>
internal static partial class RestResilience
{
    /// <summary>The route an execution sends, for the retry log line.</summary>
    public static readonly ResiliencePropertyKey<DiscordRoute> Route = new("VocabBot.Discord.Route");

    public static ResiliencePipeline<HttpResponseMessage> Retry(DiscordOptions settings, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (settings.RestMaxAttempts == 1)
            return builder.Build();
        return builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                .Handle<HttpRequestException>()
                .Handle<TimeoutRejectedException>()
                .HandleResult(response => (int)response.StatusCode >= 500),
            MaxRetryAttempts = settings.RestMaxAttempts - 1,
            Delay = settings.RestRetryDelay,
            BackoffType = DelayBackoffType.Exponential,
            OnRetry = args =>
            {
                args.Context.Properties.TryGetValue(Route, out var route);
                LogRetrying(logger, route, Describe(args.Outcome, settings), args.AttemptNumber + 1, settings.RestMaxAttempts, args.RetryDelay.TotalSeconds);
                return default;
            },
        }).Build();
    }

    public static ResiliencePipeline Timeout(DiscordOptions settings, TimeProvider time) =>
        new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(settings.RestTimeout).Build();

    /// <summary>Why an attempt failed, in words that carry no URL, id or token.</summary>
    public static string Describe(Outcome<HttpResponseMessage> outcome, DiscordOptions settings) => outcome.Exception switch
    {
        TimeoutRejectedException => $"no answer within {settings.RestTimeout.TotalSeconds} s",
        { } exception => exception.GetType().Name,
        null => $"HTTP {(int)outcome.Result!.StatusCode}",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord {Route} failed ({Reason}), attempt {Attempt} of {MaxAttempts}; retrying in {DelaySeconds} s")]
    private static partial void LogRetrying(ILogger logger, DiscordRoute? route, string reason, int attempt, int maxAttempts, double delaySeconds);
}
