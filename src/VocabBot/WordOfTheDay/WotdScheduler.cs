using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using VocabBot.Chat;

namespace VocabBot.WordOfTheDay;

/// <summary>
/// Keeps Quartz's triggers in line with the schedules, and at start-up posts once in each channel
/// whose time already passed today while the bot was down (a missed earlier day stays missed).
/// It posts only where the app runs with a channel transport (the Discord bot), never from `console`.
/// With PostgreSQL the triggers live in Quartz's clustered store that every process shares: each fires on one
/// process, and a process starting leaves a trigger that already says the same thing alone.
/// </summary>
internal sealed partial class WotdScheduler(
    ISchedulerFactory schedulerFactory,
    WotdSchedules schedules,
    WordOfTheDayService service,
    IEnumerable<IChannelMessenger> messengers,
    IOptions<WordOfTheDayOptions> options,
    TimeProvider time,
    ILogger<WotdScheduler> logger) : IHostedService
{
    private const string Group = "wotd";
    private const string CatchUpGroup = "wotd-catch-up";
    private readonly CancellationTokenSource _stopping = new();
    private Task _catchUp = Task.CompletedTask;

    /// <summary>Completes when the start-up catch-up posts are done; tests wait on it.</summary>
    public Task CatchUp => _catchUp;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Posts)
            return;
        var all = await schedules.AllAsync(cancellationToken);
        foreach (var schedule in all)
            await EnsureAsync(schedule, cancellationToken);
        await RemoveUnscheduledAsync(all, cancellationToken);
        _catchUp = Task.Run(() => CatchUpAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _catchUp.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Adds or replaces the channel's trigger in the scheduler (with PostgreSQL: every process's).</summary>
    public async Task ApplyAsync(WotdSchedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (!Posts)
            return;
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        // Recovery: a process that dies while posting has the post run again on another; the day's record keeps it to one.
        var job = JobBuilder.Create<WordOfTheDayJob>()
            .WithIdentity(schedule.ChannelId, Group)
            .UsingJobData(WordOfTheDayJob.ChannelKey, schedule.ChannelId)
            .UsingJobData(WordOfTheDayJob.TimeZoneKey, schedule.TimeZone.Id)
            .RequestRecovery()
            .Build();
        var trigger = TriggerFor(schedule, time);
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
        LogScheduled(logger, schedule.ChannelId, schedule.Cron, schedule.TimeZone.Id);
    }

    // At start: replacing a shared trigger that already matches would reset it under the process about to fire it.
    private async Task EnsureAsync(WotdSchedule schedule, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        if (await scheduler.GetTrigger(new TriggerKey(schedule.ChannelId, Group), cancellationToken) is ICronTrigger existing
            && existing.CronExpressionString == schedule.Cron && existing.TimeZone.Id == schedule.TimeZone.Id)
            return;
        await ApplyAsync(schedule, cancellationToken);
    }

    // A channel taken out of the configuration keeps its trigger in a shared (PostgreSQL) store, where it would go on
    // posting: the triggers of channels without a schedule go. In a rolling restart a process still on the old
    // configuration adds it back when it starts; the last process to start decides, as for any setting.
    private async Task RemoveUnscheduledAsync(IReadOnlyList<WotdSchedule> all, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var scheduled = all.Select(s => s.ChannelId).ToHashSet(StringComparer.Ordinal);
        foreach (var job in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(Group), cancellationToken))
        {
            if (scheduled.Contains(job.Name))
                continue;
            await scheduler.DeleteJob(job, cancellationToken);
            LogUnscheduled(logger, job.Name);
        }
    }

    public async Task RemoveAsync(string channelId, CancellationToken cancellationToken)
    {
        if (!Posts)
            return;
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        await scheduler.DeleteJob(new JobKey(channelId, Group), cancellationToken);
    }

    /// <summary>
    /// The cron trigger of a schedule, in its zone. A trigger Quartz could not fire on time (every worker busy
    /// posting to other channels) still fires once, as soon as it can: the day's posted record keeps it to one post.
    /// </summary>
    public static ITrigger TriggerFor(WotdSchedule schedule, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return TriggerBuilder.Create(time)
            .WithIdentity(schedule.ChannelId, Group)
            .WithCronSchedule(schedule.Cron, cron => cron.InTimeZone(schedule.TimeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
    }

    /// <summary>The schedule's daily time as HH:MM, for replies; "?" for a cron that is not once a day.</summary>
    public static string LocalTimeOf(WotdSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var parts = schedule.Cron.Split(' ');
        return parts.Length >= 3 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var minute) && int.TryParse(parts[2], CultureInfo.InvariantCulture, out var hour)
            ? $"{hour:00}:{minute:00}"
            : "?";
    }

    /// <summary>Whether the schedule's first time today (local) is at or before now.</summary>
    public static bool WasDueToday(WotdSchedule schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var local = TimeZoneInfo.ConvertTime(now, schedule.TimeZone);
        var midnight = new DateTimeOffset(local.Date, schedule.TimeZone.GetUtcOffset(local.Date));
        var cron = new CronExpression(schedule.Cron, schedule.TimeZone);
        var first = cron.GetNextValidTimeAfter(midnight.AddSeconds(-1));
        return first is { } fire && fire <= now
            && WordOfTheDayService.LocalDate(fire, schedule.TimeZone) == WordOfTheDayService.LocalDate(now, schedule.TimeZone);
    }

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var messenger = messengers.First();
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var clustered = (await scheduler.GetMetadata(cancellationToken)).JobStoreClustered;
        foreach (var schedule in await schedules.AllAsync(cancellationToken))
        {
            try
            {
                await ReportMissedDaysAsync(schedule, cancellationToken);
                if (!WasDueToday(schedule, time.GetUtcNow()))
                    continue;
                // In a cluster the catch-up is a firing of the channel's own job, which runs on one process at a time.
                if (clustered)
                    await FireOnceAsync(scheduler, schedule.ChannelId, cancellationToken);
                else
                    await service.PostIfDueAsync(schedule.ChannelId, schedule.TimeZone, messenger, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCatchUpFailed(logger, e, schedule.ChannelId);
            }
        }
    }

    // Processes starting together may each add it: the first one's stands (Keep), and one added after it has
    // fired finds the day posted.
    private async Task FireOnceAsync(IScheduler scheduler, string channelId, CancellationToken cancellationToken)
    {
        var trigger = TriggerBuilder.Create(time).WithIdentity(channelId, CatchUpGroup).ForJob(channelId, Group).StartNow().Build();
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Keep, cancellationToken);
    }

    // Days between the channel's last post and today had no post (the bot was down at their time): said once, at start.
    private async Task ReportMissedDaysAsync(WotdSchedule schedule, CancellationToken cancellationToken)
    {
        if (await service.LastPostedDateAsync(schedule.ChannelId, cancellationToken) is not { } last)
            return;
        var today = WordOfTheDayService.LocalDate(time.GetUtcNow(), schedule.TimeZone);
        var missed = today.DayNumber - last.DayNumber - 1;
        if (missed > 0)
            LogMissedDays(logger, schedule.ChannelId, missed, WordOfTheDayService.Format(last));
    }

    // Posting needs a channel transport and the schedule switched on; `console` has neither.
    private bool Posts => options.Value.PostOnSchedule && messengers.Any();

    [LoggerMessage(Level = LogLevel.Information, Message = "Word of the day for channel {Channel}: '{Cron}' in {Zone}")]
    private static partial void LogScheduled(ILogger logger, string channel, string cron, string zone);

    [LoggerMessage(Level = LogLevel.Information, Message = "Word of the day for channel {Channel}: no longer scheduled, its trigger removed")]
    private static partial void LogUnscheduled(ILogger logger, string channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "Catching up the word of the day for channel {Channel} failed")]
    private static partial void LogCatchUpFailed(ILogger logger, Exception exception, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel {Channel} missed the word of the day on {Days} day(s) after {LastPosted}: the bot was not running at its time; a missed day is not posted late")]
    private static partial void LogMissedDays(ILogger logger, string channel, int days, string lastPosted);
}
