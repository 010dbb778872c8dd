using System.Collections.Concurrent;
using VocabBot.Chat;

namespace VocabBot.Tests.Discord;

/// <summary>
/// A tiny feature registered with the host the way the real ones are (commands and a button kind behind a
/// <see cref="ChatRouter"/>), so the transport can be driven end to end on its own: a four-word dictionary,
/// a two-question quiz by buttons, a leaderboard of quiz scores and stats.
/// </summary>
internal sealed class StandInLearning
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["apple"] = "a round fruit",
        ["apricot"] = "a small orange fruit",
        ["banana"] = "a long yellow fruit",
        ["cherry"] = "a small red fruit",
    };
    private static readonly string[] Quiz = ["apple", "banana"];
    private readonly ConcurrentDictionary<string, int> _scores = new();
    private readonly ConcurrentQueue<ChatRequest> _requests = new();

    public IReadOnlyList<CommandDefinition> Definitions { get; set; } =
    [
        new("define", "Look a word up", [new("word", "The word", Required: true, Autocomplete: true, MaxLength: 100)]),
        new("quiz", "Take a quiz", []),
        new("review", "Review due words", []),
        new("leaderboard", "Who scored most", [new("period", "Which period", Choices: ["week", "month", "all"])]),
        new("stats", "Your progress", []),
        new("channel", "Pick the word-of-the-day channel", [new("hour", "Hour", CommandOptionType.Integer, MinValue: 0, MaxValue: 23)], RequiresServerManager: true),
    ];

    public IReadOnlyList<ChatRequest> Requests => [.. _requests];

    /// <summary>When set, /review and /stats wait for it: slow handlers, to see the deferral.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>When set, /stats throws: a broken handler.</summary>
    public bool StatsThrows { get; set; }

    /// <summary>When set, /stats answers with a card showing this picture.</summary>
    public ChatImage? Picture { get; set; }

    /// <summary>When set, /define blocks its thread this long before answering: a slow synchronous handler.</summary>
    public TimeSpan DefineBlocksFor { get; set; }

    /// <summary>The router the host's transports use, holding these commands and the quiz's button kind.</summary>
    public ChatRouter Router() => new([.. Definitions.Select(d => new Command(this, d))], [new Button(this)], TestText.For<ChatText>());

    private async Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request);
        switch (request.Command)
        {
            case "define":
                if (DefineBlocksFor > TimeSpan.Zero)
                    Thread.Sleep(DefineBlocksFor);
                var word = request.Option("word") ?? "";
                return Words.TryGetValue(word, out var meaning)
                    ? new ChatReply($"{word}, for {request.DisplayName}", new ChatCard(word, [new("Meaning", meaning)], Footer: "stand-in dictionary"))
                    : ChatReply.Private($"No entry for '{word}'.");
            case "quiz":
                return Question(request.UserId, 0);
            case "review":
                await WaitForGateAsync(cancellationToken).ConfigureAwait(false);
                return new ChatReply("Nothing to review.");
            case "leaderboard":
                if (request.GuildId is null)
                    return ChatReply.Private("The leaderboard lives in servers.");
                var lines = _scores.OrderByDescending(s => s.Value).Select(s => $"{s.Key}: {s.Value}");
                return new ChatReply($"Leaderboard ({request.Option("period") ?? "all"})", new ChatCard("Leaderboard", [new("Scores", string.Join("\n", lines.DefaultIfEmpty("nobody yet")))]));
            case "stats":
                await WaitForGateAsync(cancellationToken).ConfigureAwait(false);
                if (StatsThrows)
                    throw new InvalidOperationException("stats store is down");
                var stats = ChatReply.Private($"{request.DisplayName}: {_scores.GetValueOrDefault(request.UserId)} points");
                return Picture is null ? stats : stats with { Card = new ChatCard("Progress", []), Image = Picture };
            default:
                return ChatReply.Private($"Unknown command /{request.Command}.");
        }
    }

    private ChatReply Click(ButtonClick click)
    {
        // Button ids: quiz:{user}:{question}:{answer}
        if (click.Button.Args is not [var user, var number, var answer] || user != click.UserId)
            return ChatReply.Private("That quiz is not yours.");
        var question = int.Parse(number, System.Globalization.CultureInfo.InvariantCulture);
        if (answer == Quiz[question])
            _scores.AddOrUpdate(click.UserId, 1, (_, score) => score + 1);
        return question + 1 < Quiz.Length
            ? Question(click.UserId, question + 1)
            : new ChatReply($"Quiz done: {_scores.GetValueOrDefault(click.UserId)} of {Quiz.Length}.", Buttons: []);
    }

    private async Task WaitForGateAsync(CancellationToken cancellationToken)
    {
        if (Gate is { } gate)
            await gate.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static ChatReply Question(string userId, int number) => new(
        $"Question {number + 1}: which fruit is {Words[Quiz[number]]}?",
        Buttons: [.. Words.Keys.Order().Select(w => new ChatButton(w, new ButtonId("quiz", userId, number.ToString(System.Globalization.CultureInfo.InvariantCulture), w), ChatButtonStyle.Primary))]);

    private sealed class Command(StandInLearning owner, CommandDefinition definition) : IChatCommand
    {
        public CommandDefinition Definition => definition;

        public Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken) => owner.HandleAsync(request, cancellationToken);

        public IReadOnlyList<string> Complete(AutocompleteRequest request) =>
            request.Command == "define" && request.Option == "word"
                ? [.. Words.Keys.Where(w => w.StartsWith(request.Typed, StringComparison.OrdinalIgnoreCase)).Order()]
                : [];
    }

    private sealed class Button(StandInLearning owner) : IChatButton
    {
        public string Kind => "quiz";

        public Task<ChatReply> ClickAsync(ButtonClick click, CancellationToken cancellationToken) => Task.FromResult(owner.Click(click));
    }
}
