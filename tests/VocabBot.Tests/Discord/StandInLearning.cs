using System.Collections.Concurrent;
using VocabBot.Discord;
using VocabBot.Learning;

namespace VocabBot.Tests.Discord;

/// <summary>
/// A tiny learning feature behind the same surface as ChatCommands, so the transport can be driven
/// end to end before the real handlers land: a four-word dictionary, a two-question quiz by buttons,
/// a leaderboard of quiz scores and stats.
/// </summary>
internal sealed class StandInLearning : IChatHandler
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

    public async Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request);
        switch (request.Command)
        {
            case "define":
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
                return ChatReply.Private($"{request.DisplayName}: {_scores.GetValueOrDefault(request.UserId)} points");
            default:
                return ChatReply.Private($"Unknown command /{request.Command}.");
        }
    }

    public Task<ChatReply> ClickAsync(ButtonClick click, CancellationToken cancellationToken)
    {
        // Button ids: quiz:{user}:{question}:{answer}
        var parts = click.ButtonId.Split(':');
        if (parts is not ["quiz", var user, var number, var answer] || user != click.UserId)
            return Task.FromResult(ChatReply.Private("That quiz is not yours."));
        var question = int.Parse(number, System.Globalization.CultureInfo.InvariantCulture);
        if (answer == Quiz[question])
            _scores.AddOrUpdate(click.UserId, 1, (_, score) => score + 1);
        return Task.FromResult(question + 1 < Quiz.Length
            ? Question(click.UserId, question + 1)
            : new ChatReply($"Quiz done: {_scores.GetValueOrDefault(click.UserId)} of {Quiz.Length}.", Buttons: []));
    }

    public IReadOnlyList<string> Autocomplete(string command, string option, string typed) =>
        command == "define" && option == "word"
            ? [.. Words.Keys.Where(w => w.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).Order()]
            : [];

    private async Task WaitForGateAsync(CancellationToken cancellationToken)
    {
        if (Gate is { } gate)
            await gate.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static ChatReply Question(string userId, int number) => new(
        $"Question {number + 1}: which fruit is {Words[Quiz[number]]}?",
        Buttons: [.. Words.Keys.Order().Select(w => new ChatButton(w, $"quiz:{userId}:{number}:{w}", ChatButtonStyle.Primary))]);
}
