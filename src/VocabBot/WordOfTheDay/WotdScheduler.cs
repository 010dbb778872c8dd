using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using VocabBot.Learning;

namespace VocabBot.WordOfTheDay;

/// <summary>
/// Keeps Quartz's triggers in line with the schedules, and at start-up posts once in each channel
/// whose time already passed today while the bot was down (a missed earlier day stays missed).
/// </summary>
public sealed class WotdScheduler(
    ISchedulerFactory schedulerFactory,
    WotdSchedules schedules,
    WordOfTheDayService service,
    IEnumerable<IMessagePoster> posters,
    TimeProvider time,
    ILogger<WotdScheduler> logger) : IHostedService
{
    private const string Group = "wotd";
    private readonly CancellationTokenSource _stopping = new();
    private Task _catchUp = Task.CompletedTask;

    /// <summary>Completes when the start-up catch-up posts are done; tests wait on it.</summary>
    public Task CatchUp => _catchUp;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!posters.Any())
            return;
        foreach (var schedule in schedules.All())
            await ApplyAsync(schedule, cancellationToken);
        _catchUp = Task.Run(() => CatchUpAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _catchUp.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Adds or replaces the channel's trigger in the running scheduler.</summary>
    public async Task ApplyAsync(WotdSchedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (!posters.Any())
            return;
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<WordOfTheDayJob>()
            .WithIdentity(schedule.ChannelId, Group)
            .UsingJobData(WordOfTheDayJob.ChannelKey, schedule.ChannelId)
            .UsingJobData(WordOfTheDayJob.TimeZoneKey, schedule.TimeZone.Id)
            .Build();
        var trigger = TriggerFor(schedule, time);
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
        logger.LogInformation("Word of the day for channel {Channel}: '{Cron}' in {Zone}", schedule.ChannelId, schedule.Cron, schedule.TimeZone.Id);
    }

    public async Task RemoveAsync(string channelId, CancellationToken cancellationToken)
    {
        if (!posters.Any())
            return;
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        await scheduler.DeleteJob(new JobKey(channelId, Group), cancellationToken);
    }

    /// <summary>The cron trigger of a schedule, in its zone; misfires are left to the start-up catch-up.</summary>
    public static ITrigger TriggerFor(WotdSchedule schedule, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return TriggerBuilder.Create(time)
            .WithIdentity(schedule.ChannelId, Group)
            .WithCronSchedule(schedule.Cron, cron => cron.InTimeZone(schedule.TimeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
            .Build();
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
        var poster = posters.First();
        foreach (var schedule in schedules.All())
        {
            try
            {
                if (WasDueToday(schedule, time.GetUtcNow()))
                    await service.PostIfDueAsync(schedule.ChannelId, schedule.TimeZone, poster, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Catching up the word of the day for channel {Channel} failed", schedule.ChannelId);
            }
        }
    }
}
