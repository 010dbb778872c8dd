namespace VocabBot.Tests.Discord;

public sealed class ShutdownTests
{
    [Fact]
    public async Task Stop_ClosesTheGatewayWith1000_SoDiscordShowsTheBotOffline()
    {
        await using var bot = await BotHarness.StartAsync(learning: null);
        await bot.WaitUntilReadyAsync();

        await bot.Host.StopAsync().WaitAsync(TimeSpan.FromSeconds(15));
        await bot.Discord.Gateway.WaitForAsync(g => g.ClosedByBotWith.Count == 1, "the bot's close frame");

        Assert.Equal([1000], bot.Discord.Gateway.ClosedByBotWith);
        Assert.DoesNotContain(bot.Logs.Lines, line => line.Contains("connection failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LivenessFile_IsFreshWhileConnected_AndGoneAfterStop()
    {
        var file = Path.Combine(Path.GetTempPath(), $"vocabbot-alive-{Guid.NewGuid():N}");
        await using var bot = await BotHarness.StartAsync(learning: null, settings: new Dictionary<string, string?> { ["Discord:LivenessFile"] = file });
        await bot.WaitUntilReadyAsync();

        await bot.Discord.Gateway.WaitForAsync(_ => File.Exists(file), "the liveness file");
        await bot.Host.StopAsync().WaitAsync(TimeSpan.FromSeconds(15));

        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task Start_LogsOneLineWithArticlesWordsSchedulesAndCommandScope()
    {
        await using var bot = await BotHarness.StartAsync(learning: null, settings: new Dictionary<string, string?> { ["Discord:GuildId"] = "400000000000000001" });
        await bot.WaitUntilReadyAsync();

        Assert.Contains(bot.Logs.Lines, line => line.Contains(
            "VocabBot starting: 1 article(s), 41 word(s), 0 word-of-the-day schedule(s), slash commands registered to guild 400000000000000001",
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stop_LetsAnInteractionInFlightFinish()
    {
        var learning = new StandInLearning { Gate = new(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var bot = await BotHarness.StartAsync(learning, settings: new Dictionary<string, string?> { ["Discord:DeferAfter"] = "00:00:02" });
        await bot.WaitUntilReadyAsync();
        var id = Interactions.NewId();
        await bot.Discord.Gateway.DispatchAsync("INTERACTION_CREATE", Interactions.Command(id, "review"));
        await bot.Discord.Gateway.WaitForAsync(_ => learning.Requests.Count == 1, "the handler to start");

        var stopping = bot.Host.StopAsync();
        await bot.Discord.Gateway.WaitForAsync(g => g.ClosedByBotWith.Count == 1, "the bot's close frame");
        learning.Gate.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(15));

        var callback = await bot.Discord.CallbackAsync(id);
        Assert.Contains("Nothing to review", callback.Body, StringComparison.Ordinal);
    }
}
