using VocabBot.Chat;
using VocabBot.Library;

namespace VocabBot.Learning.Quiz;

/// <summary>/quiz [count] [kind] [article]: due and missed words first, then new ones; a summary's corrections among them.</summary>
internal sealed class QuizCommand(QuizCommands quiz, ServerLibraries libraries) : IChatCommand
{
    public CommandDefinition Definition { get; } = new("quiz", "A multiple-choice quiz: due and missed words first, then new ones",
        [QuizCommands.CountOption, QuizKinds.Option, new("article", "Only words from this article", Autocomplete: true)]);

    public Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(quiz.Start(request, QuizMode.Quiz));

    public IReadOnlyList<string> Complete(AutocompleteRequest request) =>
        request.Option == "article" ? Articles.Complete(libraries.For(request.GuildId).Articles(), request.Typed, HeadwordIndex.MaxResults) : [];
}

/// <summary>/review [count]: only the words due for review.</summary>
internal sealed class ReviewCommand(QuizCommands quiz) : IChatCommand
{
    public CommandDefinition Definition { get; } = new("review", "Quiz only the words due for review", [QuizCommands.CountOption]);

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
