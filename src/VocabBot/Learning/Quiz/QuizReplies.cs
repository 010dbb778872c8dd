using System.Globalization;
using VocabBot.Chat;
using VocabBot.Learning.Scores;

namespace VocabBot.Learning.Quiz;

/// <summary>How a quiz looks in chat: a question with its four option buttons, then feedback with a Next button.</summary>
internal static class QuizReplies
{
    public const string Kind = "quiz";
    public const string Next = "next";

    public static ButtonId ButtonId(QuizSession session, int question, string choice) =>
        new(Kind, session.Id, question.ToString(CultureInfo.InvariantCulture), choice);

    public static ChatReply Question(QuizSession session, string? intro = null)
    {
        var index = session.Current;
        var question = session.Questions[index];
        var text = $"Question {index + 1}/{session.Questions.Count}: {question.Prompt}";
        // A correction's versions are sentences, longer than a button holds: they are listed, and the buttons lettered.
        var lettered = question.Kind == QuestionKind.Correction;
        if (lettered)
            text += string.Concat(question.Options.Select((option, i) => $"\n{Letter(i)}. {ChatMarkup.Escape(option)}"));
        var buttons = question.Options
            .Select((option, i) => new ChatButton(lettered ? Letter(i) : Label(option), ButtonId(session, index, i.ToString(CultureInfo.InvariantCulture))))
            .ToList();
        return new ChatReply(intro is null ? text : $"{intro}\n{text}", Buttons: buttons);
    }

    public static ChatReply Answered(QuizSession session, QuizQuestion question, AnswerRecord answer, bool last)
    {
        var verdict = answer.Correct
            ? $"✅ Right! +{answer.Points} points{(answer.Points > Scoreboard.PointsPerRightAnswer ? " (a run of right answers)" : "")}"
            : question.Kind == QuestionKind.Correction
                ? $"❌ Not quite: {Letter(question.Chosen ?? 0)} still has a mistake."
                : $"❌ Not quite: you picked “{question.Options[question.Chosen ?? 0]}”.";
        List<string> lines = question.Kind == QuestionKind.Correction
            ? [verdict, $"Answer: {Letter(question.Answer)}. {ChatMarkup.Escape(question.Options[question.Answer])}", $"Changes: {question.Meaning}"]
            : [verdict, $"Answer: {question.Headword} — {question.Meaning}", $"Example: {question.Example}"];
        lines.Add($"Score: {session.Right}/{session.Answered} right, {session.Points} points");
        if (!last)
            return new ChatReply(string.Join('\n', lines), Buttons: [new ChatButton("Next", ButtonId(session, session.Current, Next), ChatButtonStyle.Primary)]);

        lines.Add($"{(session.Mode == QuizMode.Review ? "Review" : "Quiz")} finished: {session.Right} of {session.Questions.Count} right, {session.Points} points. /review brings words back when they are due; /stats shows your progress.");
        return new ChatReply(string.Join('\n', lines));
    }

    private static string Letter(int option) => ((char)('A' + option)).ToString();

    private static string Label(string option) => option.Length <= ChatLimits.ButtonLabel ? option : option[..(ChatLimits.ButtonLabel - 1)] + "…";
}
