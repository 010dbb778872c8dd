using System.Text.Json;
using System.Text.Json.Nodes;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using VocabBot.Storage;
using VocabBot.Tests.Discord;
using Xunit.Abstractions;

using VocabBot.Chat;

namespace VocabBot.Tests.Reliability;

/// <summary>
/// Interactions no well-behaved client sends, through the fake Discord to the real handlers: each gets
/// exactly one answer, a private one that leaves the clicked message alone, every body valid for Discord,
/// the gateway connection stays up and the database is byte-for-byte what it was.
/// </summary>
public sealed class HostileInteractionTests(ITestOutputHelper output)
{
    private const string Owner = "600000000000000001";
    private const string Intruder = "600000000000000002";
    private static readonly string Long = new('x', 6000);

    [Fact]
    public async Task HostileCommands_AreAnsweredPrivately_AndChangeNothing()
    {
        await using var bot = await StartAsync();
        var before = Snapshot(bot);

        foreach (var (name, interaction) in Commands())
            await AssertPrivateAnswerAsync(bot, name, interaction, Private);

        Assert.Equal(before, Snapshot(bot));
        AssertStillHealthy(bot);
        output.WriteLine($"{Commands().Count()} hostile commands answered privately, 0 state changes");
    }

    [Fact]
    public async Task InteractionWithoutAUser_IsAnsweredInTheUsersLanguage()
    {
        await using var bot = await StartAsync();
        var interaction = Interactions.Command(Interactions.NewId(), "define", new JsonObject { ["word"] = "loosen" });
        interaction.Remove("member");
        interaction.Remove("user");
        interaction["locale"] = "zh-TW";

        var callback = await bot.InteractAsync(interaction);

        Assert.StartsWith("抱歉，我看不懂這個請求", callback.Json.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        bot.Discord.AssertBodiesValid();
    }

    [Fact]
    public async Task ForgedCustomIds_AreAnsweredPrivately_AndChangeNothing()
    {
        await using var bot = await StartAsync();
        var quiz = await bot.InteractAsync(Interactions.Command(Interactions.NewId(), "quiz", new JsonObject { ["count"] = 3 }, userId: Owner));
        var session = ButtonIds(quiz)[0].Split(':')[1];
        var before = Snapshot(bot);
        string[] forged =
        [
            "quiz:zzzz:0:0", "quiz:", "quiz", "quiz:::", "quiz:a:b:c:d:e", "quiz:" + new string('9', 195), "quiz:" + Long, "", " ",
            $"quiz:{session}:99:0", $"quiz:{session}:-1:0", $"quiz:{session}:0:7", $"quiz:{session}:0:-1", $"quiz:{session}:0:x",
            $"quiz:{session}:0:next", $"quiz:{session}:1:0", $"quiz:{session}:2147483648:0",
            "wotd-quiz:", "wotd-quiz:no-such-word", "wotd-quiz:" + Long, "wotd-define:" + Long, "not-ours:1", new string('q', 200),
        ];

        foreach (var id in forged)
            await AssertPrivateAnswerAsync(bot, $"click '{Clip(id)}'", Interactions.Click(Interactions.NewId(), id, userId: Owner), Private);

        Assert.Equal(before, Snapshot(bot));
        var answer = await bot.InteractAsync(Interactions.Click(Interactions.NewId(), ButtonIds(quiz)[0], userId: Owner));
        Assert.Equal(7, answer.Json.GetProperty("type").GetInt32()); // the quiz itself still works
        AssertStillHealthy(bot);
        output.WriteLine($"{forged.Length} forged custom_ids answered privately, 0 state changes; the owner's quiz still answers");
    }

    [Fact]
    public async Task AnotherUsersQuiz_CannotBeAnswered_AndItsMessageIsLeftAlone()
    {
        await using var bot = await StartAsync();
        var quiz = await bot.InteractAsync(Interactions.Command(Interactions.NewId(), "quiz", new JsonObject { ["count"] = 2 }, userId: Owner));
        var before = Snapshot(bot);

        foreach (var id in ButtonIds(quiz))
        {
            var reply = await AssertPrivateAnswerAsync(bot, $"intruder clicks {id}", Interactions.Click(Interactions.NewId(), id, userId: Intruder), Private);
            Assert.Contains("start your own with /quiz", reply, StringComparison.Ordinal);
        }

        Assert.Equal(before, Snapshot(bot));
        var answer = await bot.InteractAsync(Interactions.Click(Interactions.NewId(), ButtonIds(quiz)[1], userId: Owner));
        Assert.Equal(7, answer.Json.GetProperty("type").GetInt32());
        var next = ButtonIds(answer).Single();
        await AssertPrivateAnswerAsync(bot, "intruder clicks Next", Interactions.Click(Interactions.NewId(), next, userId: Intruder), Private);
        AssertStillHealthy(bot);
    }

    [Fact]
    public async Task WotdSetup_ByANonManager_IsRefused_AndStoresNothing()
    {
        await using var bot = await StartAsync();
        var before = Snapshot(bot);
        var valid = new JsonObject { ["channel"] = "200000000000000009", ["time"] = "08:00", ["timezone"] = "Asia/Taipei" };

        var reply = await AssertPrivateAnswerAsync(bot, "wotd-setup by a member", Interactions.Command(Interactions.NewId(), "wotd-setup", valid, userId: Intruder), Private);
        await AssertPrivateAnswerAsync(bot, "wotd-setup off by a member",
            Interactions.Command(Interactions.NewId(), "wotd-setup", new JsonObject { ["channel"] = "200000000000000009", ["time"] = "off" }, userId: Intruder), Private);
        await AssertPrivateAnswerAsync(bot, "wotd-setup in a DM", Interactions.Command(Interactions.NewId(), "wotd-setup", valid, inGuild: false, manager: true), Private);

        Assert.Contains("Manage Server", reply, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(bot));
        Assert.Equal(0, Database(bot).Collection<BsonDocument>("wotd_setups").Count());
        AssertStillHealthy(bot);
    }

    private static IEnumerable<(string Name, JsonObject Interaction)> Commands()
    {
        JsonObject Command(string name, JsonObject? options = null, bool manager = false) =>
            Interactions.Command(Interactions.NewId(), name, options, userId: Intruder, manager: manager);

        yield return ("unknown command", Command("frobnicate"));
        yield return ("empty command name", Command(""));
        yield return ("6,000-character command name", Command(Long));
        yield return ("control characters in the name", Command("quiz\u0000\u202e"));
        yield return ("define without its word", Command("define"));
        yield return ("define with an empty word", Command("define", new JsonObject { ["word"] = "" }));
        yield return ("define with a 6,000-character word", Command("define", new JsonObject { ["word"] = Long }));
        yield return ("define with a number for its word", Command("define", new JsonObject { ["word"] = 42 }));
        yield return ("define with extra options", Command("define", new JsonObject { ["word"] = Long, ["count"] = 3, ["article"] = "x" }));
        yield return ("quiz count as text", Command("quiz", new JsonObject { ["count"] = "abc" }));
        yield return ("quiz count as a fraction", Command("quiz", new JsonObject { ["count"] = 3.5 }));
        yield return ("quiz count too big for an int", Command("quiz", new JsonObject { ["count"] = 1e30 }));
        yield return ("quiz count 0", Command("quiz", new JsonObject { ["count"] = 0 }));
        yield return ("quiz count -1", Command("quiz", new JsonObject { ["count"] = -1 }));
        yield return ("quiz count 21", Command("quiz", new JsonObject { ["count"] = 21 }));
        yield return ("quiz count 6,000 characters", Command("quiz", new JsonObject { ["count"] = Long }));
        yield return ("quiz with a 6,000-character article", Command("quiz", new JsonObject { ["article"] = Long }));
        yield return ("quiz with an article that is a boolean", Command("quiz", new JsonObject { ["article"] = true }));
        yield return ("review count as text", Command("review", new JsonObject { ["count"] = "many" }));
        yield return ("review with nothing due", Command("review", new JsonObject { ["extra"] = 1 }));
        yield return ("leaderboard period unknown", Command("leaderboard", new JsonObject { ["period"] = "year" }));
        yield return ("leaderboard period a number", Command("leaderboard", new JsonObject { ["period"] = 7 }));
        yield return ("leaderboard period 6,000 characters", Command("leaderboard", new JsonObject { ["period"] = Long }));
        yield return ("stats with extra options", Command("stats", new JsonObject { ["user"] = Owner, ["count"] = 5 }));
        yield return ("stats by a member with a 6,000-character nick", WithNick(Command("stats"), Long));
        yield return ("help with extra options", Command("help", new JsonObject { ["topic"] = Long }));
        yield return ("wotd-setup without options", Command("wotd-setup", manager: true));
        yield return ("wotd-setup without a channel", Command("wotd-setup", new JsonObject { ["time"] = "08:00" }, manager: true));
        yield return ("wotd-setup with a forged channel", Command("wotd-setup", new JsonObject { ["channel"] = "general", ["time"] = "08:00" }, manager: true));
        yield return ("wotd-setup with a channel id as a number", Command("wotd-setup", new JsonObject { ["channel"] = 1e25, ["time"] = "08:00" }, manager: true));
        yield return ("wotd-setup with a time as a number", Command("wotd-setup", new JsonObject { ["channel"] = "200000000000000009", ["time"] = 800 }, manager: true));
        yield return ("wotd-setup with a 6,000-character time", Command("wotd-setup", new JsonObject { ["channel"] = "200000000000000009", ["time"] = Long }, manager: true));
        yield return ("wotd-setup with 25:99", Command("wotd-setup", new JsonObject { ["channel"] = "200000000000000009", ["time"] = "25:99" }, manager: true));
        yield return ("wotd-setup with an unknown zone", Command("wotd-setup", new JsonObject { ["channel"] = "200000000000000009", ["time"] = "08:00", ["timezone"] = "Mars/Olympus" }, manager: true));
        yield return ("wotd-setup with a 6,000-character zone", Command("wotd-setup", new JsonObject { ["channel"] = "200000000000000009", ["time"] = "08:00", ["timezone"] = Long }, manager: true));
        yield return ("wotd-setup with a path for a zone", Command("wotd-setup", new JsonObject { ["channel"] = "200000000000000009", ["time"] = "08:00", ["timezone"] = "../../etc/passwd" }, manager: true));
    }

    private static JsonObject WithNick(JsonObject interaction, string nick)
    {
        interaction["member"]!["nick"] = nick;
        return interaction;
    }

    private static async Task<string> AssertPrivateAnswerAsync(BotHarness bot, string what, JsonObject interaction, Func<JsonElement, bool> expected)
    {
        var id = (string)interaction["id"]!;
        var callback = await bot.InteractAsync(interaction);
        var json = callback.Json;
        Assert.True(expected(json), $"{what}: {callback.Body}");
        Assert.Single(bot.Discord.Requests, r => r.Path.Contains($"/interactions/{id}/", StringComparison.Ordinal));
        var content = json.GetProperty("data").GetProperty("content").GetString() ?? "";
        Assert.False(content.StartsWith("Sorry", StringComparison.Ordinal), $"{what}: the handler failed: {content}");
        return content;
    }

    // A new message only the sender sees (type 4, ephemeral), never an update of the message clicked on.
    private static bool Private(JsonElement callback) =>
        callback.GetProperty("type").GetInt32() == 4
        && callback.GetProperty("data").TryGetProperty("flags", out var flags) && flags.GetInt32() == 64;

    private static void AssertStillHealthy(BotHarness bot)
    {
        // One session throughout; a resume after a heartbeat ACK late on a busy machine is allowed, a failed connection is not.
        Assert.Equal(1, bot.Discord.Gateway.Identifies);
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains("The gateway connection failed", StringComparison.Ordinal));
        Assert.All(bot.Discord.Requests, r => Assert.True(r.Status < 400, $"{r.Status} {r.Method} {r.Path}"));
        bot.Discord.AssertBodiesValid();
        Assert.DoesNotContain(bot.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));
    }

    private static async Task<BotHarness> StartAsync()
    {
        var bot = await BotHarness.StartAsync(learning: null);
        await bot.WaitUntilReadyAsync();
        await bot.Logs.WaitForAsync("Registered 12 slash commands"); // stored in the database before the snapshots
        return bot;
    }

    private static VocabDatabase Database(BotHarness bot) => bot.Host.Services.GetRequiredService<VocabDatabase>();

    /// <summary>Every stored document of every collection, as text: equal snapshots mean nothing changed.</summary>
    private static string Snapshot(BotHarness bot)
    {
        var db = Database(bot).Database;
        return string.Join('\n', db.GetCollectionNames().Order(StringComparer.Ordinal)
            .Select(name => name + ": " + string.Join(',', db.GetCollection(name).FindAll().Select(d => LiteDB.JsonSerializer.Serialize(d)))));
    }

    private static List<string> ButtonIds(RecordedRequest reply) =>
        [.. reply.Json.GetProperty("data").GetProperty("components").EnumerateArray()
            .SelectMany(row => row.GetProperty("components").EnumerateArray())
            .Select(button => button.GetProperty("custom_id").GetString()!)];

    private static string Clip(string id) => id.Length <= 40 ? id : id[..40] + $"… ({id.Length} chars)";
}
