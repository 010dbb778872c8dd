using LiteDB;
using Microsoft.Extensions.Options;
using VocabBot.Learning;
using VocabBot.Storage;

namespace VocabBot.WordOfTheDay;

/// <summary>
/// Every channel's schedule (the configured ones, overridden by those set with /wotd-setup), and the
/// channels Discord refused a post to, which get no more posts until their schedule is set up anew.
/// </summary>
internal sealed class WotdSchedules(VocabDatabase database, IOptions<WordOfTheDayOptions> options, IOptions<LearningOptions> learning)
{
    private ILiteCollection<WotdSetupDocument> _setups => database.Collection<WotdSetupDocument>("wotd_setups");
    private ILiteCollection<WotdRefusalDocument> _refusals => database.Collection<WotdRefusalDocument>("wotd_refusals");

    public IReadOnlyList<WotdSchedule> All()
    {
        var byChannel = new Dictionary<string, WotdSchedule>(StringComparer.Ordinal);
        foreach (var configured in options.Value.Schedules)
        {
            if (Configured(configured) is { } schedule)
                byChannel[configured.ChannelId] = schedule;
        }

        foreach (var setup in _setups.FindAll())
        {
            if (FromSetup(setup) is { } schedule)
                byChannel[setup.Id] = schedule;
        }

        return [.. byChannel.Values];
    }

    /// <summary>One channel's schedule, by its id: no scan of the others.</summary>
    public WotdSchedule? Find(string channelId) =>
        (_setups.FindById(channelId) is { } setup ? FromSetup(setup) : null)
        ?? options.Value.Schedules.Where(s => s.ChannelId == channelId).Select(Configured).LastOrDefault(s => s is not null);

    /// <summary>The schedules made with /wotd-setup in one server.</summary>
    public IReadOnlyList<WotdSetupDocument> OfGuild(string guildId) => [.. _setups.Find(s => s.GuildId == guildId)];

    /// <summary>The server a channel's /wotd-setup schedule was made in, or null when it has none.</summary>
    public string? GuildOf(string channelId) => _setups.FindById(channelId)?.GuildId;

    /// <summary>The zone a channel's day is counted in: its schedule's, else its guild's (see Learning:GuildTimeZones).</summary>
    public TimeZoneInfo ZoneOf(string channelId, string? guildId) => Find(channelId)?.TimeZone ?? learning.Value.ZoneFor(guildId);

    public WotdSchedule Save(string channelId, string? guildId, string cron, TimeZoneInfo zone)
    {
        _setups.Upsert(new WotdSetupDocument { Id = channelId, GuildId = guildId, Cron = cron, TimeZone = zone.Id });
        _refusals.Delete(channelId);
        return new WotdSchedule(channelId, cron, zone);
    }

    /// <summary>Removes a channel's /wotd-setup schedule; false when it had none.</summary>
    public bool Remove(string channelId)
    {
        _refusals.Delete(channelId);
        return _setups.Delete(channelId);
    }

    /// <summary>Why Discord refused the channel's last post, while that stands; null when the channel takes posts.</summary>
    public WotdRefusalDocument? Refusal(string channelId) => _refusals.FindById(channelId);

    public void MarkRefused(string channelId, string reason, DateTimeOffset at) =>
        _refusals.Upsert(new WotdRefusalDocument { Id = channelId, Reason = reason, At = at });

    private static WotdSchedule? Configured(ScheduleOptions configured) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(configured.TimeZone, out var zone) ? new WotdSchedule(configured.ChannelId, configured.Cron, zone) : null;

    private static WotdSchedule? FromSetup(WotdSetupDocument setup) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(setup.TimeZone, out var zone) ? new WotdSchedule(setup.Id, setup.Cron, zone) : null;
}
