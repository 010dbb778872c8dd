using Microsoft.Extensions.Options;
using Quartz;

namespace VocabBot.WordOfTheDay;

internal sealed class WordOfTheDayOptions
{
    public const string Section = "WordOfTheDay";

    /// <summary>Channels that get a word every day, from configuration; /wotd-setup adds more at run time.</summary>
    public List<ScheduleOptions> Schedules { get; set; } = [];

    /// <summary>
    /// Whether the scheduled posts run in this process: on for the bot, off for `console`, which would
    /// otherwise mark a day's word as posted in a database the bot then skips it in.
    /// </summary>
    public bool PostOnSchedule { get; set; } = true;

    public const int DefaultConcurrentPosts = 10;

    /// <summary>How many channels' posts run at once (Quartz's workers), 1 to 50.</summary>
    public int ConcurrentPosts { get; set; } = DefaultConcurrentPosts;

    /// <summary>How often a failed post is tried in all before the day's post is given up.</summary>
    public int PostAttempts { get; set; } = 5;

    /// <summary>The wait before the first retry of a failed post; it doubles each time.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>With PostgreSQL, how often each process records in the shared schedule that it is alive (Quartz's cluster check-in).</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long past a missed check-in the other processes wait before taking over a silent one's schedules.</summary>
    public TimeSpan ClusterCheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(10);
}

internal sealed class ScheduleOptions
{
    public string ChannelId { get; set; } = "";

    /// <summary>A Quartz cron expression with seconds, e.g. "0 0 8 * * ?" for 08:00 every day.</summary>
    public string Cron { get; set; } = "0 0 8 * * ?";

    /// <summary>An IANA time zone, e.g. "Asia/Taipei".</summary>
    public string TimeZone { get; set; } = "Asia/Taipei";
}

/// <summary>Checks every schedule at start, so a typo stops the bot with the key that is wrong.</summary>
internal sealed class WordOfTheDayOptionsValidator : IValidateOptions<WordOfTheDayOptions>
{
    public ValidateOptionsResult Validate(string? name, WordOfTheDayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.PostAttempts < 1)
            failures.Add($"{WordOfTheDayOptions.Section}:PostAttempts must be at least 1");
        if (options.ClusterCheckinInterval < TimeSpan.FromMilliseconds(100) || options.ClusterCheckinMisfireThreshold < TimeSpan.FromMilliseconds(100))
            failures.Add($"{WordOfTheDayOptions.Section}:ClusterCheckinInterval and ClusterCheckinMisfireThreshold must be at least 00:00:00.1");
        for (var i = 0; i < options.Schedules.Count; i++)
        {
            var schedule = options.Schedules[i];
            var key = $"{WordOfTheDayOptions.Section}:Schedules:{i}";
            if (!IsSnowflake(schedule.ChannelId))
                failures.Add($"{key}:ChannelId: '{schedule.ChannelId}' is not a numeric channel id");
            if (!CronExpression.TryParse(schedule.Cron, out _))
                failures.Add($"{key}:Cron: '{schedule.Cron}' is not a valid Quartz cron expression (seconds first, e.g. \"0 0 8 * * ?\")");
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(schedule.TimeZone ?? "", out _))
                failures.Add($"{key}:TimeZone: '{schedule.TimeZone}' is not a known time zone (use an IANA name like Asia/Taipei)");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool IsSnowflake(string? id) => !string.IsNullOrEmpty(id) && id.Length <= 20 && id.All(char.IsAsciiDigit);
}
