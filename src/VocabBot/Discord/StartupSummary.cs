using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VocabBot.Content;
using VocabBot.WordOfTheDay;

namespace VocabBot.Discord;

/// <summary>One line at start-up that says what the bot serves; it starts after the content import.</summary>
internal sealed partial class StartupSummary(
    Vocabulary vocabulary,
    WotdSchedules schedules,
    IOptions<DiscordOptions> options,
    ILogger<StartupSummary> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var scope = settings.GuildId is { Length: > 0 } guild ? $"to guild {guild}" : "globally";
        LogStarting(logger, vocabulary.ArticleCount, vocabulary.WordCount, (await schedules.AllAsync(cancellationToken)).Count, scope, Transport(settings));
    }

    private static string Transport(DiscordOptions settings)
    {
        if (settings.Interactions == InteractionTransport.Http)
            return "over HTTP";
        var count = settings.ShardCount > 0 ? settings.ShardCount.ToString(System.Globalization.CultureInfo.InvariantCulture) : "as many as Discord recommends";
        return ShardSelection.Parse(settings.ShardIds, out _)?.Ids is { } ids
            ? $"over the gateway, shard(s) {ShardSelection.Format(ids)} of {count}"
            : $"over the gateway, all shards ({count})";
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "VocabBot starting: {Articles} article(s), {Words} word(s), {Schedules} word-of-the-day schedule(s), slash commands registered {CommandScope}, interactions {Transport}")]
    private static partial void LogStarting(ILogger logger, int articles, int words, int schedules, string commandScope, string transport);
}
