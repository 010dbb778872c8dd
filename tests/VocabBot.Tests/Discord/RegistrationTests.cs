using VocabBot.Learning;

using VocabBot.Chat;

namespace VocabBot.Tests.Discord;

public sealed class RegistrationTests
{
    [Fact]
    public async Task Registration_UnchangedDefinitions_IsSkippedOnNextStart()
    {
        await using var discord = await FakeDiscord.StartAsync();
        var folder = Directory.CreateTempSubdirectory("vocabbot-registration-");
        try
        {
            await using (var first = await BotHarness.StartAsync(new StandInLearning(), discord, folder.FullName))
                await first.Logs.WaitForAsync("Registered 6 slash commands");
            await using (var second = await BotHarness.StartAsync(new StandInLearning(), discord, folder.FullName))
                await second.Logs.WaitForAsync("unchanged since the last registration");

            var put = Assert.Single(discord.Requests, r => r.Method == "PUT");
            Assert.Equal($"/applications/{FakeDiscord.ApplicationId}/commands", put.Path);
            discord.AssertBodiesValid();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Registration_ChangedDefinitions_OverwritesAgain()
    {
        await using var discord = await FakeDiscord.StartAsync();
        var folder = Directory.CreateTempSubdirectory("vocabbot-registration-");
        try
        {
            await using (var first = await BotHarness.StartAsync(new StandInLearning(), discord, folder.FullName))
                await first.Logs.WaitForAsync("Registered 6 slash commands");
            var changed = new StandInLearning();
            changed.Definitions = [.. changed.Definitions, new CommandDefinition("help", "How to use the bot", [])];
            await using (var second = await BotHarness.StartAsync(changed, discord, folder.FullName))
                await second.Logs.WaitForAsync("Registered 7 slash commands");

            Assert.Equal(2, discord.Requests.Count(r => r.Method == "PUT"));
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
