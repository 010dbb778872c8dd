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
}
