using VocabBot.Chat;

namespace VocabBot.Learning.Scores;

/// <summary>/leaderboard [all|week]: this server's top 10 by points.</summary>
internal sealed class LeaderboardCommand(ScoreCommands scores) : IChatCommand
{
    public CommandDefinition Definition { get; } = new("leaderboard", "This server's top 10 by points",
        [new("period", "all (default) or week", Choices: ScoreCommands.Periods)]);

    public Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(scores.Leaderboard(request));
}

/// <summary>/stats: the member's points, accuracy, day streak and words due.</summary>
internal sealed class StatsCommand(ScoreCommands scores) : IChatCommand
{
    public CommandDefinition Definition { get; } = new("stats", "Your points, accuracy, day streak and words due", []);

    public Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(scores.Stats(request));
}
