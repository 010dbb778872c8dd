using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VocabBot.Discord;

namespace VocabBot.Tests.Discord;

public sealed class RateLimiterTests
{
    [Fact]
    public async Task FiftyFirstRequestInOneSecond_WaitsForTheWindow()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var limiter = new RateLimiter(Options.Create(new DiscordOptions()), time);
        for (var i = 0; i < 50; i++)
            Assert.True(limiter.WaitAsync(DiscordRoute.CreateMessage($"{i}"), CancellationToken.None).IsCompletedSuccessfully);

        var fiftyFirst = limiter.WaitAsync(DiscordRoute.CreateMessage("51"), CancellationToken.None);
        Assert.False(fiftyFirst.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        await fiftyFirst.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void InteractionCallbacks_NotHeldByTheFiftyPerSecondCap()
    {
        // Discord: "Interaction endpoints are not bound to the bot's Global Rate Limit"; holding them
        // capped a busy bot at 50 answers a second and let the 51st miss Discord's 3 s.
        var time = new FakeTimeProvider();
        var limiter = new RateLimiter(Options.Create(new DiscordOptions()), time);
        for (var i = 0; i < 50; i++)
            Assert.True(limiter.WaitAsync(DiscordRoute.CreateMessage($"{i}"), CancellationToken.None).IsCompletedSuccessfully);

        for (var i = 0; i < 100; i++)
        {
            Assert.True(limiter.WaitAsync(DiscordRoute.InteractionCallback($"{i}", $"token-{i}"), CancellationToken.None).IsCompletedSuccessfully);
            Assert.True(limiter.WaitAsync(DiscordRoute.Followup("1", $"token-{i}"), CancellationToken.None).IsCompletedSuccessfully);
        }
        Assert.False(limiter.WaitAsync(DiscordRoute.CreateMessage("51"), CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task GlobalBlock_HoldsEveryRoute()
    {
        var time = new FakeTimeProvider();
        var limiter = new RateLimiter(Options.Create(new DiscordOptions()), time);
        limiter.Block(DiscordRoute.CreateMessage("1"), TimeSpan.FromSeconds(2), global: true);

        var other = limiter.WaitAsync(DiscordRoute.GatewayBot(), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(other.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        await other.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void InteractionEndpoints_AreOutsideTheGlobalLimit()
    {
        // Discord: "Interaction endpoints are not bound to the bot's Global Rate Limit"; waiting there makes answers miss their 3 s.
        var time = new FakeTimeProvider();
        var limiter = new RateLimiter(Options.Create(new DiscordOptions()), time);
        for (var i = 0; i < 50; i++)
            Assert.True(limiter.WaitAsync(DiscordRoute.CreateMessage($"{i}"), CancellationToken.None).IsCompletedSuccessfully);
        limiter.Block(DiscordRoute.CreateMessage("1"), TimeSpan.FromSeconds(2), global: true);

        Assert.True(limiter.WaitAsync(DiscordRoute.InteractionCallback("1", "token-1"), CancellationToken.None).IsCompletedSuccessfully);
        Assert.True(limiter.WaitAsync(DiscordRoute.EditOriginal("app", "token-2"), CancellationToken.None).IsCompletedSuccessfully);
        Assert.True(limiter.WaitAsync(DiscordRoute.DeleteOriginal("app", "token-3"), CancellationToken.None).IsCompletedSuccessfully);
        Assert.True(limiter.WaitAsync(DiscordRoute.Followup("app", "token-4"), CancellationToken.None).IsCompletedSuccessfully);
        Assert.False(limiter.WaitAsync(DiscordRoute.CreateMessage("51"), CancellationToken.None).IsCompleted);
    }
}
