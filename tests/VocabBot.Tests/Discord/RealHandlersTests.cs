using VocabBot.Chat;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VocabBot.Discord;
using VocabBot.Learning;

namespace VocabBot.Tests.Discord;

/// <summary>
/// The transport over the real ChatCommands from DI, as Program.cs builds it. These assert only what
/// holds for any handler behind ChatCommands, so they keep passing when the learning features land.
/// </summary>
public sealed class RealHandlersTests
{
    [Fact]
    public async Task RealChatCommands_RegisteredAndAnsweredThroughDiscord()
    {
        await using var bot = await BotHarness.StartAsync(learning: null);
        await bot.WaitUntilReadyAsync();
        var commands = bot.Host.Services.GetRequiredService<ChatRouter>();

        var put = await bot.Discord.WaitForRequestAsync(r => r.Method == "PUT", "the registration");
        var callback = await bot.InteractAsync(Interactions.Command(Interactions.NewId(), "define", new JsonObject { ["word"] = "model" }));

        Assert.Equal(CommandJson.Render(commands.Definitions).ToJsonString(), JsonNode.Parse(put.Body)!.ToJsonString());
        Assert.Contains(callback.Json.GetProperty("type").GetInt32(), new[] { 4, 5 });
        if (callback.Json.GetProperty("type").GetInt32() == 4)
            Assert.Equal(JsonValueKind.String, callback.Json.GetProperty("data").GetProperty("content").ValueKind);
        bot.Discord.AssertBodiesValid();
        bot.Logs.AssertNeverContains(bot.Token);
    }
}
