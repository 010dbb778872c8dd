using System.Globalization;
using Microsoft.Extensions.Localization;
using VocabBot.Chat;

namespace VocabBot.WordOfTheDay;

/// <summary>
/// /wotd-setup [channel] [time] [timezone]: a server manager picks where and when the word of the day is
/// posted. Before saving, the bot posts a short confirmation in the channel, so a channel it cannot post
/// in is found now and not at 08:00 tomorrow. Without a time it shows the server's schedules and why any
/// of them is paused.
/// </summary>
internal sealed class WotdSetupCommand(WotdSchedules schedules, WotdScheduler scheduler, IEnumerable<IChannelMessenger> messengers,
    IStringLocalizer<WotdText> text) : IChatCommand
{
    /// <summary>The languages a channel's posts can be in, as Discord names locales.</summary>
    public static readonly IReadOnlyList<string> Languages = [ChatLocale.English, ChatLocale.TraditionalChinese];

    private ChatReply OwnedElsewhere => ChatReply.Private(text["OwnedElsewhere"]);

    public CommandDefinition Definition { get; } = new(
        "wotd-setup",
        CommandText.Description(text, "wotd-setup"),
        [
            CommandText.Option(text, new("channel", "", CommandOptionType.Channel), "channel"),
            CommandText.Option(text, new("time", "", MaxLength: 5), "time"),
            CommandText.Option(text, new("timezone", "", MaxLength: 64), "timezone"),
            CommandText.Option(text, new("language", "", Choices: Languages), "language"),
        ],
        RequiresServerManager: true)
    {
        Localizations = CommandText.Localized(text, "wotd-setup"),
    };

    public async Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.GuildId is null)
            return ChatReply.Private(text["SetupNotInServer"]);
        if (!request.IsServerManager)
            return ChatReply.Private(text["SetupNotManager"]);
        var channel = request.Option("channel");
        var time = request.Option("time")?.Trim() ?? "";
        if (time.Length == 0)
            return await StatusAsync(request.GuildId, channel, cancellationToken);
        if (!WordOfTheDayOptionsValidator.IsSnowflake(channel))
            return ChatReply.Private(text["SetupPickChannel"]);
        if (await schedules.GuildOfAsync(channel!, cancellationToken) is { } owner && owner != request.GuildId)
            return OwnedElsewhere;
        if (time.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            var removed = await schedules.RemoveAsync(channel!, request.GuildId, cancellationToken);
            await scheduler.RemoveAsync(channel!, cancellationToken);
            return ChatReply.Private(text[removed ? "SetupOff" : "SetupWasOff"]);
        }

        if (!TimeOnly.TryParseExact(time, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            return ChatReply.Private(text["SetupBadTime", CommandInput.Shorten(time, 40)]);
        var zoneName = request.Option("timezone")?.Trim();
        var zone = await schedules.ZoneOfAsync(channel!, request.GuildId, cancellationToken);
        if (!string.IsNullOrEmpty(zoneName) && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneName, out zone))
            return ChatReply.Private(text["SetupBadZone", CommandInput.Shorten(zoneName, 40)]);

        var language = await LanguageAsync(request, channel!, cancellationToken);
        var when = $"{at:HH\\:mm}, {zone.Id}";
        if (await ProveAsync(channel!, when, language, cancellationToken) is { } refused)
            return refused;
        // Null when another server set the channel up meanwhile: it owns the channel now.
        if (await schedules.SaveAsync(new WotdSetup(channel!, request.GuildId, $"0 {at.Minute} {at.Hour} * * ?", zone.Id, language), cancellationToken) is not { } schedule)
            return OwnedElsewhere;
        await scheduler.ApplyAsync(schedule, cancellationToken);
        return ChatReply.Private(text["SetupDone", ChatMention.Channel(channel!), when, text["Language_" + language]]);
    }

    // The language chosen, else the one the channel's posts already have, else the server's (Discord's guild_locale).
    private async Task<string> LanguageAsync(ChatRequest request, string channel, CancellationToken cancellationToken) =>
        ChatCulture.For(request.Option("language")
            ?? (await schedules.SetupAsync(channel, cancellationToken))?.Language
            ?? request.GuildLocale).Name;

    // Null when the channel took the confirmation; else the reply that says why nothing was saved.
    private async Task<ChatReply?> ProveAsync(string channel, string when, string language, CancellationToken cancellationToken)
    {
        if (messengers.FirstOrDefault() is not { } messenger)
            return null;
        try
        {
            var confirmation = ChatCulture.In(ChatCulture.For(language), () => text["SetupConfirmation", when].Value);
            await messenger.PostAsync(channel, new ChatReply(confirmation), cancellationToken);
            return null;
        }
        catch (ChannelRefusedException e)
        {
            return ChatReply.Private(text["SetupRefused", ChatMention.Channel(channel), e.Reason, text["NeededPermissions"]]);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return ChatReply.Private(text["SetupPostFailed", ChatMention.Channel(channel)]);
        }
    }

    private async Task<ChatReply> StatusAsync(string guildId, string? channel, CancellationToken cancellationToken)
    {
        var setups = (await schedules.OfGuildAsync(guildId, cancellationToken)).Where(s => channel is null || s.ChannelId == channel).ToList();
        if (setups.Count == 0)
            return ChatReply.Private(channel is null
                ? text["StatusNone"]
                : text["StatusNoneInChannel", ChatMention.Channel(channel)]);
        var lines = new List<string>();
        foreach (var s in setups)
        {
            var schedule = await schedules.FindAsync(s.ChannelId, cancellationToken);
            var at = schedule is null ? "?" : WotdScheduler.LocalTimeOf(schedule);
            var line = text["StatusLine", ChatMention.Channel(s.ChannelId), at, s.TimeZone, text["Language_" + ChatCulture.For(s.Language).Name]].Value;
            lines.Add(await schedules.RefusalAsync(s.ChannelId, cancellationToken) is { } refusal
                ? text["StatusPaused", line, refusal.At.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), refusal.Reason, text["NeededPermissions"]]
                : line);
        }
        return ChatReply.Private(text["StatusHeader"] + "\n" + string.Join('\n', lines));
    }
}
