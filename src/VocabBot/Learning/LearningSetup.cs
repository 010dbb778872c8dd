using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using VocabBot.Chat;
using VocabBot.Learning.Define;
using VocabBot.Learning.Quiz;
using VocabBot.Learning.Review;
using VocabBot.Learning.Scores;
using VocabBot.Storage;

namespace VocabBot.Learning;

internal static class LearningSetup
{
    public static IHostApplicationBuilder AddLearning(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LearningOptions>()
            .BindConfiguration(LearningOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        // Quiz order and options are random; tests register a seeded Random before this.
        builder.Services.TryAddSingleton(Random.Shared);

        builder.Services.AddStore<IReviewStore, LiteDbReviewStore, PostgresReviewStore>();
        builder.Services.AddStoreCopier<ReviewCopier>();
        builder.Services.AddSingleton<ReviewMemory>();
        builder.Services.AddStore<IScoreStore, LiteDbScoreStore, PostgresScoreStore>();
        builder.Services.AddStoreCopier<ScoresCopier>();
        builder.Services.AddSingleton<Scoreboard>();
        builder.Services.AddHostedService<ScoreTotalsCheck>();
        builder.Services.AddSingleton<ScoreCommands>();
        builder.Services.AddHostedService<ProgressPictureWarmup>();
        builder.Services.AddSingleton<QuizBuilder>();
        builder.Services.AddSingleton<CorrectionQuestions>();
        builder.Services.AddSingleton<WordPicker>();
        builder.Services.AddStore<IQuizStore, LiteDbQuizStore, PostgresQuizStore>();
        builder.Services.AddSingleton<QuizCommands>();

        builder.Services.AddChatCommand<DefineCommand>();
        builder.Services.AddChatButton<DefineCommand>();
        builder.Services.AddChatCommand<QuizCommand>();
        builder.Services.AddChatCommand<ReviewCommand>();
        builder.Services.AddChatButton<QuizButtons>();
        builder.Services.AddChatButton<WordQuizButton>();
        builder.Services.AddChatCommand<LeaderboardCommand>();
        builder.Services.AddChatCommand<StatsCommand>();
        return builder;
    }
}
