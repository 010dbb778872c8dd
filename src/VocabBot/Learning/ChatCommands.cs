using VocabBot.Content;
using VocabBot.Learning.Define;
using VocabBot.Learning.Quiz;
using VocabBot.Learning.Scores;
using VocabBot.WordOfTheDay;

namespace VocabBot.Learning;

/// <summary>
/// The one entry point transports call: every slash command, button click and autocomplete
/// goes through here to the feature that owns it.
/// </summary>
public sealed class ChatCommands(DefineCommand define, HeadwordIndex headwords, QuizCommands quiz, ScoreCommands scores, WotdCommands wotd, Vocabulary vocabulary)
{
    private static readonly CommandOption Count = new("count", $"How many questions, 1 to {QuizCommands.MaxCount} (default {QuizCommands.DefaultCount})",
        CommandOptionType.Integer, MinValue: 1, MaxValue: QuizCommands.MaxCount);

    public IReadOnlyList<CommandDefinition> Definitions { get; } =
    [
        new("define", "Look up a word from the study articles",
            [new("word", "The word or phrase, in any form (loosened, getting access)", Required: true, Autocomplete: true, MaxLength: DefineCommand.MaxTermLength)]),
        new("quiz", "A multiple-choice quiz: due and missed words first, then new ones",
            [Count, new("article", "Only words from this article", Autocomplete: true)]),
        new("review", "Quiz only the words due for review", [Count]),
        new("leaderboard", "This server's top 10 by points", [new("period", "all (default) or week", Choices: ScoreCommands.Periods)]),
        new("stats", "Your points, accuracy, day streak and words due", []),
        WotdCommands.Wotd,
        WotdCommands.Setup,
        new("help", "What each command does", []),
    ];

    public Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var command = request.Command.Trim().TrimStart('/').ToLowerInvariant();
        if (command == WotdCommands.Wotd.Name)
            return wotd.TodayAsync(request, cancellationToken);
        if (command == WotdCommands.Setup.Name)
            return wotd.SetupAsync(request, cancellationToken);
        var reply = command switch
        {
            "define" => define.Handle(request.Option("word")),
            "quiz" => quiz.Start(request, QuizMode.Quiz),
            "review" => quiz.Start(request, QuizMode.Review),
            "leaderboard" => scores.Leaderboard(request),
            "stats" => scores.Stats(request),
            "help" => ChatReply.Private(Help()),
            _ => ChatReply.Private($"Unknown command /{CommandInput.Shorten(request.Command.Trim().TrimStart('/'), 30)}; /help lists the commands."),
        };
        return Task.FromResult(reply);
    }

    public Task<ChatReply> ClickAsync(ButtonClick click, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(click);
        cancellationToken.ThrowIfCancellationRequested();
        var id = click.ButtonId;
        var reply = quiz.Owns(id) ? quiz.Click(click)
            // Under a word of the day: private answers for whoever clicked, the post itself stays as it is.
            : id.StartsWith(WotdCard.QuizButtonPrefix, StringComparison.Ordinal) ? quiz.StartWord(click, id[WotdCard.QuizButtonPrefix.Length..])
            : id.StartsWith(WotdCard.DefineButtonPrefix, StringComparison.Ordinal) ? define.Handle(id[WotdCard.DefineButtonPrefix.Length..]) with { Ephemeral = true }
            : ChatReply.Private("That button is no longer active.");
        return Task.FromResult(reply);
    }

    public IReadOnlyList<string> Autocomplete(string command, string option, string typed) => (command, option) switch
    {
        ("define", "word") => headwords.Complete(typed),
        ("quiz", "article") => Articles.Complete(vocabulary, typed, HeadwordIndex.MaxResults),
        _ => [],
    };

    /// <summary>One line per command, as /help shows them.</summary>
    public string Help() => string.Join('\n', Definitions.Select(d =>
        $"/{d.Name}{string.Concat(d.Options.Select(o => o.Required ? $" {o.Name}" : $" [{o.Name}]"))}: {d.Description}"));
}
