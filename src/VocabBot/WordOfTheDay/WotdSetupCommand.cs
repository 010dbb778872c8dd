using System.Globalization;
using VocabBot.Chat;

namespace VocabBot.WordOfTheDay;

/// <summary>
/// /wotd-setup [channel] [time] [timezone]: a server manager picks where and when the word of the day is
/// posted. Before saving, the bot posts a short confirmation in the channel, so a channel it cannot post
/// in is found now and not at 08:00 tomorrow. Without a time it shows the server's schedules and why any
/// of them is paused.
/// </summary>
internal sealed class WotdSetupCommand(WotdSchedules schedules, WotdScheduler scheduler, IEnumerable<IChannelMessenger> messengers) : IChatCommand
{
    public const string NeededPermissions = "View Channel, Send Messages and Embed Links";

    private static ChatReply OwnedElsewhere =>
        ChatReply.Private("That channel's word of the day was set up from another server; only that server can change it.");

    public CommandDefinition Definition { get; } = new(
        "wotd-setup",
        "Post a word of the day in a channel every day (Manage Server only)",
        [
            new("channel", "The channel to post in", CommandOptionType.Channel),
            new("time", "Local time as HH:MM (24-hour), or 'off' to stop; leave out to see this server's schedules", MaxLength: 5),
            new("timezone", "IANA time zone, e.g. Asia/Taipei or America/New_York", MaxLength: 64),
        ],
        RequiresServerManager: true);

    public async Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.GuildId is null)
            return ChatReply.Private("Set up the word of the day from a server, not a direct message.");
        if (!request.IsServerManager)
            return ChatReply.Private("Only members with the Manage Server permission can set up the word of the day.");
        var channel = request.Option("channel");
        var time = request.Option("time")?.Trim() ?? "";
        if (time.Length == 0)
            return await StatusAsync(request.GuildId, channel, cancellationToken);
        if (!WordOfTheDayOptionsValidator.IsSnowflake(channel))
            return ChatReply.Private("Pick the channel to post in.");
        if (await schedules.GuildOfAsync(channel!, cancellationToken) is { } owner && owner != request.GuildId)
            return OwnedElsewhere;
        if (time.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            var removed = await schedules.RemoveAsync(channel!, request.GuildId, cancellationToken);
            await scheduler.RemoveAsync(channel!, cancellationToken);
            return ChatReply.Private(removed ? "The word of the day is off for that channel." : "That channel had no word of the day set up.");
        }

        if (!TimeOnly.TryParseExact(time, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            return ChatReply.Private($"'{CommandInput.Shorten(time, 40)}' is not a time: use HH:MM in 24-hour form, like 08:00, or 'off'.");
        var zoneName = request.Option("timezone")?.Trim();
        var zone = await schedules.ZoneOfAsync(channel!, request.GuildId, cancellationToken);
        if (!string.IsNullOrEmpty(zoneName) && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneName, out zone))
            return ChatReply.Private($"'{CommandInput.Shorten(zoneName, 40)}' is not a time zone I know: use an IANA name like Asia/Taipei or America/New_York.");

        var when = $"{at:HH\\:mm}, {zone.Id}";
        if (await ProveAsync(channel!, when, cancellationToken) is { } refused)
            return refused;
        // Null when another server set the channel up meanwhile: it owns the channel now.
        if (await schedules.SaveAsync(channel!, request.GuildId, $"0 {at.Minute} {at.Hour} * * ?", zone, cancellationToken) is not { } schedule)
            return OwnedElsewhere;
        await scheduler.ApplyAsync(schedule, cancellationToken);
        return ChatReply.Private($"Done: a word of the day will be posted in {ChatMention.Channel(channel!)} every day at {when}.");
    }

    // Null when the channel took the confirmation; else the reply that says why nothing was saved.
    private async Task<ChatReply?> ProveAsync(string channel, string when, CancellationToken cancellationToken)
    {
        if (messengers.FirstOrDefault() is not { } messenger)
            return null;
        try
        {
            await messenger.PostAsync(channel, new ChatReply($"The word of the day will be posted here every day at {when}."), cancellationToken);
            return null;
        }
        catch (ChannelRefusedException e)
        {
            return ChatReply.Private($"I cannot post in {ChatMention.Channel(channel)} ({e.Reason}), so nothing was saved. Give me {NeededPermissions} there, then run /wotd-setup again.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return ChatReply.Private($"I could not post in {ChatMention.Channel(channel)} just now, so nothing was saved; please try again in a minute.");
        }
    }

    private async Task<ChatReply> StatusAsync(string guildId, string? channel, CancellationToken cancellationToken)
    {
        var setups = (await schedules.OfGuildAsync(guildId, cancellationToken)).Where(s => channel is null || s.ChannelId == channel).ToList();
        if (setups.Count == 0)
            return ChatReply.Private(channel is null
                ? "No word of the day is set up in this server; give a channel and a time, e.g. 08:00."
                : $"{ChatMention.Channel(channel)} has no word of the day; give a time, e.g. 08:00, to set one up.");
        var lines = new List<string>();
        foreach (var s in setups)
        {
            var schedule = await schedules.FindAsync(s.ChannelId, cancellationToken);
            var at = schedule is null ? "?" : WotdScheduler.LocalTimeOf(schedule);
            var line = $"{ChatMention.Channel(s.ChannelId)}: every day at {at} ({s.TimeZone})";
            lines.Add(await schedules.RefusalAsync(s.ChannelId, cancellationToken) is { } refusal
                ? $"{line}; paused since {refusal.At:yyyy-MM-dd}: Discord refused the post ({refusal.Reason}). Give me {NeededPermissions} there and run /wotd-setup for it again."
                : line);
        }
        return ChatReply.Private("Word of the day in this server:\n" + string.Join('\n', lines));
    }
}
