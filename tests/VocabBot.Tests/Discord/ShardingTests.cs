using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace VocabBot.Tests.Discord;

/// <summary>Gateway shards in one process, against the fake gateway that routes by Discord's sharding formula.</summary>
public sealed class ShardingTests
{
    [Fact]
    public async Task SmallBot_IdentifiesAsShardZeroOfOne()
    {
        await using var bot = await BotHarness.StartAsync(new StandInLearning());
        await bot.WaitUntilReadyAsync();

        var identify = JsonNode.Parse(bot.Discord.Gateway.Received.First(p => p.Contains("\"op\":2", StringComparison.Ordinal)))!["d"]!;
        Assert.Equal("[0,1]", identify["shard"]!.ToJsonString());
        Assert.Contains(bot.Logs.Lines, l => l.Contains("Shard 0/1 connected to the Discord gateway (READY)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoRecommendedShards_EachIdentifiesAndGetsItsReady_AndTheLivenessFileListsBoth()
    {
        await using var discord = await FakeDiscord.StartAsync();
        (discord.Gateway.RecommendedShards, discord.Gateway.MaxConcurrency) = (2, 2);
        var liveness = Path.Combine(Path.GetTempPath(), $"vocabbot-alive-{Guid.NewGuid():N}");
        await using var bot = await BotHarness.StartAsync(new StandInLearning(), discord, settings: new Dictionary<string, string?> { ["Discord:LivenessFile"] = liveness });

        await bot.Logs.WaitForAsync("Shard 0/2 connected to the Discord gateway (READY)");
        await bot.Logs.WaitForAsync("Shard 1/2 connected to the Discord gateway (READY)");
        await discord.Gateway.WaitForAsync(_ => File.Exists(liveness) && File.ReadAllText(liveness).Contains("shard 1/2", StringComparison.Ordinal), "the liveness file");

        Assert.Equal([new FakeShard(0, 2), new FakeShard(1, 2)], Sorted(discord.Gateway.IdentifiedShards));
        Assert.Equal(["shard 0/2 READY", "shard 1/2 READY"], File.ReadAllLines(liveness).Skip(1));
        await bot.Logs.WaitForAsync("Registered 7 slash commands");
        Assert.Single(discord.Requests, r => r.Method == "PUT"); // once a process, not once a shard
        await bot.Host.StopAsync();
        Assert.False(File.Exists(liveness));
    }

    [Fact]
    public async Task Interactions_ReachTheShardOfTheirServer_AndDmsShardZero()
    {
        await using var discord = await FakeDiscord.StartAsync();
        (discord.Gateway.RecommendedShards, discord.Gateway.MaxConcurrency) = (2, 2);
        await using var bot = await BotHarness.StartAsync(new StandInLearning(), discord);
        await discord.Gateway.WaitForAsync(g => g.Readies == 2, "both READYs");

        var onShardOne = await bot.InteractAsync(Define(GuildOnShard(1, 2)));
        var onShardZero = await bot.InteractAsync(Define(GuildOnShard(0, 2)));
        var direct = Interactions.Command(Interactions.NewId(), "define", new JsonObject { ["word"] = "apple" }, inGuild: false);
        var dm = await bot.InteractAsync(direct);

        Assert.All([onShardOne, onShardZero, dm], c => Assert.Equal(4, c.Json.GetProperty("type").GetInt32()));
        Assert.Equal([new FakeShard(1, 2), new FakeShard(0, 2), new FakeShard(0, 2)], discord.Gateway.Deliveries.Select(d => d.Shard));
    }

    [Fact]
    public async Task MaxConcurrencyOne_IdentifiesTheShardsAnIntervalApart_OnTheBotsClock()
    {
        var time = new FakeTimeProvider(TestBot.Start);
        await using var discord = await FakeDiscord.StartAsync();
        (discord.Gateway.RecommendedShards, discord.Gateway.MaxConcurrency, discord.Gateway.Clock) = (2, 1, time);
        await using var bot = await BotHarness.StartAsync(new StandInLearning(), discord, time: time,
            settings: new Dictionary<string, string?> { ["Discord:IdentifyInterval"] = "00:00:05" });

        await discord.Gateway.WaitForAsync(g => g.IdentifiedShards.Count == 1 && g.ConnectedPaths.Count == 2, "one identify, both connected");
        await time.AdvanceUntilAsync(() => discord.Gateway.Readies == 2, "the second READY");

        var identified = discord.Gateway.IdentifiedShards;
        Assert.True(identified[1].At - identified[0].At >= TimeSpan.FromSeconds(5), $"identified {identified[1].At - identified[0].At} apart");
        Assert.NotEqual(identified[0].Shard, identified[1].Shard);
    }

    [Theory]
    [InlineData(1, new[] { 0, 1 }, 2)] // Discord recommends no more: twice the count
    [InlineData(3, new[] { 0, 1, 2 }, 3)]
    public async Task Close4011_AsksGatewayBotAgain_AndRunsMoreShards_InsteadOfStopping(int recommended, int[] ids, int count)
    {
        await using var bot = await BotHarness.StartAsync(new StandInLearning());
        await bot.WaitUntilReadyAsync();
        var gateway = bot.Discord.Gateway;
        (gateway.RecommendedShards, gateway.MaxConcurrency, gateway.RequiredShards) = (recommended, 4, 2);

        await gateway.CloseAsync(4011);
        await gateway.WaitForAsync(g => g.Readies == 1 + ids.Length, $"{ids.Length} new READYs");

        Assert.Equal(ids.Select(id => new FakeShard(id, count)), Sorted(gateway.IdentifiedShards.Skip(1)));
        Assert.Equal(2, bot.Discord.Requests.Count(r => r.Path == "/gateway/bot"));
        Assert.False(bot.Host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        Assert.Contains(bot.Logs.Lines, l => l.Contains("Re-sharded after 4011", StringComparison.Ordinal));
        var callback = await bot.InteractAsync(Define(GuildOnShard(count - 1, count)));
        Assert.Equal(4, callback.Json.GetProperty("type").GetInt32());
    }

    [Fact]
    public async Task Close4011_WithShardIdsConfigured_SplitsOnlyThisProcesssShare()
    {
        await using var discord = await FakeDiscord.StartAsync();
        discord.Gateway.MaxConcurrency = 4;
        await using var bot = await BotHarness.StartAsync(new StandInLearning(), discord,
            settings: new Dictionary<string, string?> { ["Discord:ShardCount"] = "2", ["Discord:ShardIds"] = "1" });
        await bot.WaitUntilReadyAsync();
        Assert.Contains(bot.Logs.Lines, l => l.Contains("interactions over the gateway, shard(s) 1 of 2", StringComparison.Ordinal));
        (discord.Gateway.RecommendedShards, discord.Gateway.RequiredShards) = (2, 4);

        await discord.Gateway.CloseAsync(4011, shard: 1);
        await discord.Gateway.WaitForAsync(g => g.Readies == 3, "two new READYs");

        // Shard 1 of 2 held the servers that shards 1 and 3 of 4 hold: the other process's shard 0 of 2 still covers the rest.
        Assert.Equal([new FakeShard(1, 2), new FakeShard(1, 4), new FakeShard(3, 4)], Sorted(discord.Gateway.IdentifiedShards));
    }

    private static List<FakeShard> Sorted(IEnumerable<Identified> identifies) =>
        [.. identifies.Select(i => i.Shard!.Value).OrderBy(s => s.Count).ThenBy(s => s.Id)];

    /// <summary>A server id that Discord's formula, (id &gt;&gt; 22) % count, puts on <paramref name="shard"/>.</summary>
    internal static string GuildOnShard(int shard, int count) =>
        ((ulong)(1000 * count + shard) << 22).ToString(CultureInfo.InvariantCulture);

    private static JsonObject Define(string guildId)
    {
        var interaction = Interactions.Command(Interactions.NewId(), "define", new JsonObject { ["word"] = "banana" });
        interaction["guild_id"] = guildId;
        return interaction;
    }
}
