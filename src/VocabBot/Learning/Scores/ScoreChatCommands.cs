using Microsoft.Extensions.Localization;
using VocabBot.Chat;

namespace VocabBot.Learning.Scores;

/// <summary>/leaderboard [all|week]: this server's top 10 by points.</summary>
internal sealed class LeaderboardCommand(ScoreCommands scores, IStringLocalizer<LearningText> text) : IChatCommand
{
    public CommandDefinition Definition { get; } = new("leaderboard", CommandText.Description(text, "leaderboard"),
        [CommandText.Option(text, new("period", "", Choices: ScoreCommands.Periods), "period")])
    {
        Localizations = CommandText.Localized(text, "leaderboard"),
    };

    public Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(scores.Leaderboard(request));
}

/// <summary>/stats: the member's points, accuracy, day streak and words due.</summary>
internal sealed class StatsCommand(ScoreCommands scores, IStringLocalizer<LearningText> text) : IChatCommand
{
    public CommandDefinition Definition { get; } = new("stats", CommandText.Description(text, "stats"), [])
    {
        Localizations = CommandText.Localized(text, "stats"),
    };

    public Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(scores.Stats(request));
}
