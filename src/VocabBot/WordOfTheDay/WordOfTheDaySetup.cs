using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;
using VocabBot.Chat;

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
        builder.Services.AddSingleton<WordCycle>();
        builder.Services.AddSingleton<WordOfTheDayService>();
        builder.Services.AddSingleton<WotdSchedules>();
        builder.Services.AddSingleton<WotdScheduler>();
        builder.Services.AddChatCommand<WotdCommand>();
        builder.Services.AddChatCommand<WotdSetupCommand>();
        builder.Services.AddQuartz();
        builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WotdScheduler>());
        return builder;
    }
}
