using System.Globalization;
using Microsoft.Extensions.Localization;
using VocabBot.Chat;
using VocabBot.Learning.Scores;

namespace VocabBot.Learning.Quiz;

/// <summary>How a quiz looks in chat: a question with its four option buttons, then feedback with a Next button.</summary>
internal static class QuizReplies
{
    public const string Kind = "quiz";
    public const string Next = "next";

    /// <summary>The choice of the button under a finished quiz that asks its missed words again.</summary>
    public const string Missed = "missed";

    public static ButtonId ButtonId(QuizSession session, int question, string choice) =>
        new(Kind, session.Id, question.ToString(CultureInfo.InvariantCulture), choice);

    public static ChatReply Question(IStringLocalizer<LearningText> text, QuizSession session, string? intro = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var index = session.Current;
        var question = session.Questions[index];
        var line = text["QuestionNumber", index + 1, session.Questions.Count, question.Prompt].Value;
        // A correction's versions are sentences, longer than a button holds: they are listed, and the buttons lettered.
        var lettered = question.Kind == QuestionKind.Correction;
        if (lettered)
            line += string.Concat(question.Options.Select((option, i) => $"\n{Letter(i)}. {ChatMarkup.Escape(option)}"));
        var buttons = question.Options
            .Select((option, i) => new ChatButton(lettered ? Letter(i) : Label(option), ButtonId(session, index, i.ToString(CultureInfo.InvariantCulture))))
            .ToList();
        return new ChatReply(intro is null ? line : $"{intro}\n{line}", Buttons: buttons);
    }

    public static ChatReply Answered(IStringLocalizer<LearningText> text, QuizSession session, QuizQuestion question, AnswerRecord answer, bool last)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answer);
        var verdict = answer.Correct
            ? text[answer.Points > Scoreboard.PointsPerRightAnswer ? "AnswerRightRun" : "AnswerRight", answer.Points]
            : question.Kind == QuestionKind.Correction
                ? text["AnswerWrongCorrection", Letter(question.Chosen ?? 0)]
                : text["AnswerWrong", question.Options[question.Chosen ?? 0]];
        List<string> lines = question.Kind == QuestionKind.Correction
            ? [verdict, text["AnswerCorrection", Letter(question.Answer), ChatMarkup.Escape(question.Options[question.Answer])], text["AnswerChanges", question.Meaning]]
            : [verdict, text["AnswerWord", question.Headword, question.Meaning], text["AnswerExample", question.Example]];
        lines.Add(text["AnswerScore", session.Right, session.Answered, session.Points]);
        if (!last)
            return new ChatReply(string.Join('\n', lines), Buttons: [new ChatButton(text["NextButton"], ButtonId(session, session.Current, Next), ChatButtonStyle.Primary)]);

        lines.Add(text[session.Mode == QuizMode.Review ? "ReviewFinished" : "QuizFinished", session.Right, session.Questions.Count, session.Points]);
        var missed = MissedWords(session);
        if (missed.Count == 0)
            return new ChatReply(string.Join('\n', lines));
        lines.Add(text["QuizMissedHeader"]);
        lines.AddRange(missed.Select(q => text["QuizMissedLine", q.Headword, q.Meaning].Value));
        var again = text[missed.Count == 1 ? "QuizMissedButtonOne" : "QuizMissedButtonMany", missed.Count];
        return new ChatReply(string.Join('\n', lines), Buttons: [new ChatButton(again, ButtonId(session, 0, Missed), ChatButtonStyle.Primary)]);
    }

    /// <summary>The words a finished quiz got wrong, once each; a summary correction is no word, and is not asked again.</summary>
    public static IReadOnlyList<QuizQuestion> MissedWords(QuizSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return [.. session.Questions.Where(q => q.Kind != QuestionKind.Correction && q.Chosen is { } chosen && chosen != q.Answer).DistinctBy(q => q.WordKey)];
    }

    private static string Letter(int option) => ((char)('A' + option)).ToString();

    private static string Label(string option) => option.Length <= ChatLimits.ButtonLabel ? option : option[..(ChatLimits.ButtonLabel - 1)] + "…";
}
