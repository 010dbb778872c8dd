using VocabBot.Learning.Quiz;
using VocabBot.Learning.Review;
using VocabBot.Learning.Scores;
using VocabBot.Storage;

namespace VocabBot.Race;

/// <summary>
/// Closes a round once: the round marked closed, and each answer's points on the server's leaderboard and its
/// place in the member's spaced review, in one transaction. A close that finds the round closed already (a second
/// caller, a restart after the commit) gives nothing, so no answer is counted twice or lost.
/// </summary>
internal sealed class RaceRounds(IRaceStore store, ReviewMemory memory, Scoreboard scoreboard, IStoreTransactions transactions)
{
    /// <summary>True when this call closed the round; false when it was closed before.</summary>
    public bool Close(RaceRecord race, int round)
    {
        ArgumentNullException.ThrowIfNull(race);
        var question = race.Questions[round];
        return transactions.Run(() =>
        {
            if (!store.CloseRound(race.Id, round))
                return false;
            foreach (var (answer, points, _) in RaceScoring.Round(store.Answers(race.Id), round))
            {
                if (question.Kind != QuestionKind.Correction)
                    memory.Record(answer.UserId, question.WordKey, answer.Correct, answer.At);
                scoreboard.Record(race.GuildId, answer.UserId, answer.UserName, question.WordKey, answer.Correct, answer.At, points);
            }

            return true;
        });
    }
}
