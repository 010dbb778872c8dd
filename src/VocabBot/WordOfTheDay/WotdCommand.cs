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
        var word = await service.TodayAsync(channel, request.GuildId, zone, cancellationToken);
        return word is null
            ? ChatReply.Private(request.GuildId is null ? "There are no words yet: add study articles to the content folder." : "This server's library has no words yet: a server manager can add notes with /article add.")
            : WotdCard.Render(word);
    }
}
