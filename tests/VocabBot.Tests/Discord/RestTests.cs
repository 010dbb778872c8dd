using Microsoft.Extensions.DependencyInjection;
using VocabBot.Discord;
using VocabBot.Learning;

using VocabBot.Chat;

namespace VocabBot.Tests.Discord;

public sealed class RestTests
{
    private static readonly ChatReply Word = new("Word of the day: apple", new ChatCard("apple", [new("Meaning", "a round fruit")]));

    [Fact]
    public async Task PostToChannel_SendsMessageCreateWithoutMentions()
    {
        await using var bot = await BotHarness.StartAsync(new StandInLearning());

        await bot.Messenger.PostAsync("200000000000000077", Word with { Ephemeral = true }, TestContext.Timeout);

        var post = Assert.Single(bot.Discord.Requests, r => r.Path == "/channels/200000000000000077/messages");
        Assert.Equal("Word of the day: apple", post.Json.GetProperty("content").GetString());
        Assert.Equal(0, post.Json.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.False(post.Json.TryGetProperty("flags", out _));
        bot.Discord.AssertBodiesValid();
    }

    [Theory]
    [InlineData("user")]
    [InlineData("global")]
    public async Task TooManyRequests_WaitsRetryAfter_ThenRetries(string scope)
    {
        await using var bot = await BotHarness.StartAsync(new StandInLearning());
        bot.Discord.RateLimitNext("/channels/", scope, retryAfterSeconds: 0.3);

        await bot.Messenger.PostAsync("200000000000000078", Word, TestContext.Timeout);

        var attempts = bot.Discord.Requests.Where(r => r.Path.StartsWith("/channels/", StringComparison.Ordinal)).ToList();
        Assert.Equal([429, 200], attempts.Select(a => a.Status));
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromMilliseconds(250), $"retried after {attempts[1].At - attempts[0].At}");
        bot.Discord.AssertBodiesValid();
    }

    [Fact]
    public async Task ServerError_IsRetriedWithBackoff()
    {
        await using var bot = await BotHarness.StartAsync(new StandInLearning());
        bot.Discord.FailNext("/channels/", 500, """{"message": "500: Internal Server Error", "code": 0}""");
        bot.Discord.FailNext("/channels/", 502);

        await bot.Messenger.PostAsync("200000000000000080", Word, TestContext.Timeout);

        Assert.Equal([500, 502, 200], bot.Discord.Requests.Where(r => r.Path.StartsWith("/channels/", StringComparison.Ordinal)).Select(r => r.Status));
        bot.Discord.AssertBodiesValid();
    }

    [Fact]
    public async Task ServerErrorAfterPosting_IsRetriedWithTheSameNonce_AndPostsOnce()
    {
        await using var bot = await BotHarness.StartAsync(new StandInLearning());
        bot.Discord.FailNextAfterDoingIt("/channels/", 500);

        await bot.Messenger.PostAsync("200000000000000083", Word, TestContext.Timeout);
        await bot.Messenger.PostAsync("200000000000000083", Word, TestContext.Timeout); // a caller's own retry

        var attempts = bot.Discord.Requests.Where(r => r.Path.StartsWith("/channels/", StringComparison.Ordinal)).ToList();
        Assert.Equal([500, 200, 200], attempts.Select(a => a.Status));
        Assert.Single(attempts.Select(a => a.Json.GetProperty("nonce").GetString()).Distinct());
        Assert.All(attempts, a => Assert.True(a.Json.GetProperty("enforce_nonce").GetBoolean()));
        Assert.Single(bot.Discord.ChannelMessages);
        bot.Discord.AssertBodiesValid();
    }

    [Theory]
    [InlineData(nameof(DiscordError.Unauthorized))]
    [InlineData(nameof(DiscordError.MissingPermissions))]
    [InlineData(nameof(DiscordError.MissingAccess))]
    [InlineData(nameof(DiscordError.UnknownChannel))]
    [InlineData(nameof(DiscordError.UnknownInteraction))]
    [InlineData(nameof(DiscordError.AlreadyAcknowledged))]
    public async Task ClientError_IsSentOnce_AndSurfacesStatusAndCode(string name)
    {
        var expected = DiscordError.Named(name);
        await using var bot = await BotHarness.StartAsync(new StandInLearning());
        bot.Discord.FailNextWith("/channels/", expected);

        // The REST client itself: the channel messenger turns these into a refusal of the channel.
        var rest = bot.Host.Services.GetRequiredService<DiscordRestClient>();
        var error = await Assert.ThrowsAsync<DiscordApiException>(() => rest.SendAsync(
            DiscordRoute.CreateMessage("200000000000000081"), MessageRenderer.Render(Word, allowEphemeral: false), TestContext.Timeout));

        Assert.Equal((expected.Status, expected.Code), (error.StatusCode, error.ErrorCode));
        Assert.Single(bot.Discord.Requests, r => r.Path.StartsWith("/channels/", StringComparison.Ordinal));
        Assert.Contains(bot.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal)
            && l.Contains($"HTTP {expected.Status}, code {expected.Code}: {expected.Message}", StringComparison.Ordinal));
        bot.Logs.AssertNeverContains(bot.Token);
    }

    [Fact]
    public async Task ExhaustedBucket_WaitsForReset()
    {
        await using var bot = await BotHarness.StartAsync(new StandInLearning());
        bot.Discord.FailNext("/channels/", 200, """{"id": "300000000000000001", "channel_id": "200000000000000082"}""", new Dictionary<string, string>
        {
            ["X-RateLimit-Bucket"] = "messages",
            ["X-RateLimit-Limit"] = "5",
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset-After"] = "0.4",
        });

        await bot.Messenger.PostAsync("200000000000000082", Word, TestContext.Timeout);
        await bot.Messenger.PostAsync("200000000000000082", Word, TestContext.Timeout);

        var posts = bot.Discord.Requests.Where(r => r.Path.StartsWith("/channels/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, posts.Count);
        Assert.True(posts[1].At - posts[0].At >= TimeSpan.FromMilliseconds(300), $"second post after {posts[1].At - posts[0].At}");
        bot.Discord.AssertBodiesValid();
    }
}

internal static class TestContext
{
    /// <summary>A bound for calls that should finish quickly.</summary>
    public static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token;
}
