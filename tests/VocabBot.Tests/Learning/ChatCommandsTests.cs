using Microsoft.Extensions.Options;
using VocabBot.Learning;

using VocabBot.Chat;

namespace VocabBot.Tests.Learning;

public sealed class ChatCommandsTests
{
    [Fact]
    public async Task Definitions_NameEveryCommandWithItsOptions()
    {
        await using var bot = await TestBot.StartAsync();

        var definitions = bot.Commands.Definitions.ToDictionary(d => d.Name);

        Assert.Equal(["define", "quiz", "review", "leaderboard", "stats", "summary", "wotd", "wotd-setup", "article", "articles", "race", "help"], definitions.Keys);
        Assert.True(definitions["wotd-setup"].RequiresServerManager);
        var word = Assert.Single(definitions["define"].Options);
        Assert.True(word is { Name: "word", Required: true, Autocomplete: true, MaxLength: 100 });
        var count = definitions["quiz"].Options[0];
        Assert.True(count is { Name: "count", Type: CommandOptionType.Integer, MinValue: 1, MaxValue: 20 });
        Assert.Equal(["all", "week"], definitions["leaderboard"].Options[0].Choices!);
    }

    [Fact]
    public async Task Help_ListsEveryCommand()
    {
        await using var bot = await TestBot.StartAsync();

        var reply = await bot.SendAsync("u1", "help");

        Assert.Equal(16, reply.Text.Split('\n').Length);
        Assert.Contains("/article add file: ", reply.Text);
        Assert.Contains("/quiz [count] [kind] [article]: ", reply.Text);
        Assert.Contains("/define word: ", reply.Text);
        Assert.Contains("/summary [article]: ", reply.Text);
        Assert.Contains("/race start [rounds] [article] [seconds]: ", reply.Text);
        Assert.Contains("/race stop: ", reply.Text);
    }

    [Fact]
    public async Task UnknownCommand_RepliesOneLine()
    {
        await using var bot = await TestBot.StartAsync();

        var reply = await bot.SendAsync("u1", "dance");

        Assert.True(reply.Ephemeral);
        Assert.Equal("Unknown command /dance; /help lists the commands.", reply.Text);
    }

    [Fact]
    public async Task Options_UnknownTimeZone_FailsAtStart()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TestBot.StartAsync(settings: new Dictionary<string, string?> { ["Learning:DefaultTimeZone"] = "Mars/Olympus_Mons" }));

        Assert.Contains("'Mars/Olympus_Mons' is not a known IANA time zone", error.Message);
    }

    [Fact]
    public async Task Options_GuildTimeZone_IsUsedForThatGuild()
    {
        await using var bot = await TestBot.StartAsync(settings: new Dictionary<string, string?> { ["Learning:GuildTimeZones:guild"] = "Europe/London" });
        var quiz = await bot.SendAsync("u1", "quiz", ("count", "1"));
        await bot.ClickAsync("u1", bot.RightButton(quiz));

        var reply = await bot.SendAsync("u1", "review");

        Assert.Equal("Nothing is due for review; the next word is due 2026-01-09 01:00 (Europe/London), in 4 days.", reply.Text);
    }
}
