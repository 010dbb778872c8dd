using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;
using VocabBot.Chat;
using VocabBot.Storage;

namespace VocabBot.WordOfTheDay;

internal static class WordOfTheDaySetup
{
    public static IHostApplicationBuilder AddWordOfTheDay(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WordOfTheDayOptions>()
            .BindConfiguration(WordOfTheDayOptions.Section)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<WordOfTheDayOptions>, WordOfTheDayOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(Random.Shared);
        builder.Services.AddStore<IWotdStore, LiteDbWotdStore, PostgresWotdStore>();
        builder.Services.AddStoreCopier<WotdCopier>();
        builder.Services.AddSingleton<WordCycle>();
        builder.Services.AddSingleton<WotdCard>();
        builder.Services.AddSingleton<WordOfTheDayService>();
        builder.Services.AddSingleton<WotdSchedules>();
        builder.Services.AddSingleton<WotdScheduler>();
        builder.Services.AddChatCommand<WotdCommand>();
        builder.Services.AddChatCommand<WotdSetupCommand>();
        // Each post waits on Discord (about 100 ms); enough workers that a thousand channels on one minute all
        // post within it, few enough to stay well inside Discord's 50 requests a second with the rate limiter.
        var workers = builder.Configuration.GetValue($"{WordOfTheDayOptions.Section}:{nameof(WordOfTheDayOptions.ConcurrentPosts)}", WordOfTheDayOptions.DefaultConcurrentPosts);
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var section = builder.Configuration.GetSection(WordOfTheDayOptions.Section);
        builder.Services.AddQuartz(quartz =>
        {
            quartz.UseDefaultThreadPool(pool => pool.MaxConcurrency = Math.Clamp(workers, 1, 50));
            // With PostgreSQL the processes share one schedule; with LiteDB (one process) it stays in memory.
            if (storage.Provider == StorageProvider.PostgreSQL && !string.IsNullOrWhiteSpace(storage.ConnectionString))
            {
                quartz.UsePostgresCluster(storage.ConnectionString,
                    section.GetValue(nameof(WordOfTheDayOptions.ClusterCheckinInterval), TimeSpan.FromSeconds(5)),
                    section.GetValue(nameof(WordOfTheDayOptions.ClusterCheckinMisfireThreshold), TimeSpan.FromSeconds(10)));
            }
        });
        builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WotdScheduler>());
        return builder;
    }
}
