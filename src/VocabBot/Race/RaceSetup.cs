using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using VocabBot.Chat;
using VocabBot.Storage;

namespace VocabBot.Race;

internal static class RaceSetup
{
    /// <summary>/race start|stop, its answer buttons, its two stores, and the host that runs (and resumes) the races.</summary>
    public static IHostApplicationBuilder AddRace(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(Random.Shared);
        builder.Services.AddStore<IRaceStore, LiteDbRaceStore, PostgresRaceStore>();
        builder.Services.AddSingleton<RaceQuestions>();
        builder.Services.AddSingleton<RaceRounds>();
        builder.Services.AddSingleton<RaceMessages>();
        builder.Services.AddSingleton<RaceHost>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RaceHost>());
        builder.Services.AddChatCommand<RaceCommand>();
        builder.Services.AddChatButton<RaceButtons>();
        return builder;
    }
}
