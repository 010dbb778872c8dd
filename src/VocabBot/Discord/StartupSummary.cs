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
        var scope = options.Value.GuildId is { Length: > 0 } guild ? $"to guild {guild}" : "globally";
        LogStarting(logger, vocabulary.ArticleCount, vocabulary.WordCount, (await schedules.AllAsync(cancellationToken)).Count, scope);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "VocabBot starting: {Articles} article(s), {Words} word(s), {Schedules} word-of-the-day schedule(s), slash commands registered {CommandScope}")]
    private static partial void LogStarting(ILogger logger, int articles, int words, int schedules, string commandScope);
}
