using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using VocabBot.Chat;
using VocabBot.Content;
using VocabBot.Library;

namespace VocabBot.WordOfTheDay;

internal enum PostOutcome { Posted, AlreadyPosted, NoWords, Failed, Refused }

/// <summary>
/// Picks each channel's word for its local day and posts it exactly once: the day's record is
/// written as posted only after the post went through, and every post first checks it. Each channel
/// posts on its own: a channel whose posts fail and are retried holds up no other channel, and no
/// /wotd reply. A channel Discord refuses for good is not posted to again until it is set up anew.
/// </summary>
internal sealed partial class WordOfTheDayService
{
    private readonly IWotdStore _store;
    private readonly ServerLibraries _libraries;
    private readonly WordCycle _cycle;
    private readonly WotdSchedules _schedules;
    private readonly TimeProvider _time;
    private readonly ILogger<WordOfTheDayService> _logger;
    private readonly WotdCard _card;
    private readonly ResiliencePipeline _retry;
    private static readonly ResiliencePropertyKey<string> ChannelKey = new("wotd.channel");

    // Choosing a day's word is quick and done one at a time; a post holds only its own channel's gate.
    private readonly SemaphoreSlim _choosing = new(1, 1);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _posting = new(StringComparer.Ordinal);

    public WordOfTheDayService(IWotdStore store, ServerLibraries libraries, WordCycle cycle, WotdSchedules schedules,
        IOptions<WordOfTheDayOptions> options, TimeProvider time, ILogger<WordOfTheDayService> logger, WotdCard card)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_store, _libraries, _cycle, _schedules, _time, _logger, _card) = (store, libraries, cycle, schedules, time, logger, card);
        _retry = RetryPipeline(options.Value, time, logger);
    }

    /// <summary>The channel's word for today in its zone from its server's library, chosen now if the day has none yet.</summary>
    public async Task<WordDocument?> TodayAsync(string channelId, string? guildId, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var library = _libraries.For(guildId);
        var day = await DayAsync(channelId, library, zone, cancellationToken);
        return day is null ? null : library.ByKey(day.WordKey).FirstOrDefault();
    }

    /// <summary>Posts today's word unless this channel already had it today; retries a failed post with backoff.</summary>
    public async Task<PostOutcome> PostIfDueAsync(string channelId, TimeZoneInfo zone, IChannelMessenger messenger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messenger);
        if (await _schedules.RefusalAsync(channelId, cancellationToken) is { } refusal)
        {
            LogStillRefused(_logger, channelId, refusal.Reason);
            return PostOutcome.Refused;
        }

        var gate = _posting.GetOrAdd(channelId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            // A post the store could not record as posted would go out again at the next try.
            _store.EnsureWritable();
            var setup = await _schedules.SetupAsync(channelId, cancellationToken);
            var library = _libraries.For(setup?.GuildId);
            var day = await DayAsync(channelId, library, zone, cancellationToken);
            if (day is null)
            {
                LogNoWords(_logger, channelId);
                return PostOutcome.NoWords;
            }

            if (day.Posted)
                return PostOutcome.AlreadyPosted;
            var word = library.ByKey(day.WordKey).First();
            // A scheduled post has no request: it is in the language /wotd-setup stored, English for a configured schedule.
            var post = ChatCulture.In(ChatCulture.For(setup?.Language), () => _card.Render(word));
            if (await TryPostAsync(channelId, post, messenger, cancellationToken) is { } failed)
                return failed;
            // Recorded even while stopping, since the post went through. Only another process on the same
            // database can have recorded the day meanwhile: this one holds the channel's gate.
            if (!await _store.RecordPostAsync(channelId, day.Date, day.WordKey, _time.GetUtcNow(), CancellationToken.None))
                LogPostedElsewhere(_logger, channelId, Format(day.Date));
            LogPosted(_logger, word.Headword, channelId, Format(day.Date));
            return PostOutcome.Posted;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The last local date the channel got its word, or null when it never did.</summary>
    public Task<DateOnly?> LastPostedDateAsync(string channelId, CancellationToken cancellationToken) =>
        _store.LastPostedDateAsync(channelId, cancellationToken);

    /// <summary>The local date of an instant in a zone, as the day records name it.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<WotdDay?> DayAsync(string channelId, WordLibrary library, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        await _choosing.WaitAsync(cancellationToken);
        try
        {
            var date = LocalDate(_time.GetUtcNow(), zone);
            var day = await _store.FindDayAsync(channelId, date, cancellationToken);
            // A word removed from the server's library since it was chosen is never posted: choose again.
            if (day is not null && (day.Posted || library.ByKey(day.WordKey).Count > 0))
                return day;
            var key = await _cycle.NextAsync(channelId, library, cancellationToken);
            return key is null ? null : await _store.ChooseWordAsync(channelId, date, key, replacing: day?.WordKey, cancellationToken);
        }
        finally
        {
            _choosing.Release();
        }
    }

    // Null when the post went through, else why not.
    private async Task<PostOutcome?> TryPostAsync(string channelId, ChatReply message, IChannelMessenger messenger, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ChannelKey, channelId);
        try
        {
            await _retry.ExecuteAsync(async ctx => await messenger.PostAsync(channelId, message, ctx.CancellationToken), context);
            return null;
        }
        catch (ChannelRefusedException e)
        {
            await _schedules.MarkRefusedAsync(channelId, e.Reason, _time.GetUtcNow(), CancellationToken.None);
            LogRefused(_logger, channelId, e.Reason);
            return PostOutcome.Refused;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogGaveUp(_logger, e, channelId);
            return PostOutcome.Failed;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static ResiliencePipeline RetryPipeline(WordOfTheDayOptions options, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        // Polly takes at least one retry; PostAttempts = 1 means none.
        if (options.PostAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.PostAttempts - 1,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not (OperationCanceledException or ChannelRefusedException)),
                OnRetry = args =>
                {
                    LogRetrying(logger, args.Outcome.Exception, args.Context.Properties.GetValue(ChannelKey, ""), args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }
        return builder.Build();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Posted the word of the day '{Word}' to channel {Channel} for {Date}")]
    private static partial void LogPosted(ILogger logger, string word, string channel, string date);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel {Channel} got the word of the day for {Date} from another process on the same database too")]
    private static partial void LogPostedElsewhere(ILogger logger, string channel, string date);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No word of the day for channel {Channel}: the content has no words")]
    private static partial void LogNoWords(ILogger logger, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Posting the word of the day to channel {Channel} failed (attempt {Attempt}); retrying in {Delay}")]
    private static partial void LogRetrying(ILogger logger, Exception? exception, string channel, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Posting the word of the day to channel {Channel} failed after every retry; giving up for now")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, string channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "Channel {Channel} refused the word of the day ({Reason}); no more posts there until /wotd-setup sets it up again")]
    private static partial void LogRefused(ILogger logger, string channel, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Skipped the word of the day for channel {Channel}: it refused posts ({Reason})")]
    private static partial void LogStillRefused(ILogger logger, string channel, string reason);
}
