using VocabBot.Chat;

namespace VocabBot.Tests.Discord;

public sealed class RegistrationTests
{
    [Fact]
    public async Task Registration_EveryStart_OverwritesTheCommandList()
    {
        await using var discord = await FakeDiscord.StartAsync();
        var folder = Directory.CreateTempSubdirectory("vocabbot-registration-");
        try
        {
            for (var start = 0; start < 2; start++)
            {
                await using var bot = await BotHarness.StartAsync(new StandInLearning(), discord, folder.FullName);
                await bot.Logs.WaitForAsync("Registered 7 slash commands");
            }

            var puts = discord.Requests.Where(r => r.Method == "PUT").ToList();
            Assert.Equal(2, puts.Count);
            Assert.All(puts, put => Assert.Equal($"/applications/{FakeDiscord.ApplicationId}/commands", put.Path));
            discord.AssertBodiesValid();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Registration_GuildIdRemoved_ClearsTheGuildsCopy()
    {
        await using var discord = await FakeDiscord.StartAsync();
        var folder = Directory.CreateTempSubdirectory("vocabbot-registration-");
        var guildRoute = $"/applications/{FakeDiscord.ApplicationId}/guilds/{Interactions.GuildId}/commands";
        try
        {
            await using (var first = await BotHarness.StartAsync(new StandInLearning(), discord, folder.FullName,
                new Dictionary<string, string?> { ["Discord:GuildId"] = Interactions.GuildId }))
                await first.Logs.WaitForAsync("Registered 7 slash commands to the configured guild");
            await using (var second = await BotHarness.StartAsync(new StandInLearning(), discord, folder.FullName))
                await second.Logs.WaitForAsync("Cleared the slash commands from the guild configured before");

            var puts = discord.Requests.Where(r => r.Method == "PUT").Select(r => (r.Path, Count: System.Text.Json.Nodes.JsonNode.Parse(r.Body)!.AsArray().Count)).ToList();
            Assert.Equal([(guildRoute, 7), ($"/applications/{FakeDiscord.ApplicationId}/commands", 7), (guildRoute, 0)], puts);
            discord.AssertBodiesValid();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Registration_WithGuildId_UsesTheGuildRoute()
    {
        await using var bot = await BotHarness.StartAsync(new StandInLearning(),
            settings: new Dictionary<string, string?> { ["Discord:GuildId"] = Interactions.GuildId });

        var put = await bot.Discord.WaitForRequestAsync(r => r.Method == "PUT", "the registration");

        Assert.Equal($"/applications/{FakeDiscord.ApplicationId}/guilds/{Interactions.GuildId}/commands", put.Path);
        bot.Discord.AssertBodiesValid();
    }
}
