using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VocabBot.WordOfTheDay;

namespace VocabBot.Tests.Discord;

/// <summary>The word of the day against Discord's refusals: a channel that answers 403 or 404 is not asked again.</summary>
public sealed class WotdOverDiscordTests
{
    private const string Channel = "200000000000000077";
    private static readonly TimeZoneInfo Taipei = TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei");

    [Theory]
    [InlineData(nameof(DiscordError.MissingPermissions))]
    [InlineData(nameof(DiscordError.MissingAccess))]
    [InlineData(nameof(DiscordError.UnknownChannel))]
    public async Task ChannelThatRefuses_IsAskedOnce_InSevenDays(string name)
    {
        var time = new FakeTimeProvider(TestBot.Start);
        await using var bot = await BotHarness.StartAsync(learning: null, time: time);
        var service = bot.Host.Services.GetRequiredService<WordOfTheDayService>();
        bot.Discord.FailNextWith($"/channels/{Channel}/", DiscordError.Named(name));

        var outcomes = new List<PostOutcome>();
        for (var day = 0; day < 7; day++)
        {
            outcomes.Add(await service.PostIfDueAsync(Channel, Taipei, bot.Messenger, TestContext.Timeout));
            time.Advance(TimeSpan.FromDays(1));
        }

        Assert.All(outcomes, o => Assert.Equal(PostOutcome.Refused, o));
        Assert.Single(bot.Discord.Requests, r => r.Path.StartsWith($"/channels/{Channel}/", StringComparison.Ordinal));
        Assert.Contains(bot.Logs.Lines, l => l.Contains($"Channel {Channel} refused the word of the day", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WotdSetup_InAChannelTheBotCannotPostIn_SavesNothing_AndSaysWhichPermissions()
    {
        await using var bot = await BotHarness.StartAsync(learning: null);
        await bot.WaitUntilReadyAsync();
        bot.Discord.FailNextWith($"/channels/{Channel}/", DiscordError.MissingPermissions);

        var callback = await bot.InteractAsync(Interactions.Command(Interactions.NewId(), "wotd-setup",
            new JsonObject { ["channel"] = Channel, ["time"] = "08:00", ["timezone"] = "Asia/Taipei" }, manager: true));

        var reply = callback.Json.GetProperty("data");
        Assert.Equal(64, reply.GetProperty("flags").GetInt32());
        Assert.Contains("View Channel, Send Messages and Embed Links", reply.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Null(await bot.Host.Services.GetRequiredService<WotdSchedules>().FindAsync(Channel, CancellationToken.None));
        bot.Discord.AssertBodiesValid();
    }

    [Fact]
    public async Task WotdSetup_PostsAConfirmationInTheChannel_ThenSaves()
    {
        await using var bot = await BotHarness.StartAsync(learning: null);
        await bot.WaitUntilReadyAsync();

        var callback = await bot.InteractAsync(Interactions.Command(Interactions.NewId(), "wotd-setup",
            new JsonObject { ["channel"] = Channel, ["time"] = "08:00", ["timezone"] = "Asia/Taipei" }, manager: true));

        var (channel, body) = Assert.Single(bot.Discord.ChannelMessages);
        Assert.Equal(Channel, channel);
        Assert.Contains("The word of the day will be posted here every day at 08:00, Asia/Taipei.", body, StringComparison.Ordinal);
        Assert.Contains("Done", callback.Json.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.NotNull(await bot.Host.Services.GetRequiredService<WotdSchedules>().FindAsync(Channel, CancellationToken.None));
        bot.Discord.AssertBodiesValid();
    }

    [Theory]
    [InlineData(null, "每日一字")]
    [InlineData("en-US", "Word of the day")]
    public async Task WotdSetup_InAChineseServer_PostsInItsLanguage_UnlessAnotherIsChosen(string? language, string footer)
    {
        var time = new FakeTimeProvider(TestBot.Start);
        await using var bot = await BotHarness.StartAsync(learning: null, time: time);
        await bot.WaitUntilReadyAsync();
        var options = new JsonObject { ["channel"] = Channel, ["time"] = "08:00", ["timezone"] = "Asia/Taipei" };
        if (language is not null)
            options["language"] = language;
        var setup = Interactions.Command(Interactions.NewId(), "wotd-setup", options, manager: true);
        setup["guild_locale"] = "zh-TW";

        await bot.InteractAsync(setup);
        var outcome = await bot.Host.Services.GetRequiredService<WordOfTheDayService>().PostIfDueAsync(Channel, Taipei, bot.Messenger, TestContext.Timeout);

        Assert.Equal(PostOutcome.Posted, outcome);
        var confirmation = Regex.Unescape(bot.Discord.ChannelMessages[0].Body); // the JSON escapes CJK as \uXXXX
        var card = Regex.Unescape(bot.Discord.ChannelMessages[^1].Body);
        Assert.True(language is null == confirmation.Contains("每天 08:00, Asia/Taipei 會在這裡張貼每日一字", StringComparison.Ordinal), confirmation);
        Assert.Contains(footer, card, StringComparison.Ordinal);
        bot.Discord.AssertBodiesValid();
    }
}
