using Microsoft.Extensions.Localization;
using VocabBot.Chat;

namespace VocabBot.Learning.Quiz;

/// <summary>What /quiz asks, as its kind option says: one kind of question, or a mix (the default).</summary>
internal enum QuizKind { Mixed, Meaning, Reverse, Cloze, Correction }

internal static class QuizKinds
{
    /// <summary>In a mixed quiz every fifth question asks about a summary's correction, where the articles have one.</summary>
    public const int CorrectionEvery = 5;

    public static readonly IReadOnlyList<string> Names = ["meaning", "reverse", "cloze", "correction", "mixed"];

    public static CommandOption Option(IStringLocalizer<LearningText> text) => CommandText.Option(text, new("kind", "", Choices: Names), "kind");

    /// <summary>The kind typed, Mixed when none was; null when it is none of <see cref="Names"/>.</summary>
    public static QuizKind? Parse(string? typed) => typed?.Trim().ToLowerInvariant() switch
    {
        null or "" or "mixed" => QuizKind.Mixed,
        "meaning" => QuizKind.Meaning,
        "reverse" => QuizKind.Reverse,
        "cloze" => QuizKind.Cloze,
        "correction" => QuizKind.Correction,
        _ => null,
    };

    /// <summary>The one kind of word question to ask, or null for a mix.</summary>
    public static QuestionKind? WordQuestions(QuizKind kind) => kind switch
    {
        QuizKind.Meaning => QuestionKind.Meaning,
        QuizKind.Reverse => QuestionKind.Reverse,
        QuizKind.Cloze => QuestionKind.Cloze,
        _ => null,
    };
}
