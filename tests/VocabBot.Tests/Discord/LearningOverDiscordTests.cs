using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VocabBot.Learning.Quiz;
using VocabBot.WordOfTheDay;

using VocabBot.Chat;

namespace VocabBot.Tests.Discord;

/// <summary>The real learning features and word of the day, end to end through the fake Discord.</summary>
public sealed class LearningOverDiscordTests : IAsyncLifetime
{
    private const string Owner = "600000000000000001";
    private const string Stranger = "600000000000000002";
    private BotHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync(learning: null);
        await _bot.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        _bot.Discord.AssertBodiesValid();
        _bot.Logs.AssertNeverContains(_bot.Token);
        await _bot.DisposeAsync();
    }

    private async Task<JsonElement> SendAsync(JsonObject interaction)
    {
        var callback = await _bot.InteractAsync(interaction);
        return callback.Json;
    }

    private static List<string> ButtonIds(JsonElement callback) =>
        [.. callback.GetProperty("data").GetProperty("components").EnumerateArray()
            .SelectMany(row => row.GetProperty("components").EnumerateArray())
            .Select(button => button.GetProperty("custom_id").GetString()!)];

    private int RightOption(string buttonId)
    {
        var parts = buttonId.Split(':');
        var session = _bot.Host.Services.GetRequiredService<QuizSessions>().Find(parts[1])!;
        return session.Questions[int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture)].Answer;
    }

    private static string Text(JsonElement callback) => callback.GetProperty("data").GetRawText();

    [Fact]
    public async Task Define_InflectedForm_AnswersWithTheHeadwordCard()
    {
        var callback = await SendAsync(Interactions.Command(Interactions.NewId(), "define", new JsonObject { ["word"] = "loosened" }));

        Assert.Equal(4, callback.GetProperty("type").GetInt32());
        var embed = callback.GetProperty("data").GetProperty("embeds")[0];
        Assert.Equal("loosen", embed.GetProperty("title").GetString());
        Assert.Contains("relationship loosened", Text(callback));
        Assert.Equal(0, callback.GetProperty("data").GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }

    [Fact]
    public async Task Autocomplete_OffersHeadwordsForAPrefix()
    {
        var callback = await SendAsync(Interactions.Autocomplete(Interactions.NewId(), "define", "word", "sc"));

        Assert.Equal(8, callback.GetProperty("type").GetInt32());
        var names = callback.GetProperty("data").GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Equal(["scaling", "scrutiny"], names);
    }

    [Fact]
    public async Task WholeQuizByClicks_UpdatesTheMessage_AndAStrangerGetsAPrivateHint()
    {
        var quiz = await SendAsync(Interactions.Command(Interactions.NewId(), "quiz", new JsonObject { ["count"] = 2 }));
        var options = ButtonIds(quiz);
        Assert.Equal(4, options.Count);

        var stranger = await SendAsync(Interactions.Click(Interactions.NewId(), options[0], userId: Stranger));
        Assert.Equal((4, 64), (stranger.GetProperty("type").GetInt32(), stranger.GetProperty("data").GetProperty("flags").GetInt32()));
        Assert.Contains("start your own", Text(stranger));

        var answered = await SendAsync(Interactions.Click(Interactions.NewId(), options[RightOption(options[0])]));
        Assert.Equal(7, answered.GetProperty("type").GetInt32());
        var next = await SendAsync(Interactions.Click(Interactions.NewId(), ButtonIds(answered).Single()));
        var second = ButtonIds(next);
        var last = await SendAsync(Interactions.Click(Interactions.NewId(), second[(RightOption(second[0]) + 1) % 4]));
        Assert.Equal(7, last.GetProperty("type").GetInt32());
        Assert.Contains("1/2", Text(last));

        var again = await SendAsync(Interactions.Click(Interactions.NewId(), second[RightOption(second[0])]));
        Assert.Equal(64, again.GetProperty("data").GetProperty("flags").GetInt32());

        var board = await SendAsync(Interactions.Command(Interactions.NewId(), "leaderboard"));
        Assert.Contains("Ada in the guild", Text(board));
        Assert.Contains("10", Text(board));
    }

    [Fact]
    public async Task StatsInADirectMessage_AnswersTheUserWithoutAGuild()
    {
        var callback = await SendAsync(Interactions.Command(Interactions.NewId(), "stats", inGuild: false));

        Assert.Equal(4, callback.GetProperty("type").GetInt32());
        Assert.Contains("Points", Text(callback), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task WotdSetup_WithoutManageServer_IsRefusedPrivately()
    {
        var setup = new JsonObject { ["channel"] = Interactions.ChannelId, ["time"] = "08:00" };

        var refused = await SendAsync(Interactions.Command(Interactions.NewId(), "wotd-setup", setup));
        var accepted = await SendAsync(Interactions.Command(Interactions.NewId(), "wotd-setup", (JsonObject)setup.DeepClone(), manager: true));

        Assert.Equal(64, refused.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains("Manage Server", Text(refused));
        Assert.Contains("every day at 08:00", Text(accepted));
        Assert.Contains(await _bot.Host.Services.GetRequiredService<WotdSchedules>().AllAsync(CancellationToken.None), s => s.ChannelId == Interactions.ChannelId);
    }

    [Fact]
    public async Task WordOfTheDay_IsPostedToTheChannelOnce_ThroughDiscordRest()
    {
        var service = _bot.Host.Services.GetRequiredService<WordOfTheDayService>();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei");
        _bot.Discord.FailNext("/channels/", 500);

        var first = await service.PostIfDueAsync(Interactions.ChannelId, zone, _bot.Messenger, default);
        var second = await service.PostIfDueAsync(Interactions.ChannelId, zone, _bot.Messenger, default);

        Assert.Equal((PostOutcome.Posted, PostOutcome.AlreadyPosted), (first, second));
        var posts = _bot.Discord.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith($"/channels/{Interactions.ChannelId}/messages", StringComparison.Ordinal)).ToList();
        Assert.Equal([500, 200], posts.Select(p => p.Status));
        var body = posts[^1].Json;
        Assert.Equal("MessageCreateRequest", posts[^1].SchemaName);
        Assert.Equal(["Quiz me", "Define"], body.GetProperty("components")[0].GetProperty("components").EnumerateArray().Select(b => b.GetProperty("label").GetString()));
    }
}
