using System.Globalization;
using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VocabBot.Content;
using VocabBot.Learning;
using VocabBot.Storage;

namespace VocabBot.WordOfTheDay;

public enum PostOutcome { Posted, AlreadyPosted, NoWords, Failed }

/// <summary>
/// Picks each channel's word for its local day and posts it exactly once: the day's record is
/// written as posted only after the post went through, and every post first checks it.
/// </summary>
public sealed class WordOfTheDayService(
    VocabDatabase database,
    Vocabulary vocabulary,
    WordCycle cycle,
    IOptions<WordOfTheDayOptions> options,
    TimeProvider time,
    ILogger<WordOfTheDayService> logger)
{
    private readonly ILiteCollection<WotdDayDocument> _days = database.Collection<WotdDayDocument>("wotd_days");
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The channel's word for today in its zone, chosen now if the day has none yet.</summary>
    public async Task<WordDocument?> TodayAsync(string channelId, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var day = Today(channelId, zone);
            return day is null ? null : vocabulary.ByKey(day.WordKey).FirstOrDefault();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Posts today's word unless this channel already had it today; retries a failed post with backoff.</summary>
    public async Task<PostOutcome> PostIfDueAsync(string channelId, TimeZoneInfo zone, IMessagePoster poster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(poster);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var day = Today(channelId, zone);
            if (day is null)
            {
                logger.LogWarning("No word of the day for channel {Channel}: the content has no words", channelId);
                return PostOutcome.NoWords;
            }

            if (day.Posted)
                return PostOutcome.AlreadyPosted;
            var word = vocabulary.ByKey(day.WordKey).First();
            if (!await TryPostAsync(channelId, WotdCard.Render(word), poster, cancellationToken))
                return PostOutcome.Failed;
            day.Posted = true;
            day.PostedAt = time.GetUtcNow();
            _days.Upsert(day);
            database.Database.Checkpoint();
            logger.LogInformation("Posted the word of the day '{Word}' to channel {Channel} for {Date}", word.Headword, channelId, day.Date);
            return PostOutcome.Posted;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The local date of an instant in a zone, as the day records name it.</summary>
    public static string LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private WotdDayDocument? Today(string channelId, TimeZoneInfo zone)
    {
        var date = LocalDate(time.GetUtcNow(), zone);
        var id = $"{channelId}:{date}";
        var day = _days.FindById(id);
        // A word removed from the content since it was chosen is never posted: choose again.
        if (day is not null && (day.Posted || vocabulary.ByKey(day.WordKey).Count > 0))
            return day;
        var key = cycle.Next(channelId);
        if (key is null)
            return null;
        day = new WotdDayDocument { Id = id, ChannelId = channelId, Date = date, WordKey = key };
        _days.Upsert(day);
        return day;
    }

    private async Task<bool> TryPostAsync(string channelId, ChatReply message, IMessagePoster poster, CancellationToken cancellationToken)
    {
        var delay = options.Value.RetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await poster.PostAsync(channelId, message, cancellationToken);
                return true;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (attempt >= options.Value.PostAttempts)
                {
                    logger.LogError(e, "Posting the word of the day to channel {Channel} failed {Attempts} times; giving up for now", channelId, attempt);
                    return false;
                }

                logger.LogWarning(e, "Posting the word of the day to channel {Channel} failed (attempt {Attempt}); retrying in {Delay}", channelId, attempt, delay);
                await Task.Delay(delay, time, cancellationToken);
                delay *= 2;
            }
        }
    }
}
