using VocabBot.Chat;
using Microsoft.Extensions.Time.Testing;
using VocabBot.Discord;
using VocabBot.Learning;

namespace VocabBot.Tests.Discord;

/// <summary>5xx answers and timeouts are retried with exponential backoff, on a fake clock, up to Discord:RestMaxAttempts.</summary>
public sealed class RestRetryTests
{
    private static readonly ChatReply Hello = new("hello");

    [Fact]
    public async Task ServerErrors_AreRetriedUpToRestMaxAttempts_WithExponentialBackoff()
    {
        var time = new FakeTimeProvider(TestBot.Start);
        await using var bot = await BotHarness.StartAsync(new StandInLearning(), time: time, settings: new Dictionary<string, string?>
        {
            ["Discord:RestMaxAttempts"] = "3",
            ["Discord:RestRetryDelay"] = "00:00:01",
        });
        var arrivals = bot.Discord.Arrivals("/channels/", time);
        bot.Discord.FailNext("/channels/", 500, """{"message": "500: Internal Server Error", "code": 0}""");
        bot.Discord.FailNext("/channels/", 502);
        bot.Discord.FailNext("/channels/", 503);
        bot.Discord.FailNext("/channels/", 200); // a fourth attempt would succeed

        var post = bot.Poster.PostAsync("200000000000000091", Hello, TestContext.Timeout);
        await time.AdvanceUntilAsync(() => post.IsCompleted, "the post to end");

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => post);
        Assert.Equal(503, error.StatusCode);
        Assert.Contains("after 3 attempts", error.Message, StringComparison.Ordinal);
        var at = arrivals.ToList();
        Assert.Equal(3, at.Count);
        Assert.True(at[1] - at[0] >= TimeSpan.FromSeconds(1) && at[2] - at[1] >= TimeSpan.FromSeconds(2), $"attempts at {string.Join(", ", at.Select(a => a - TestBot.Start))}");
        Assert.Contains(bot.Logs.Lines, l => l.Contains("(HTTP 500), attempt 1 of 3; retrying in 1 s", StringComparison.Ordinal));
        Assert.Contains(bot.Logs.Lines, l => l.Contains("(HTTP 502), attempt 2 of 3; retrying in 2 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Timeouts_AreRetriedUpToRestMaxAttempts_ThenReported()
    {
        var time = new FakeTimeProvider(TestBot.Start);
        await using var bot = await BotHarness.StartAsync(new StandInLearning(), time: time, settings: new Dictionary<string, string?>
        {
            ["Discord:RestMaxAttempts"] = "2",
            ["Discord:RestRetryDelay"] = "00:00:01",
            ["Discord:RestTimeout"] = "00:00:05",
        });
        var arrivals = bot.Discord.Arrivals("/channels/", time);
        bot.Discord.HoldNext("/channels/");
        bot.Discord.HoldNext("/channels/");

        var post = bot.Poster.PostAsync("200000000000000092", Hello, TestContext.Timeout);
        // The clock stands still until the first attempt arrives, so its timeout starts when it arrived.
        await bot.Discord.Changes.WaitUntilAsync(() => !arrivals.IsEmpty, "the first attempt");
        await time.AdvanceUntilAsync(() => post.IsCompleted, "the post to end");

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => post);
        Assert.Null(error.StatusCode);
        Assert.Contains("after 2 attempts (no answer within 5 s)", error.Message, StringComparison.Ordinal);
        var at = arrivals.ToList();
        Assert.Equal(2, at.Count);
        Assert.True(at[1] - at[0] >= TimeSpan.FromSeconds(6), $"attempts at {string.Join(", ", at.Select(a => a - TestBot.Start))}");
        Assert.DoesNotContain(bot.Discord.Requests, r => r.Path.StartsWith("/channels/", StringComparison.Ordinal));
    }
}
