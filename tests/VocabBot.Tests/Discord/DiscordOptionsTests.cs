using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VocabBot.Discord;

namespace VocabBot.Tests.Discord;

public sealed class DiscordOptionsTests
{
    private const string ValidKey = "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29";

    [Theory]
    [InlineData("Discord:Token", "")]
    [InlineData("Discord:ApiBaseUrl", "not a url")]
    [InlineData("Discord:DeferAfter", "00:00:05")]
    public async Task AddDiscord_BadSetting_FailsAtStart(string key, string value)
    {
        var error = await StartFailureAsync(new() { [key] = value });

        Assert.Contains(key.Split(':')[1], error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "http://127.0.0.1:0", "Discord:PublicKey: Discord:Interactions is Http, which needs the application's public key")]
    [InlineData("abc123", "http://127.0.0.1:0", "Discord:PublicKey: 'abc123' is not 64 hexadecimal characters (6 given)")]
    [InlineData("zz00000000000000000000000000000000000000000000000000000000000000", "http://127.0.0.1:0", "Discord:PublicKey: 'zz00")]
    [InlineData(ValidKey, null, "Urls: Discord:Interactions is Http, so the bot must listen for Discord's requests: set Urls")]
    [InlineData(ValidKey, "0.0.0.0:8080", "Urls: '0.0.0.0:8080' is not an http:// or https:// address")]
    public async Task HttpInteractions_WithoutAPublicKeyOrAnAddress_FailAtStart_NamingTheKey(string? publicKey, string? urls, string expected)
    {
        var error = await StartFailureAsync(new() { ["Discord:Interactions"] = "Http", ["Discord:PublicKey"] = publicKey, ["Urls"] = urls },
            builder => Assert.DoesNotContain(builder.Services, d => d.ImplementationType == typeof(DiscordGateway)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "x-1", "Discord:ShardIds: 'x-1' is not a list of shard ids: give ids and ranges such as 0-3 or 0,2")]
    [InlineData("0", "0-1", "Discord:ShardIds: '0-1' names shards, so Discord:ShardCount must be set too")]
    [InlineData("2", "1-2", "Discord:ShardIds: shard 2 is not below Discord:ShardCount (2): shard ids run from 0 to 1")]
    [InlineData("-1", null, "ShardCount")]
    public async Task Sharding_BadShardIdsOrCount_FailAtStart_NamingTheKey(string count, string? ids, string expected)
    {
        var error = await StartFailureAsync(new() { ["Discord:ShardCount"] = count, ["Discord:ShardIds"] = ids });

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HasToken_ReadsDiscordToken()
    {
        Assert.False(DiscordSetup.HasToken(new ConfigurationBuilder().Build()));
        Assert.True(DiscordSetup.HasToken(new ConfigurationBuilder().AddInMemoryCollection([new("Discord:Token", "x")]).Build()));
    }

    /// <summary>Starts the bot's host with <paramref name="settings"/> over valid ones, expecting the options validation to stop it.</summary>
    private static async Task<OptionsValidationException> StartFailureAsync(Dictionary<string, string?> settings, Action<HostApplicationBuilder>? composed = null)
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
            });
            builder.Configuration.AddInMemoryCollection(settings);
            builder.AddVocabBot(AppTransport.Discord);
            composed?.Invoke(builder);
            using var host = builder.Build();

            return await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
