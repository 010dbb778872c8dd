using Quartz;
using VocabBot.Chat;

namespace VocabBot.WordOfTheDay;

/// <summary>Quartz's trigger for one channel: posts its word unless the channel already had today's.</summary>
[DisallowConcurrentExecution]
internal sealed class WordOfTheDayJob(WordOfTheDayService service, IEnumerable<IChannelMessenger> messengers) : IJob
{
    public const string ChannelKey = "channel";
    public const string TimeZoneKey = "timezone";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var messenger = messengers.FirstOrDefault();
        var channel = context.MergedJobDataMap.GetString(ChannelKey);
        var zoneId = context.MergedJobDataMap.GetString(TimeZoneKey);
        if (messenger is null || channel is null || !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId ?? "", out var zone))
            return;
        await service.PostIfDueAsync(channel, zone, messenger, cancellationToken);
    }
}
