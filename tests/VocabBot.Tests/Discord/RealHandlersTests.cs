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
public sealed partial class RealHandlersTests
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

    [Fact]
    public async Task RealChatCommands_RegisterZhTwNamesAndDescriptions_WithinDiscordsRules()
    {
        await using var bot = await BotHarness.StartAsync(learning: null);
        await bot.WaitUntilReadyAsync();

        var put = await bot.Discord.WaitForRequestAsync(r => r.Method == "PUT", "the registration");
        var commands = JsonNode.Parse(put.Body)!.AsArray();

        var define = commands.Single(c => (string?)c!["name"] == "define")!;
        Assert.Equal("查詢", (string?)define["name_localizations"]!["zh-TW"]);
        Assert.Equal("查詢學習文章裡的單字", (string?)define["description_localizations"]!["zh-TW"]);
        Assert.Equal("單字", (string?)define["options"]![0]!["name_localizations"]!["zh-TW"]);
        // Every command and option a zh-TW user sees has a Chinese name Discord accepts (its rule, with .NET's block
        // names for Devanagari and Thai) and a description of 1 to 100 characters.
        var named = commands.Concat(commands.SelectMany(c => c!["options"]!.AsArray())).ToList();
        Assert.All(named, json =>
        {
            var name = (string?)json!["name_localizations"]?["zh-TW"];
            var description = (string?)json!["description_localizations"]?["zh-TW"];
            Assert.True(name is not null && DiscordName().IsMatch(name), $"{json["name"]}: '{name}'");
            Assert.True(description is { Length: >= 1 and <= 100 }, $"{json["name"]}: '{description}'");
        });
        bot.Discord.AssertBodiesValid();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[-_\p{L}\p{N}\p{IsDevanagari}\p{IsThai}]{1,32}$")]
    private static partial System.Text.RegularExpressions.Regex DiscordName();
}
