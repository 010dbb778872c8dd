using Microsoft.Extensions.Time.Testing;
using VocabBot.Learning;

using VocabBot.Chat;

namespace VocabBot.Tests.Discord;

public sealed class GatewayLimitsTests
{
    [Fact]
    public async Task FailingConnects_BackOffExponentially_UpToTheCap()
    {
        await using var discord = await FakeDiscord.StartAsync();
        discord.Gateway.RejectConnections(5);
        await using var bot = await BotHarness.StartAsync(new StandInLearning(), discord, settings: new Dictionary<string, string?>
        {
            ["Discord:ReconnectDelay"] = "00:00:00.050",
            ["Discord:ReconnectMaxDelay"] = "00:00:00.100",
        });

        await bot.WaitUntilReadyAsync();

        // The bot logs each delay it chose; every attempt starts with GET /gateway/bot, so the gaps
        // between those show that it really waited.
        var delays = bot.Logs.Lines.Where(l => l.Contains("gateway connection ended", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("DelaySeconds=", StringComparison.Ordinal) + "DelaySeconds=".Length)..].Split(',')[0]).ToList();
        Assert.Equal(["0.05", "0.1", "0.1", "0.1", "0.1"], delays);
        var attempts = discord.Requests.Where(r => r.Path == "/gateway/bot").Select(r => r.At).ToList();
        Assert.Equal(6, attempts.Count);
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => (b - a).TotalMilliseconds).ToList();
        Assert.All(gaps.Zip(new[] { 50.0, 100, 100, 100, 100 }), g => Assert.True(g.First >= g.Second * 0.8, $"gaps {string.Join(", ", gaps)}"));
        await bot.Logs.WaitForAsync("Registered 7 slash commands");
        discord.AssertBodiesValid();
    }

    [Fact]
    public async Task SessionStartLimitUsedUp_WaitsForResetBeforeIdentifying()
    {
        await using var discord = await FakeDiscord.StartAsync();
        discord.Gateway.SessionStartRemaining = 0;
        discord.Gateway.SessionStartResetAfter = TimeSpan.FromMilliseconds(500);
        await using var bot = await BotHarness.StartAsync(new StandInLearning(), discord);

        await bot.WaitUntilReadyAsync();

        var asked = discord.Requests.First(r => r.Path == "/gateway/bot").At;
        Assert.True(discord.Gateway.ConnectedAt[0] - asked >= TimeSpan.FromMilliseconds(400), $"connected after {discord.Gateway.ConnectedAt[0] - asked}");
        Assert.Contains(bot.Logs.Lines, line => line.Contains("session start limit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HeartbeatRequest_IsAnsweredAtOnce()
    {
        await using var discord = await FakeDiscord.StartAsync();
        discord.Gateway.HeartbeatInterval = TimeSpan.FromSeconds(40);
        await using var bot = await BotHarness.StartAsync(new StandInLearning(), discord);
        await bot.WaitUntilReadyAsync();
        var before = discord.Gateway.Received.Count(p => p.StartsWith("""{"op":1,""", StringComparison.Ordinal));

        await discord.Gateway.RequestHeartbeatAsync();

        await discord.Gateway.Changes.WaitUntilAsync(
            () => discord.Gateway.Received.Count(p => p.StartsWith("""{"op":1,""", StringComparison.Ordinal)) > before,
            "a heartbeat answering op 1", TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task RestTimeout_IsRetried()
    {
        // On a fake clock: a 300 ms real timeout once fired late on a busy machine and failed this test.
        var time = new FakeTimeProvider(TestBot.Start);
        await using var bot = await BotHarness.StartAsync(new StandInLearning(), time: time,
            settings: new Dictionary<string, string?> { ["Discord:RestTimeout"] = "00:00:05" });
        var arrivals = bot.Discord.Arrivals("/channels/", time);
        bot.Discord.HoldNext("/channels/");

        var post = bot.Messenger.PostAsync("200000000000000090", new ChatReply("hello"), TestContext.Timeout);
        // The clock stands still until the first attempt arrives, so its timeout starts when it arrived.
        await bot.Discord.Changes.WaitUntilAsync(() => !arrivals.IsEmpty, "the first attempt");
        await time.AdvanceUntilAsync(() => post.IsCompleted, "the post to end");
        await post;

        Assert.Equal(2, arrivals.Count);
        Assert.True(arrivals.Last() - arrivals.First() >= TimeSpan.FromSeconds(5), $"attempts at {string.Join(", ", arrivals.Select(a => a - TestBot.Start))}");
        Assert.Contains(bot.Logs.Lines, line => line.Contains("failed (no answer within 5 s), attempt 1 of 4", StringComparison.Ordinal));
        bot.Discord.AssertBodiesValid();
    }
}
