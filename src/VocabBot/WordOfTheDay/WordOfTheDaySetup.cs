using System.Globalization;
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
        builder.Services.AddQuartz(quartz =>
        {
            quartz.UseDefaultThreadPool(pool => pool.MaxConcurrency = Math.Clamp(workers, 1, 50));
            // With PostgreSQL the processes share one schedule; with LiteDB (one process) it stays in memory.
            if (ClusterDatabase(builder.Configuration) is { } connectionString)
                quartz.UsePostgresCluster(connectionString, ClusterTiming(builder.Configuration, nameof(WordOfTheDayOptions.ClusterCheckinInterval)),
                    ClusterTiming(builder.Configuration, nameof(WordOfTheDayOptions.ClusterCheckinMisfireThreshold)));
        });
        builder.Services.AddHostedService<QuartzRunner>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WotdScheduler>());
        return builder;
    }

    // Read before the options exist, leniently: a value that does not parse is reported by the options' validation at start.
    private static string? ClusterDatabase(IConfiguration configuration)
    {
        var section = configuration.GetSection(StorageOptions.Section);
        return Enum.TryParse<StorageProvider>(section[nameof(StorageOptions.Provider)], ignoreCase: true, out var provider)
            && provider == StorageProvider.PostgreSQL && section[nameof(StorageOptions.ConnectionString)] is { Length: > 0 } connectionString
            ? connectionString
            : null;
    }

    private static TimeSpan ClusterTiming(IConfiguration configuration, string key) =>
        TimeSpan.TryParse(configuration[$"{WordOfTheDayOptions.Section}:{key}"], CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero
            ? value
            : key == nameof(WordOfTheDayOptions.ClusterCheckinInterval) ? new WordOfTheDayOptions().ClusterCheckinInterval : new WordOfTheDayOptions().ClusterCheckinMisfireThreshold;
}
