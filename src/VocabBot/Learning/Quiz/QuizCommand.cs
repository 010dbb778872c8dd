using Microsoft.Extensions.Localization;
using VocabBot.Chat;
using VocabBot.Library;

namespace VocabBot.Learning.Quiz;

/// <summary>/quiz [count] [kind] [article]: due and missed words first, then new ones; a summary's corrections among them.</summary>
internal sealed class QuizCommand(QuizCommands quiz, ServerLibraries libraries, IStringLocalizer<LearningText> text) : IChatCommand
{
    public CommandDefinition Definition { get; } = new("quiz", CommandText.Description(text, "quiz"),
        [QuizCommands.CountOption(text), QuizKinds.Option(text), CommandText.Option(text, new("article", "", Autocomplete: true), "quizArticle")])
    {
        Localizations = CommandText.Localized(text, "quiz"),
    };

    public Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(quiz.Start(request, QuizMode.Quiz));

    public IReadOnlyList<string> Complete(AutocompleteRequest request) =>
        request.Option == "article" ? Articles.Complete(libraries.For(request.GuildId).Articles(), request.Typed, HeadwordIndex.MaxResults) : [];
}

/// <summary>/review [count]: only the words due for review.</summary>
internal sealed class ReviewCommand(QuizCommands quiz, IStringLocalizer<LearningText> text) : IChatCommand
{
    public CommandDefinition Definition { get; } = new("review", CommandText.Description(text, "review"), [QuizCommands.CountOption(text)])
    {
        Localizations = CommandText.Localized(text, "review"),
    };

    public Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(quiz.Start(request, QuizMode.Review));
}

/// <summary>The answer and Next buttons of a running quiz.</summary>
internal sealed class QuizButtons(QuizCommands quiz) : IChatButton
{
    public string Kind => QuizReplies.Kind;

    public Task<ChatReply> ClickAsync(ButtonClick click, CancellationToken cancellationToken) => Task.FromResult(quiz.Click(click));
}

/// <summary>"Quiz me" under a word of the day: a one-question quiz on that word for whoever clicked.</summary>
internal sealed class WordQuizButton(QuizCommands quiz) : IChatButton
{
    public const string ButtonKind = "quiz-word";

    public string Kind => ButtonKind;

    public static ButtonId ButtonFor(string key) => new(ButtonKind, key);

    public Task<ChatReply> ClickAsync(ButtonClick click, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(click);
        return Task.FromResult(quiz.StartWord(click, click.Button.Arg(0)));
    }
}
