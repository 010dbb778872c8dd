using VocabBot.Chat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VocabBot.Discord;
using VocabBot.Learning;

namespace VocabBot.Tests.Discord;

/// <summary>
/// Discord bans the IP for a while after 10,000 invalid requests (401, 403, 429 not of shared scope) in
/// 10 minutes; the bot counts its own and holds its requests well before that.
/// </summary>
public sealed class InvalidRequestTests
{
    private static readonly ChatReply Hello = new("hello");
    private static readonly DiscordRoute Route = DiscordRoute.CreateMessage("200000000000000093");

    [Theory]
    [InlineData(401, null, 1)]
    [InlineData(403, null, 1)]
    [InlineData(429, "user", 1)]
    [InlineData(429, "global", 1)]
    [InlineData(429, null, 1)]
    [InlineData(429, "shared", 0)]
    [InlineData(400, null, 0)]
    [InlineData(404, null, 0)]
    [InlineData(500, null, 0)]
    [InlineData(200, null, 0)]
    public void Record_CountsWhatDiscordCallsInvalid(int status, string? scope, int counted)
    {
        var (counter, _, _) = Counter(budget: 100);

        counter.Record(Route, status, scope);

        Assert.Equal(counted, counter.Count);
    }

    [Fact]
    public void Count_SlidesOverTenMinutes()
    {
        var (counter, time, _) = Counter(budget: 100);
        counter.Record(Route, 403, null);
        time.Advance(TimeSpan.FromMinutes(6));
        counter.Record(Route, 401, null);

        Assert.Equal(2, counter.Count);
        time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(1, counter.Count);
        time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(0, counter.Count);
    }

    [Fact]
    public void GrowingCount_WarnsAtEachThresholdOnce_AndHoldsAtTheBudget()
    {
        var (counter, time, logs) = Counter(budget: 20);
        for (var i = 0; i < 19; i++)
            counter.Record(Route, 403, null);

        Assert.True(counter.HasRoom(out _));
        Assert.Equal(4, logs.Lines.Count(l => l.StartsWith("Warning", StringComparison.Ordinal))); // at 2, 5, 10 and 15
        Assert.Contains(logs.Lines, l => l.Contains("15 invalid Discord requests in the last 10 minutes, the latest HTTP 403 on POST /channels/{channel.id}/messages", StringComparison.Ordinal));

        time.Advance(TimeSpan.FromMinutes(1));
        counter.Record(Route, 403, null);

        Assert.False(counter.HasRoom(out var roomAt));
        Assert.Equal(TestBot.Start + TimeSpan.FromMinutes(10), roomAt);
        Assert.Contains(logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("reached Discord:InvalidRequestBudget (20)", StringComparison.Ordinal));
        time.Advance(TimeSpan.FromMinutes(9));
        Assert.True(counter.HasRoom(out _));
    }

    [Fact]
    public async Task Answers_AreCounted_ButNotSharedScopeRateLimits()
    {
        await using var bot = await BotHarness.StartAsync(new StandInLearning());
        bot.Discord.FailNextWith("/channels/", DiscordError.MissingPermissions);
        bot.Discord.RateLimitNext("/channels/", "shared");
        bot.Discord.RateLimitNext("/channels/", "user");
        bot.Discord.FailNextWith("/channels/", DiscordError.UnknownChannel);

        await Assert.ThrowsAsync<DiscordApiException>(() => bot.Poster.PostAsync(Route.MajorParameter, Hello, TestContext.Timeout));
        await Assert.ThrowsAsync<DiscordApiException>(() => bot.Poster.PostAsync(Route.MajorParameter, Hello, TestContext.Timeout));
        await bot.Poster.PostAsync(Route.MajorParameter, Hello, TestContext.Timeout);

        Assert.Equal([403, 429, 429, 404, 200], bot.Discord.Requests.Where(r => r.Path == Route.Path).Select(r => r.Status));
        Assert.Equal(2, bot.Host.Services.GetRequiredService<InvalidRequestCounter>().Count);
    }

    [Fact]
    public async Task BudgetUsedUp_HoldsTheBotsOwnRequests_ButAnswersInteractions_UntilTheWindowHasRoom()
    {
        var time = new FakeTimeProvider(TestBot.Start);
        await using var bot = await BotHarness.StartAsync(new StandInLearning(), time: time,
            settings: new Dictionary<string, string?> { ["Discord:InvalidRequestBudget"] = "2" });
        await bot.WaitUntilReadyAsync();
        bot.Discord.FailNextWith("/channels/", DiscordError.MissingAccess);
        bot.Discord.FailNextWith("/channels/", DiscordError.MissingAccess);
        await Assert.ThrowsAsync<DiscordApiException>(() => bot.Poster.PostAsync(Route.MajorParameter, Hello, TestContext.Timeout));
        await Assert.ThrowsAsync<DiscordApiException>(() => bot.Poster.PostAsync(Route.MajorParameter, Hello, TestContext.Timeout));

        var held = await Assert.ThrowsAsync<DiscordApiException>(() => bot.Poster.PostAsync(Route.MajorParameter, Hello, TestContext.Timeout));
        var callback = await bot.InteractAsync(Interactions.Command(Interactions.NewId(), "review"));
        time.Advance(InvalidRequestCounter.Window);
        await bot.Poster.PostAsync(Route.MajorParameter, Hello, TestContext.Timeout);

        Assert.Null(held.StatusCode);
        Assert.Contains("Discord:InvalidRequestBudget (2)", held.Message, StringComparison.Ordinal);
        Assert.Equal(204, callback.Status);
        Assert.Equal([403, 403, 200], bot.Discord.Requests.Where(r => r.Path == Route.Path).Select(r => r.Status));
    }

    private static (InvalidRequestCounter Counter, FakeTimeProvider Time, CapturedLogs Logs) Counter(int budget)
    {
        var time = new FakeTimeProvider(TestBot.Start);
        var logs = new CapturedLogs();
        var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(logs));
        var options = Options.Create(new DiscordOptions { InvalidRequestBudget = budget });
        return (new InvalidRequestCounter(options, time, loggerFactory.CreateLogger<InvalidRequestCounter>()), time, logs);
    }
}
