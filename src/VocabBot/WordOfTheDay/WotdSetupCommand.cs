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
            return Status(request.GuildId, channel);
        if (!WordOfTheDayOptionsValidator.IsSnowflake(channel))
            return ChatReply.Private("Pick the channel to post in.");
        if (schedules.GuildOf(channel!) is { } owner && owner != request.GuildId)
            return ChatReply.Private("That channel's word of the day was set up from another server; only that server can change it.");
        if (time.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            var removed = schedules.Remove(channel!);
            await scheduler.RemoveAsync(channel!, cancellationToken);
            return ChatReply.Private(removed ? "The word of the day is off for that channel." : "That channel had no word of the day set up.");
        }

        if (!TimeOnly.TryParseExact(time, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            return ChatReply.Private($"'{CommandInput.Shorten(time, 40)}' is not a time: use HH:MM in 24-hour form, like 08:00, or 'off'.");
        var zoneName = request.Option("timezone")?.Trim();
        var zone = schedules.ZoneOf(channel!, request.GuildId);
        if (!string.IsNullOrEmpty(zoneName) && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneName, out zone))
            return ChatReply.Private($"'{CommandInput.Shorten(zoneName, 40)}' is not a time zone I know: use an IANA name like Asia/Taipei or America/New_York.");

        var when = $"{at:HH\\:mm}, {zone.Id}";
        if (await ProveAsync(channel!, when, cancellationToken) is { } refused)
            return refused;
        var schedule = schedules.Save(channel!, request.GuildId, $"0 {at.Minute} {at.Hour} * * ?", zone);
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

    private ChatReply Status(string guildId, string? channel)
    {
        var setups = schedules.OfGuild(guildId).Where(s => channel is null || s.Id == channel).ToList();
        if (setups.Count == 0)
            return ChatReply.Private(channel is null
                ? "No word of the day is set up in this server; give a channel and a time, e.g. 08:00."
                : $"{ChatMention.Channel(channel)} has no word of the day; give a time, e.g. 08:00, to set one up.");
        var lines = setups.Select(s =>
        {
            var schedule = schedules.Find(s.Id);
            var at = schedule is null ? "?" : WotdScheduler.LocalTimeOf(schedule);
            var line = $"{ChatMention.Channel(s.Id)}: every day at {at} ({s.TimeZone})";
            return schedules.Refusal(s.Id) is { } refusal
                ? $"{line}; paused since {refusal.At:yyyy-MM-dd}: Discord refused the post ({refusal.Reason}). Give me {NeededPermissions} there and run /wotd-setup for it again."
                : line;
        });
        return ChatReply.Private("Word of the day in this server:\n" + string.Join('\n', lines));
    }
}
