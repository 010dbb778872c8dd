using System.Globalization;
using Microsoft.Extensions.Localization;
using VocabBot.Chat;

namespace VocabBot.Race;

/// <summary>
/// The answer buttons of a race question: anyone may answer, once a round, and hears back privately at once; the
/// store keeps one answer per member and round whatever arrives together. A click after its round is over is told so.
/// </summary>
internal sealed class RaceButtons(IRaceStore store, RaceHost host, TimeProvider time, IStringLocalizer<RaceText> text) : IChatButton
{
    public string Kind => RaceMessages.Kind;

    public Task<ChatReply> ClickAsync(ButtonClick click, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(click);
        return Task.FromResult(Click(click));
    }

    private ChatReply Click(ButtonClick click)
    {
        var id = click.Button;
        if (id.Args.Count != 3 || !int.TryParse(id.Arg(1), NumberStyles.None, CultureInfo.InvariantCulture, out var round)
            || RaceMessages.Option(id.Arg(2)) is not { } option)
            return ChatReply.Private(text["NotOurButton"]);

        // The race this process runs answers from memory; one another process runs is read from the store.
        var running = host.Find(id.Arg(0));
        var race = running?.Race ?? store.Find(id.Arg(0));
        var now = time.GetUtcNow();
        if (race is null || round >= race.Questions.Count || option >= race.Questions[round].Options.Count)
            return ChatReply.Private(text["RoundOver"]);
        // Past the deadline the round is over, even in the moment before its timer closes it.
        var (openRound, deadline) = running?.Open ?? (race.Current, race.Deadline);
        if (openRound == round && now >= deadline)
            return ChatReply.Private(text["RoundOver"]);

        var correct = option == race.Questions[round].Answer;
        switch (store.Answer(new RaceAnswer(race.Id, round, click.UserId, click.DisplayName, option, correct, now)))
        {
            case AnswerOutcome.Accepted:
                host.Answered(race.Id, round, click.UserId);
                return ChatReply.Private(text["LockedIn", RaceMessages.Letter(option)]);
            case AnswerOutcome.AlreadyAnswered:
                var earlier = store.AnswerOf(race.Id, round, click.UserId);
                return ChatReply.Private(text["AlreadyLockedIn", RaceMessages.Letter(earlier?.Option ?? option)]);
            default:
                return ChatReply.Private(text["RoundOver"]);
        }
    }
}
