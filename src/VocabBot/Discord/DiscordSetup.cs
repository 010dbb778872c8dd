using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VocabBot.Chat;
using VocabBot.Storage;

namespace VocabBot.Discord;

internal static class DiscordSetup
{
    public const string MissingTokenMessage =
        "No Discord token: set Discord__Token (or user secrets Discord:Token) to run the bot, or chat locally with: dotnet run --project src/VocabBot -- console";

    /// <summary>Whether a bot token is configured; without one the bot cannot connect.</summary>
    public static bool HasToken(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration[$"{DiscordOptions.Section}:{nameof(DiscordOptions.Token)}"]);
    }

    /// <summary>The Discord transport: gateway or HTTP interactions, REST client, command registration and channel posts.</summary>
    public static IHostApplicationBuilder AddDiscord(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddChat();
        var services = builder.Services;
        services.AddOptions<DiscordOptions>()
            .BindConfiguration(DiscordOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        // No default HTTP logging: its lines carry interaction tokens in URLs. DiscordRestClient logs route templates.
        services.AddHttpClient(DiscordRestClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        services.AddSingleton<RateLimiter>();
        services.AddSingleton<InvalidRequestCounter>();
        services.AddSingleton<FatalStop>();
        services.AddSingleton<DiscordRestClient>();
        services.AddHttpClient(DiscordAttachments.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        services.AddSingleton<DiscordAttachments>();
        services.AddStore<ICommandRegistrationStore, LiteDbCommandRegistrationStore, PostgresCommandRegistrationStore>();
        // In PostgreSQL mode processes may share the bot's shards, so they take identify turns through the database.
        services.AddStore<IIdentifyGate, InProcessIdentifyGate, PostgresIdentifyGate>();
        services.AddSingleton<CommandRegistrar>();
        services.AddSingleton<InteractionResponder>();
        services.AddSingleton<BackgroundWork>();
        services.AddSingleton<LivenessFile>();
        services.AddSingleton<IChannelMessenger, DiscordChannelMessenger>();
        services.AddHostedService<StartupSummary>();
        if (UsesHttpInteractions(builder.Configuration))
        {
            // No gateway connection at all: the bot asks for no gateway events (intents 0), so it needs none.
            services.AddSingleton<InteractionSignature>();
            services.AddSingleton<HttpInteractionEndpoint>();
            services.AddSingleton<HttpInteractionsServer>();
            services.AddHostedService(sp => sp.GetRequiredService<HttpInteractionsServer>());
        }
        else
        {
            services.AddSingleton<IdentifyThrottle>();
            services.AddSingleton<ShardStates>();
            services.AddSingleton<ShardServices>();
            services.AddHostedService<DiscordGateway>();
        }
        return builder;
    }

    // A value that is neither is reported by the options validation at start, before anything runs.
    private static bool UsesHttpInteractions(IConfiguration configuration) =>
        Enum.TryParse<InteractionTransport>(configuration[$"{DiscordOptions.Section}:{nameof(DiscordOptions.Interactions)}"], ignoreCase: true, out var transport)
        && transport == InteractionTransport.Http;
}
