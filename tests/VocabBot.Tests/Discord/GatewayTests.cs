using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace VocabBot.Tests.Discord;

public sealed class GatewayTests
{
    [Fact]
    public async Task Connect_IdentifiesWithIntentsZero_AndHeartbeatsWithLastSequence()
    {
        await using var bot = await BotHarness.StartAsync(new StandInLearning());
        await bot.WaitUntilReadyAsync();
        await bot.InteractAsync(Define()); // dispatch number 2

        var gateway = bot.Discord.Gateway;
        await gateway.WaitForAsync(g => g.Received.Any(p => p == """{"op":1,"d":2}"""), "a heartbeat carrying sequence 2");
        bot.Discord.AssertBodiesValid();
        var identify = JsonNode.Parse(gateway.Received.First(p => p.Contains("\"op\":2", StringComparison.Ordinal)))!["d"]!;
        Assert.Equal(0, (int)identify["intents"]!);
        Assert.Equal(bot.Token, (string?)identify["token"]);
        Assert.Equal("/gateway?v=10&encoding=json", gateway.ConnectedPaths[0]);
        bot.Logs.AssertNeverContains(bot.Token);
    }

    public static TheoryData<string> ResumableFaults => new() { "drop", "op7", "op9-true", "close-4000", "missing-ack" };

    [Theory]
    [MemberData(nameof(ResumableFaults))]
    public async Task ResumableFault_ResumesOnResumeUrl_AndLosesNoInteraction(string fault)
    {
        await using var bot = await BotHarness.StartAsync(new StandInLearning());
        await bot.WaitUntilReadyAsync();
        var gateway = bot.Discord.Gateway;

        await InjectAsync(gateway, fault);
        var callback = await bot.InteractAsync(Define());
        await gateway.WaitForAsync(g => g.ResumedCount == 1, "RESUMED");

        Assert.Equal(4, callback.Json.GetProperty("type").GetInt32());
        Assert.Equal(1, gateway.Identifies);
        Assert.StartsWith("/resume-gateway?v=10&encoding=json", gateway.ConnectedPaths[1], StringComparison.Ordinal);
        var resume = JsonNode.Parse(gateway.Received.First(p => p.Contains("\"op\":6", StringComparison.Ordinal)))!["d"]!;
        Assert.Equal(("session-1", 1), ((string?)resume["session_id"], (int)resume["seq"]!));
        bot.Discord.AssertBodiesValid();
        bot.Logs.AssertNeverContains(bot.Token);
    }

    [Theory]
    [InlineData("op9-false")]
    [InlineData("close-4009")]
    public async Task UnresumableFault_IdentifiesAnew_AndKeepsAnswering(string fault)
    {
        await using var bot = await BotHarness.StartAsync(new StandInLearning());
        await bot.WaitUntilReadyAsync();
        var gateway = bot.Discord.Gateway;

        await InjectAsync(gateway, fault);
        await gateway.WaitForAsync(g => g.Readies == 2, "a second READY");
        var callback = await bot.InteractAsync(Define());

        Assert.Equal(4, callback.Json.GetProperty("type").GetInt32());
        Assert.Equal((2, 0), (gateway.Identifies, gateway.Resumes));
        Assert.All(gateway.ConnectedPaths, path => Assert.StartsWith("/gateway?", path, StringComparison.Ordinal));
        await bot.Logs.WaitForAsync("Registered 7 slash commands"); // once a process: the second READY registers nothing
        Assert.Single(bot.Discord.Requests, r => r.Method == "PUT");
        bot.Discord.AssertBodiesValid();
        bot.Logs.AssertNeverContains(bot.Token);
    }

    [Theory]
    [InlineData(4004)]
    [InlineData(4014)]
    public async Task FatalClose_StopsTheBot_WithoutRetrying(int code)
    {
        await using var bot = await BotHarness.StartAsync(new StandInLearning());
        await bot.WaitUntilReadyAsync();
        await bot.Logs.WaitForAsync("Registered 7 slash commands");
        var stopping = bot.Host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;

        await bot.Discord.Gateway.CloseAsync(code);
        await Task.Delay(Timeout.Infinite, stopping).ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Single(bot.Discord.Gateway.ConnectedPaths);
        Assert.Contains(bot.Logs.Lines, line => line.StartsWith("Critical", StringComparison.Ordinal) && line.Contains($"{code}", StringComparison.Ordinal));
        bot.Discord.AssertBodiesValid();
        bot.Logs.AssertNeverContains(bot.Token);
    }

    [Fact]
    public async Task Reconnect_ClosesWithACodeThatKeepsTheSession()
    {
        await using var bot = await BotHarness.StartAsync(new StandInLearning());
        await bot.WaitUntilReadyAsync();
        var gateway = bot.Discord.Gateway;

        await gateway.SendReconnectAsync();
        await gateway.WaitForAsync(g => g.ResumedCount == 1 && g.ClosedByBotWith.Count == 1, "RESUMED after the bot closed");

        // 1000 and 1001 would end the session and make the resume fail.
        Assert.Equal([4000], gateway.ClosedByBotWith);
    }

    private static JsonObject Define() =>
        Interactions.Command(Interactions.NewId(), "define", new JsonObject { ["word"] = "banana" });

    private static async Task InjectAsync(FakeGateway gateway, string fault)
    {
        switch (fault)
        {
            case "drop":
                gateway.Drop();
                break;
            case "op7":
                await gateway.SendReconnectAsync();
                break;
            case "op9-true":
                await gateway.SendInvalidSessionAsync(resumable: true);
                break;
            case "op9-false":
                await gateway.SendInvalidSessionAsync(resumable: false);
                break;
            case "close-4000":
                await gateway.CloseAsync(4000);
                break;
            case "close-4009":
                await gateway.CloseAsync(4009);
                break;
            case "missing-ack":
                gateway.AcknowledgeHeartbeats = false;
                await gateway.WaitForAsync(g => g.ConnectedPaths.Count == 2, "a reconnect after the missing ACK");
                gateway.AcknowledgeHeartbeats = true;
                break;
        }
    }
}
