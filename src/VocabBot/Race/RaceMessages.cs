using System.Globalization;
using Microsoft.Extensions.Localization;
using VocabBot.Chat;
using VocabBot.Learning.Quiz;

namespace VocabBot.Race;

/// <summary>How a race looks in its channel: the question with four lettered buttons, the round's result, the results.</summary>
internal sealed class RaceMessages(IStringLocalizer<RaceText> text)
{
    public const string Kind = "race";
    private static readonly string[] Medals = ["🥇", "🥈", "🥉"];

    /// <summary>The results list this many players, so that the message stays within one post however big the race.</summary>
    public const int MaxPlayersShown = 25;

    public static ButtonId ButtonId(string raceId, int round, int option) =>
        new(Kind, raceId, round.ToString(CultureInfo.InvariantCulture), Letter(option));

    public static string Letter(int option) => ((char)('A' + option)).ToString();

    /// <summary>The option a letter names (A is 0), or null for anything else.</summary>
    public static int? Option(string letter) => letter is [var c and >= 'A' and <= 'D'] ? c - 'A' : null;

    /// <summary>The question of the open round, its options lettered, with when it closes; from round 2 on, also when everyone has answered.</summary>
    public ChatReply Question(RaceRecord race, int players)
    {
        ArgumentNullException.ThrowIfNull(race);
        var question = race.Questions[race.Current];
        var lines = new List<string> { Header(race, race.Current) };
        lines.AddRange(question.Options.Select((option, i) => $"{Letter(i)}. {ChatMarkup.Escape(option)}"));
        var closes = ChatMarkup.Relative(race.Deadline);
        lines.Add(race.Current == 0 || players == 0 ? text["Closes", closes] : text[players == 1 ? "ClosesOrAllOne" : "ClosesOrAllMany", closes, players]);
        var buttons = question.Options.Select((_, i) => new ChatButton(Letter(i), ButtonId(race.Id, race.Current, i), ChatButtonStyle.Primary)).ToList();
        return new ChatReply(string.Join('\n', lines), Buttons: buttons);
    }

    /// <summary>The closed round: the right answer with its Chinese and example, who got it right in what order, who did not.</summary>
    public ChatReply RoundResult(RaceRecord race, int round, IReadOnlyList<RaceAnswer> answers, DateTimeOffset? nextAt)
    {
        ArgumentNullException.ThrowIfNull(race);
        var question = race.Questions[round];
        var scored = RaceScoring.Round(answers, round);
        var lines = new List<string>
        {
            Header(race, round),
            Answer(question),
            text["RoundExample", ChatMarkup.Escape(question.Example)],
        };
        var right = scored.Where(s => s.Place is not null).ToList();
        var wrong = scored.Where(s => s.Place is null).ToList();
        if (scored.Count == 0)
            lines.Add(text["RoundNoAnswers"]);
        else if (right.Count == 0)
            lines.Add(text["RoundNobodyRight"]);
        else
            lines.Add(text["RoundRight", string.Join(", ", right.Select(s => text["RightEntry", s.Place!, Name(s.Answer.UserName), s.Points].Value))]);
        if (wrong.Count > 0)
            lines.Add(text["RoundWrong", string.Join(", ", wrong.Select(s => Name(s.Answer.UserName)))]);
        lines.Add(nextAt is { } next ? text["RoundNext", ChatMarkup.Relative(next)] : text["RoundLast"]);
        return new ChatReply(string.Join('\n', lines));
    }

    /// <summary>The podium and every player's points and right answers over the rounds played, and the words nobody got right.</summary>
    public ChatReply Results(RaceRecord race, IReadOnlyList<RaceAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(race);
        ArgumentNullException.ThrowIfNull(answers);
        var played = race.Closed + 1;
        var lines = new List<string> { text["ResultsTitle", played, race.Questions.Count, Name(race.StarterName)] };
        if (race.StopRequested && played < race.Questions.Count)
            lines.Add(text["ResultsStopped", Name(race.StoppedBy ?? race.StarterName)]);
        var players = RaceScoring.Standings(answers, race.Closed);
        if (players.Count == 0)
            lines.Add(text["ResultsNobody"]);
        lines.AddRange(players.Take(MaxPlayersShown).Select((p, i) => text["ResultLine", i < Medals.Length ? Medals[i] : $"{i + 1}.", Name(p.Name), p.Points, p.Right, played].Value));
        if (players.Count > MaxPlayersShown)
            lines.Add(text["ResultsMore", players.Count - MaxPlayersShown]);
        var missed = Enumerable.Range(0, played)
            .Where(round => !answers.Any(a => a.Round == round && a.Correct))
            .Select(round => race.Questions[round])
            .Select(q => $"{ChatMarkup.Escape(q.Headword)} ({q.Meaning})")
            .ToList();
        if (played > 0)
            lines.Add(missed.Count > 0 ? text["ResultsMissed", string.Join(", ", missed)] : text["ResultsAllGot"]);
        if (players.Count > 0)
            lines.Add(text["ResultsPoints"]);
        return new ChatReply(string.Join('\n', lines));
    }

    // The word and its Chinese; a cloze's answer in another form (strengthens) is shown as it was offered, then the word.
    private string Answer(QuizQuestion question)
    {
        var option = question.Options[question.Answer];
        return option == question.Headword || option == question.Meaning
            ? text["RoundAnswer", Letter(question.Answer), ChatMarkup.Escape(question.Headword), question.Meaning]
            : text["RoundAnswerForm", Letter(question.Answer), ChatMarkup.Escape(option), ChatMarkup.Escape(question.Headword), question.Meaning];
    }

    private string Header(RaceRecord race, int round) =>
        text["QuestionHeader", round + 1, race.Questions.Count, race.Questions[round].Prompt];

    // Names are shown as written, never read as Markdown; mentions are off in every post (allowed_mentions).
    private static string Name(string name) => ChatMarkup.EscapeWithin(name, 40);
}
