using System.Text.Json;
using System.Text.Json.Nodes;

using VocabBot.Chat;

namespace VocabBot.Tests.Discord;

public sealed class InteractionTests
{
    [Fact]
    public async Task Define_InGuild_AnswersWithCardFromMemberUser()
    {
        var learning = new StandInLearning();
        await using var bot = await BotHarness.StartAsync(learning);
        await bot.WaitUntilReadyAsync();

        var id = Interactions.NewId();
        var callback = await bot.InteractAsync(Interactions.Command(id, "define", new JsonObject { ["word"] = "apple" }, manager: true));

        var body = callback.Json;
        Assert.Equal(4, body.GetProperty("type").GetInt32());
        var data = body.GetProperty("data");
        Assert.Equal("apple, for Ada in the guild", data.GetProperty("content").GetString());
        Assert.Equal("apple", data.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Equal(0, data.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        var request = Assert.Single(learning.Requests);
        Assert.Equal(("600000000000000001", Interactions.GuildId, Interactions.ChannelId, true, "apple"),
            (request.UserId, request.GuildId, request.ChannelId, request.IsServerManager, request.Option("word")));
        Assert.Equal($"Bot {bot.Token}", callback.Authorization);
        Assert.StartsWith("DiscordBot (", callback.UserAgent, StringComparison.Ordinal);
        bot.Discord.AssertBodiesValid();
        bot.Logs.AssertNeverContains(bot.Token);
    }

    [Fact]
    public async Task Define_InDirectMessage_ReadsUserAndNoGuild()
    {
        var learning = new StandInLearning();
        await using var bot = await BotHarness.StartAsync(learning);
        await bot.WaitUntilReadyAsync();

        var callback = await bot.InteractAsync(Interactions.Command(Interactions.NewId(), "define", new JsonObject { ["word"] = "nope" }, inGuild: false));

        var data = callback.Json.GetProperty("data");
        Assert.Equal("No entry for 'nope'.", data.GetProperty("content").GetString());
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
        var request = Assert.Single(learning.Requests);
        Assert.Equal(("600000000000000001", "Ada", null, false), (request.UserId, request.DisplayName, request.GuildId, request.IsServerManager));
        bot.Discord.AssertBodiesValid();
    }

    [Fact]
    public async Task Autocomplete_OnDefineWord_AnswersChoices()
    {
        await using var bot = await BotHarness.StartAsync(new StandInLearning());
        await bot.WaitUntilReadyAsync();

        var callback = await bot.InteractAsync(Interactions.Autocomplete(Interactions.NewId(), "define", "word", "ap"));

        Assert.Equal(8, callback.Json.GetProperty("type").GetInt32());
        var choices = callback.Json.GetProperty("data").GetProperty("choices").EnumerateArray()
            .Select(c => (c.GetProperty("name").GetString(), c.GetProperty("value").GetString())).ToList();
        Assert.Equal([("apple", "apple"), ("apricot", "apricot")], choices);
        bot.Discord.AssertBodiesValid();
    }

    [Fact]
    public async Task Quiz_ByButtonClicks_UpdatesMessageAndScoresOnLeaderboard()
    {
        await using var bot = await BotHarness.StartAsync(new StandInLearning());
        await bot.WaitUntilReadyAsync();
        const string user = "600000000000000009";

        var first = await bot.InteractAsync(Interactions.Command(Interactions.NewId(), "quiz", userId: user));
        Assert.Equal(4, first.Json.GetProperty("type").GetInt32());
        var second = await bot.InteractAsync(Interactions.Click(Interactions.NewId(), ButtonId(first, "apple"), userId: user));
        Assert.Equal(7, second.Json.GetProperty("type").GetInt32());
        Assert.StartsWith("Question 2", second.Json.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        var done = await bot.InteractAsync(Interactions.Click(Interactions.NewId(), ButtonId(second, "banana"), userId: user));
        Assert.Equal(7, done.Json.GetProperty("type").GetInt32());
        Assert.Equal("Quiz done: 2 of 2.", done.Json.GetProperty("data").GetProperty("content").GetString());
        Assert.Equal(0, done.Json.GetProperty("data").GetProperty("components").GetArrayLength());

        var board = await bot.InteractAsync(Interactions.Command(Interactions.NewId(), "leaderboard", new JsonObject { ["period"] = "week" }));
        var card = board.Json.GetProperty("data").GetProperty("embeds")[0];
        Assert.Equal($"{user}: 2", card.GetProperty("fields")[0].GetProperty("value").GetString());
        var dm = await bot.InteractAsync(Interactions.Command(Interactions.NewId(), "leaderboard", inGuild: false));
        Assert.Equal("The leaderboard lives in servers.", dm.Json.GetProperty("data").GetProperty("content").GetString());
        bot.Discord.AssertBodiesValid();
    }

    [Fact]
    public async Task Click_WithAPrivateReply_SendsANewEphemeralMessage_AndLeavesTheClickedOneAlone()
    {
        await using var bot = await BotHarness.StartAsync(new StandInLearning());
        await bot.WaitUntilReadyAsync();
        var quiz = await bot.InteractAsync(Interactions.Command(Interactions.NewId(), "quiz", userId: "600000000000000009"));

        var intruder = await bot.InteractAsync(Interactions.Click(Interactions.NewId(), ButtonId(quiz, "apple"), userId: "600000000000000010"));

        Assert.Equal(4, intruder.Json.GetProperty("type").GetInt32());
        Assert.Equal(64, intruder.Json.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal("That quiz is not yours.", intruder.Json.GetProperty("data").GetProperty("content").GetString());
        bot.Discord.AssertBodiesValid();
    }

    [Fact]
    public async Task SlowHandler_IsDeferredThenEdited()
    {
        var learning = new StandInLearning { Gate = new(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var bot = await BotHarness.StartAsync(learning);
        await bot.WaitUntilReadyAsync();
        var id = Interactions.NewId();

        var callback = await bot.InteractAsync(Interactions.Command(id, "review"));
        Assert.Equal(5, callback.Json.GetProperty("type").GetInt32());
        learning.Gate.SetResult();
        var edit = await bot.Discord.EditAsync(Interactions.TokenOf(id));

        Assert.Equal($"/webhooks/{FakeDiscord.ApplicationId}/{Interactions.TokenOf(id)}/messages/@original", edit.Path);
        Assert.Equal("Nothing to review.", edit.Json.GetProperty("content").GetString());
        Assert.Equal(0, edit.Json.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        bot.Discord.AssertBodiesValid();
    }

    [Theory]
    [InlineData(false, "points")]
    [InlineData(true, "Sorry")]
    public async Task SlowPrivateReply_IsDeferredThenSentAsEphemeralFollowup(bool fails, string expected)
    {
        var learning = new StandInLearning { Gate = new(TaskCreationOptions.RunContinuationsAsynchronously), StatsThrows = fails };
        await using var bot = await BotHarness.StartAsync(learning);
        await bot.WaitUntilReadyAsync();
        var id = Interactions.NewId();
        var token = Interactions.TokenOf(id);

        var callback = await bot.InteractAsync(Interactions.Command(id, "stats"));
        Assert.Equal(5, callback.Json.GetProperty("type").GetInt32());
        learning.Gate.SetResult();
        var followup = await bot.Discord.WaitForRequestAsync(r => r.Method == "POST" && r.Path.EndsWith(token, StringComparison.Ordinal), "the followup");

        Assert.Contains(bot.Discord.Requests, r => r.Method == "DELETE" && r.Path.EndsWith($"{token}/messages/@original", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Discord.Requests, r => r.Method == "PATCH");
        Assert.Equal(64, followup.Json.GetProperty("flags").GetInt32());
        Assert.Contains(expected, followup.Json.GetProperty("content").GetString(), StringComparison.Ordinal);
        bot.Discord.AssertBodiesValid();
    }

    [Fact]
    public async Task HandlerException_BecomesEphemeralApology_AndConnectionLivesOn()
    {
        var learning = new StandInLearning { StatsThrows = true };
        await using var bot = await BotHarness.StartAsync(learning);
        await bot.WaitUntilReadyAsync();
        var id = Interactions.NewId();

        var apology = await bot.InteractAsync(Interactions.Command(id, "stats"));
        var after = await bot.InteractAsync(Interactions.Command(Interactions.NewId(), "define", new JsonObject { ["word"] = "cherry" }));

        Assert.Equal(64, apology.Json.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.StartsWith("Sorry", apology.Json.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Contains(bot.Logs.Lines, line => line.Contains(id, StringComparison.Ordinal) && line.Contains("stats store is down", StringComparison.Ordinal));
        Assert.Equal(4, after.Json.GetProperty("type").GetInt32());
        Assert.Equal(1, bot.Discord.Gateway.Identifies);
        bot.Discord.AssertBodiesValid();
    }

    private static string ButtonId(RecordedRequest reply, string label) =>
        reply.Json.GetProperty("data").GetProperty("components").EnumerateArray()
            .SelectMany(row => row.GetProperty("components").EnumerateArray())
            .First(button => button.GetProperty("label").GetString() == label)
            .GetProperty("custom_id").GetString()!;
}
