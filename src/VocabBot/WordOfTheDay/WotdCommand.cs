using Microsoft.Extensions.Localization;
using VocabBot.Chat;

namespace VocabBot.WordOfTheDay;

/// <summary>
/// /wotd: today's word of the day for this channel. The card is posted for the whole channel, so it is in the server's
/// language (Discord's guild_locale) where the request has one, else in the user's.
/// </summary>
internal sealed class WotdCommand(WordOfTheDayService service, WotdSchedules schedules, WotdCard card, IStringLocalizer<WotdText> text) : IChatCommand
{
    public CommandDefinition Definition { get; } = new("wotd", CommandText.Description(text, "wotd"), [])
    {
        Localizations = CommandText.Localized(text, "wotd"),
    };

    public async Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var channel = request.ChannelId ?? request.GuildId ?? request.UserId;
        var zone = await schedules.ZoneOfAsync(channel, request.GuildId, cancellationToken);
        var word = await service.TodayAsync(channel, request.GuildId, zone, cancellationToken);
        return word is null
            ? ChatReply.Private(text[request.GuildId is null ? "NoWords" : "NoWordsServer"])
            : ChatCulture.In(ChatCulture.For(request.GuildLocale ?? request.Locale), () => card.Render(word));
    }
}
