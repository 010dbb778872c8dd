using VocabBot.Chat;

namespace VocabBot.WordOfTheDay;

/// <summary>/wotd: today's word of the day for this channel.</summary>
internal sealed class WotdCommand(WordOfTheDayService service, WotdSchedules schedules) : IChatCommand
{
    public CommandDefinition Definition { get; } = new("wotd", "Show today's word of the day for this channel", []);

    public Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var channel = request.ChannelId ?? request.GuildId ?? request.UserId;
        var word = service.Today(channel, schedules.ZoneOf(channel, request.GuildId));
        return Task.FromResult(word is null
            ? ChatReply.Private("There are no words yet: add study articles to the content folder.")
            : WotdCard.Render(word));
    }
}
