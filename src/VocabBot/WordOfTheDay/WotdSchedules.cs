using LiteDB;
using Microsoft.Extensions.Options;
using VocabBot.Learning;
using VocabBot.Storage;

namespace VocabBot.WordOfTheDay;

/// <summary>Every channel's schedule: the configured ones, overridden by those set with /wotd-setup.</summary>
public sealed class WotdSchedules(VocabDatabase database, IOptions<WordOfTheDayOptions> options, IOptions<LearningOptions> learning)
{
    private readonly ILiteCollection<WotdSetupDocument> _setups = database.Collection<WotdSetupDocument>("wotd_setups");

    public IReadOnlyList<WotdSchedule> All()
    {
        var byChannel = new Dictionary<string, WotdSchedule>(StringComparer.Ordinal);
        foreach (var configured in options.Value.Schedules)
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(configured.TimeZone, out var zone))
                byChannel[configured.ChannelId] = new WotdSchedule(configured.ChannelId, configured.Cron, zone);
        }

        foreach (var setup in _setups.FindAll())
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(setup.TimeZone, out var zone))
                byChannel[setup.Id] = new WotdSchedule(setup.Id, setup.Cron, zone);
        }

        return [.. byChannel.Values];
    }

    /// <summary>The zone a channel's day is counted in: its schedule's, else its guild's (see Learning:GuildTimeZones).</summary>
    public TimeZoneInfo ZoneOf(string channelId, string? guildId) =>
        All().FirstOrDefault(s => s.ChannelId == channelId)?.TimeZone ?? learning.Value.ZoneFor(guildId);

    public WotdSchedule Save(string channelId, string? guildId, string cron, TimeZoneInfo zone)
    {
        _setups.Upsert(new WotdSetupDocument { Id = channelId, GuildId = guildId, Cron = cron, TimeZone = zone.Id });
        return new WotdSchedule(channelId, cron, zone);
    }

    /// <summary>Removes a channel's /wotd-setup schedule; false when it had none.</summary>
    public bool Remove(string channelId) => _setups.Delete(channelId);
}
