using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VocabBot.Discord;
using VocabBot.Learning;
using VocabBot.Library;
using VocabBot.Content;
using VocabBot.Storage;
using VocabBot.WordOfTheDay;

namespace VocabBot.Tests.Discord;

public sealed class DiscordOptionsTests
{
    [Theory]
    [InlineData("Discord:Token", "")]
    [InlineData("Discord:ApiBaseUrl", "not a url")]
    [InlineData("Discord:DeferAfter", "00:00:05")]
    public async Task AddDiscord_BadSetting_FailsAtStart(string key, string value)
    {
        var folder = Directory.CreateTempSubdirectory("vocabbot-options-");
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = folder.FullName });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DatabasePath"] = Path.Combine(folder.FullName, "vocabbot.db"),
                ["Content:Directory"] = folder.FullName,
                ["Discord:Token"] = "a-token",
                [key] = value,
            });
            builder.AddStorage();
            builder.AddContent();
            builder.AddLearning();
            builder.AddWordOfTheDay();
            builder.AddLibrary();
            builder.AddDiscord();
            using var host = builder.Build();

            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

            Assert.Contains(key.Split(':')[1], error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void HasToken_ReadsDiscordToken()
    {
        Assert.False(DiscordSetup.HasToken(new ConfigurationBuilder().Build()));
        Assert.True(DiscordSetup.HasToken(new ConfigurationBuilder().AddInMemoryCollection([new("Discord:Token", "x")]).Build()));
    }
}
