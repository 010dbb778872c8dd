using Microsoft.Extensions.Options;
using VocabBot.Learning;

namespace VocabBot.WordOfTheDay;

/// <summary>
/// Every channel's schedule (the configured ones, overridden by those set with /wotd-setup), and the
/// channels Discord refused a post to, which get no more posts until their schedule is set up anew.
/// </summary>
internal sealed class WotdSchedules(IWotdStore store, IOptions<WordOfTheDayOptions> options, IOptions<LearningOptions> learning)
{
    public async Task<IReadOnlyList<WotdSchedule>> AllAsync(CancellationToken cancellationToken)
    {
        var byChannel = new Dictionary<string, WotdSchedule>(StringComparer.Ordinal);
        foreach (var configured in options.Value.Schedules)
        {
            if (Configured(configured) is { } schedule)
                byChannel[configured.ChannelId] = schedule;
        }

        foreach (var setup in await store.AllSetupsAsync(cancellationToken))
        {
            if (FromSetup(setup) is { } schedule)
                byChannel[setup.ChannelId] = schedule;
        }

        return [.. byChannel.Values];
    }

    /// <summary>One channel's schedule, by its id: no scan of the others.</summary>
    public async Task<WotdSchedule?> FindAsync(string channelId, CancellationToken cancellationToken) =>
        (await store.FindSetupAsync(channelId, cancellationToken) is { } setup ? FromSetup(setup) : null)
        ?? options.Value.Schedules.Where(s => s.ChannelId == channelId).Select(Configured).LastOrDefault(s => s is not null);

    /// <summary>The schedules made with /wotd-setup in one server.</summary>
    public Task<IReadOnlyList<WotdSetup>> OfGuildAsync(string guildId, CancellationToken cancellationToken) =>
        store.SetupsOfGuildAsync(guildId, cancellationToken);

    /// <summary>The server a channel's /wotd-setup schedule was made in, or null when it has none.</summary>
    public async Task<string?> GuildOfAsync(string channelId, CancellationToken cancellationToken) =>
        (await store.FindSetupAsync(channelId, cancellationToken))?.GuildId;

    /// <summary>The zone a channel's day is counted in: its schedule's, else its guild's (see Learning:GuildTimeZones).</summary>
    public async Task<TimeZoneInfo> ZoneOfAsync(string channelId, string? guildId, CancellationToken cancellationToken) =>
        (await FindAsync(channelId, cancellationToken))?.TimeZone ?? learning.Value.ZoneFor(guildId);

    /// <summary>Saves the channel's schedule and lifts its refusal; null, saving nothing, when another server owns the channel.</summary>
    public async Task<WotdSchedule?> SaveAsync(WotdSetup setup, CancellationToken cancellationToken) =>
        await store.SaveSetupAsync(setup, cancellationToken) ? FromSetup(setup) : null;

    /// <summary>The channel's /wotd-setup schedule as stored (its server and the language of its posts), or null.</summary>
    public Task<WotdSetup?> SetupAsync(string channelId, CancellationToken cancellationToken) =>
        store.FindSetupAsync(channelId, cancellationToken);

    /// <summary>Removes a channel's /wotd-setup schedule, unless another server owns it; false when nothing was removed.</summary>
    public Task<bool> RemoveAsync(string channelId, string guildId, CancellationToken cancellationToken) =>
        store.RemoveSetupAsync(channelId, guildId, cancellationToken);

    /// <summary>Why Discord refused the channel's last post, while that stands; null when the channel takes posts.</summary>
    public Task<WotdRefusal?> RefusalAsync(string channelId, CancellationToken cancellationToken) =>
        store.FindRefusalAsync(channelId, cancellationToken);

    public Task MarkRefusedAsync(string channelId, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        store.SaveRefusalAsync(new WotdRefusal(channelId, reason, at), cancellationToken);

    private static WotdSchedule? Configured(ScheduleOptions configured) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(configured.TimeZone, out var zone) ? new WotdSchedule(configured.ChannelId, configured.Cron, zone) : null;

    private static WotdSchedule? FromSetup(WotdSetup setup) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(setup.TimeZone, out var zone) ? new WotdSchedule(setup.ChannelId, setup.Cron, zone) : null;
}
