using VocabBot.Chat;

namespace VocabBot.WordOfTheDay;

/// <summary>/wotd: today's word of the day for this channel.</summary>
internal sealed class WotdCommand(WordOfTheDayService service, WotdSchedules schedules) : IChatCommand
{
    public CommandDefinition Definition { get; } = new("wotd", "Show today's word of the day for this channel", []);

    public async Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var channel = request.ChannelId ?? request.GuildId ?? request.UserId;
        var zone = await schedules.ZoneOfAsync(channel, request.GuildId, cancellationToken);
        var word = await service.TodayAsync(channel, zone, cancellationToken);
        return word is null
            ? ChatReply.Private("There are no words yet: add study articles to the content folder.")
            : WotdCard.Render(word);
    }
}
