using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NSec.Cryptography;

namespace VocabBot.Tests.Discord;

/// <summary>Discord:Interactions=Http: Discord POSTs signed interactions to /interactions and reads the answer from the response.</summary>
public sealed class HttpInteractionsTests
{
    private static JsonObject Define(string word = "apple") => Interactions.Command(Interactions.NewId(), "define", new JsonObject { ["word"] = word });

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task MissingSignatureHeaders_Are401_AndNothingIsHandled(bool withSignature, bool withTimestamp)
    {
        var learning = new StandInLearning();
        await using var discord = await HttpDiscord.StartAsync(learning);
        var body = Encoding.UTF8.GetBytes(Define().ToJsonString());
        var timestamp = HttpDiscord.Timestamp(DateTimeOffset.UtcNow);
        using var stranger = Key.Create(SignatureAlgorithm.Ed25519);

        var (status, _, _) = await discord.SendAsync(body, withSignature ? HttpDiscord.Sign(stranger, timestamp, body) : null, withTimestamp ? timestamp : null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Empty(learning.Requests);
    }

    [Fact]
    public async Task SignatureByAnotherKey_Is401()
    {
        var learning = new StandInLearning();
        await using var discord = await HttpDiscord.StartAsync(learning);
        using var stranger = Key.Create(SignatureAlgorithm.Ed25519);

        var (status, body, _) = await discord.PostAsync(Define(), signer: stranger);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid request signature", body);
        Assert.Empty(learning.Requests);
        await discord.Bot.Logs.WaitForAsync("a signature that does not match");
    }

    [Fact]
    public async Task BodyAlteredAfterSigning_Is401()
    {
        var learning = new StandInLearning();
        await using var discord = await HttpDiscord.StartAsync(learning);
        var signed = Encoding.UTF8.GetBytes(Define("apple").ToJsonString());
        var timestamp = HttpDiscord.Timestamp(DateTimeOffset.UtcNow);
        var signature = HttpDiscord.Sign(discord.Key, timestamp, signed);
        var altered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(signed).Replace("apple", "apply", StringComparison.Ordinal));

        var (status, _, _) = await discord.SendAsync(altered, signature, timestamp);
        var (unaltered, _, _) = await discord.SendAsync(signed, signature, timestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(HttpStatusCode.OK, unaltered);
        Assert.Single(learning.Requests);
    }

    [Theory]
    [InlineData(-360, HttpStatusCode.Unauthorized)]
    [InlineData(360, HttpStatusCode.Unauthorized)]
    [InlineData(-240, HttpStatusCode.OK)]
    public async Task SignedTimestamp_MoreThanFiveMinutesOff_Is401(int offsetSeconds, HttpStatusCode expected)
    {
        var learning = new StandInLearning();
        await using var discord = await HttpDiscord.StartAsync(learning);

        var (status, _, _) = await discord.PostAsync(Define(), signedAt: DateTimeOffset.UtcNow.AddSeconds(offsetSeconds));

        Assert.Equal(expected, status);
        Assert.Equal(expected == HttpStatusCode.OK ? 1 : 0, learning.Requests.Count);
    }

    [Fact]
    public async Task Ping_GetsPong()
    {
        await using var discord = await HttpDiscord.StartAsync(new StandInLearning());

        var pong = await discord.InteractAsync(new JsonObject { ["id"] = Interactions.NewId(), ["application_id"] = FakeDiscord.ApplicationId, ["type"] = 1, ["token"] = "t", ["version"] = 1 });

        Assert.Equal("""{"type":1}""", pong.GetRawText());
    }

    [Fact]
    public async Task Define_IsAnsweredInTheResponse_WithTypeFour()
    {
        var learning = new StandInLearning();
        await using var discord = await HttpDiscord.StartAsync(learning);

        var answer = await discord.InteractAsync(Define());

        Assert.Equal(4, answer.GetProperty("type").GetInt32());
        Assert.Equal("apple, for Ada in the guild", answer.GetProperty("data").GetProperty("content").GetString());
        Assert.Equal("apple", answer.GetProperty("data").GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.DoesNotContain(discord.Bot.Discord.Requests, r => r.Path.StartsWith("/interactions/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SlowCommand_IsDeferredInTheResponse_ThenEditedThroughTheWebhook()
    {
        var learning = new StandInLearning { Gate = new(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var discord = await HttpDiscord.StartAsync(learning);
        var id = Interactions.NewId();

        var answer = await discord.InteractAsync(Interactions.Command(id, "review"));
        Assert.Equal(5, answer.GetProperty("type").GetInt32());
        learning.Gate.SetResult();
        var edit = await discord.Bot.Discord.EditAsync(Interactions.TokenOf(id));

        Assert.Equal($"/webhooks/{FakeDiscord.ApplicationId}/{Interactions.TokenOf(id)}/messages/@original", edit.Path);
        Assert.Equal("Nothing to review.", edit.Json.GetProperty("content").GetString());
        discord.Bot.Discord.AssertBodiesValid();
    }

    [Fact]
    public async Task QuizButtons_UpdateTheMessage_AndSomeoneElsesClickGetsAPrivateReply()
    {
        await using var discord = await HttpDiscord.StartAsync(new StandInLearning());
        const string user = "600000000000000009";
        var quiz = await discord.InteractAsync(Interactions.Command(Interactions.NewId(), "quiz", userId: user));

        var next = await discord.InteractAsync(Interactions.Click(Interactions.NewId(), ButtonId(quiz, "apple"), userId: user));
        var intruder = await discord.InteractAsync(Interactions.Click(Interactions.NewId(), ButtonId(next, "banana"), userId: "600000000000000010"));

        Assert.Equal(7, next.GetProperty("type").GetInt32());
        Assert.StartsWith("Question 2", next.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, intruder.GetProperty("type").GetInt32());
        Assert.Equal(64, intruder.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal("That quiz is not yours.", intruder.GetProperty("data").GetProperty("content").GetString());
    }

    [Fact]
    public async Task Autocomplete_IsAnsweredWithTypeEight()
    {
        await using var discord = await HttpDiscord.StartAsync(new StandInLearning());

        var answer = await discord.InteractAsync(Interactions.Autocomplete(Interactions.NewId(), "define", "word", "ap"));

        Assert.Equal(8, answer.GetProperty("type").GetInt32());
        Assert.Equal(["apple", "apricot"], answer.GetProperty("data").GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()));
    }

    [Fact]
    public async Task ReplyWithAPicture_IsDeferredPrivately_ThenEditedInWithTheFile()
    {
        var picture = new VocabBot.Chat.ChatImage("stats.png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 }, "answers per day");
        await using var discord = await HttpDiscord.StartAsync(new StandInLearning { Picture = picture });
        var id = Interactions.NewId();

        var answer = await discord.InteractAsync(Interactions.Command(id, "stats"));
        var edit = await discord.Bot.Discord.EditAsync(Interactions.TokenOf(id));

        Assert.Equal(5, answer.GetProperty("type").GetInt32());
        Assert.Equal(64, answer.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal("attachment://stats.png", edit.Json.GetProperty("embeds")[0].GetProperty("image").GetProperty("url").GetString());
        var upload = Assert.Single(discord.Bot.Discord.Uploads);
        Assert.Equal(picture.Content.ToArray(), upload.Content);
        discord.Bot.Discord.AssertBodiesValid();
    }

    [Fact]
    public async Task HttpMode_OpensNoGatewayConnection_AndRegistersCommandsForTheApplication()
    {
        await using var discord = await HttpDiscord.StartAsync(new StandInLearning());

        await discord.WaitUntilRegisteredAsync();
        await discord.InteractAsync(Define());

        var requests = discord.Bot.Discord.Requests;
        Assert.DoesNotContain(requests, r => r.Path == "/gateway/bot");
        Assert.Empty(discord.Bot.Discord.Gateway.ConnectedPaths);
        Assert.Contains(requests, r => r.Method == "GET" && r.Path == "/applications/@me");
        Assert.Contains(requests, r => r.Method == "PUT" && r.Path == $"/applications/{FakeDiscord.ApplicationId}/commands");
        discord.Bot.Discord.AssertBodiesValid();
    }

    [Fact]
    public async Task BodyLargerThan64KiB_Is413_BeforeTheSignatureIsChecked()
    {
        await using var discord = await HttpDiscord.StartAsync(new StandInLearning());

        var (status, _, _) = await discord.SendAsync(new byte[65 * 1024], "00", "0");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    private static string ButtonId(JsonElement reply, string label) =>
        reply.GetProperty("data").GetProperty("components").EnumerateArray()
            .SelectMany(row => row.GetProperty("components").EnumerateArray())
            .First(button => button.GetProperty("label").GetString() == label)
            .GetProperty("custom_id").GetString()!;
}
