using System.Globalization;
using VocabBot.Learning;

namespace VocabBot.WordOfTheDay;

/// <summary>/wotd (today's word here) and /wotd-setup (a server manager picks channel, time and zone).</summary>
public sealed class WotdCommands(WordOfTheDayService service, WotdSchedules schedules, WotdScheduler scheduler)
{
    public static readonly CommandDefinition Wotd = new("wotd", "Show today's word of the day for this channel", []);

    public static readonly CommandDefinition Setup = new(
        "wotd-setup",
        "Post a word of the day in a channel every day (Manage Server only)",
        [
            new("channel", "The channel to post in", CommandOptionType.Channel, Required: true),
            new("time", "Local time as HH:MM (24-hour), or 'off' to stop", Required: true, MaxLength: 5),
            new("timezone", "IANA time zone, e.g. Asia/Taipei or America/New_York", MaxLength: 64),
        ],
        RequiresServerManager: true);

    public async Task<ChatReply> TodayAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var channel = request.ChannelId ?? request.GuildId ?? request.UserId;
        var word = await service.TodayAsync(channel, schedules.ZoneOf(channel, request.GuildId), cancellationToken);
        return word is null
            ? ChatReply.Private("There are no words yet: add study articles to the content folder.")
            : WotdCard.Render(word);
    }

    public async Task<ChatReply> SetupAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.GuildId is null)
            return ChatReply.Private("Set up the word of the day from a server, not a direct message.");
        if (!request.IsServerManager)
            return ChatReply.Private("Only members with the Manage Server permission can set up the word of the day.");
        var channel = request.Option("channel");
        if (!WordOfTheDayOptionsValidator.IsSnowflake(channel))
            return ChatReply.Private("Pick the channel to post in.");
        var time = request.Option("time")?.Trim() ?? "";
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

        var schedule = schedules.Save(channel!, request.GuildId, $"0 {at.Minute} {at.Hour} * * ?", zone);
        await scheduler.ApplyAsync(schedule, cancellationToken);
        return ChatReply.Private($"Done: a word of the day will be posted in that channel every day at {at:HH\\:mm} ({zone.Id}).");
    }
}
