using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VocabBot.Discord;
using VocabBot.Tests.Storage;

namespace VocabBot.Tests.Discord;

public sealed class InProcessIdentifyGateTests
{
    [Fact]
    public async Task SecondIdentifyInABucket_WaitsTheInterval_AnotherBucketDoesNot()
    {
        var time = new FakeTimeProvider(TestBot.Start);
        var gate = new InProcessIdentifyGate(Options.Create(new DiscordOptions()), time);

        await gate.WaitTurnAsync(0, default);
        var second = gate.WaitTurnAsync(0, default);
        await gate.WaitTurnAsync(1, default).WaitAsync(TimeSpan.FromSeconds(5));

        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }
}

/// <summary>Two processes' gates over one database: the second waits for the first's turn to pass.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresIdentifyGateTests(PostgresServer server) : IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new(server);

    [SkippableFact]
    public async Task SecondProcess_WaitsForTheFirstProcesssTurn_InTheSameBucketOnly()
    {
        var first = await _database.CreateAsync(PostgresIdentifyGate.Migrations);
        var time = new FakeTimeProvider(TestBot.Start);
        var options = Options.Create(new DiscordOptions());
        var one = new PostgresIdentifyGate(first, options, time);
        var other = new PostgresIdentifyGate(_database.Another(), options, time);

        await one.WaitTurnAsync(0, default).WaitAsync(TimeSpan.FromSeconds(10));
        var second = other.WaitTurnAsync(0, default);
        await other.WaitTurnAsync(1, default).WaitAsync(TimeSpan.FromSeconds(10));
        // The server's clock says how long to wait (5 s less the real moments between the two statements); the app's clock waits it.
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();
}

public sealed class ShardSelectionTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("all", null)]
    [InlineData("0-3", "0,1,2,3")]
    [InlineData(" 2 , 0 ", "0,2")]
    [InlineData("4-5,1,5", "1,4,5")]
    public void Parse_ReadsIdsAndRanges(string? text, string? expected)
    {
        var selection = ShardSelection.Parse(text, out var problem);

        Assert.Null(problem);
        Assert.Equal(expected, selection!.Ids is { } ids ? string.Join(',', ids) : null);
    }

    [Theory]
    [InlineData("a-b", "is not a list of shard ids")]
    [InlineData("3-1", "runs backwards")]
    [InlineData("0-99999999", "is not a list of shard ids")]
    [InlineData("1,,2", "is not a list of shard ids")]
    public void Parse_RefusesWhatIsNotIds(string text, string expected)
    {
        Assert.Null(ShardSelection.Parse(text, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 1, 2)]
    [InlineData(2, 3, 4)]
    [InlineData(2, 5, 6)]
    [InlineData(4, 16, 16)]
    public void GrownCount_IsAtLeastTwiceAndTheRecommendation_AndAMultiple(int count, int recommended, int grown) =>
        Assert.Equal(grown, ShardSelection.GrownCount(count, recommended));

    [Fact]
    public void Split_KeepsEachProcesssServers_AndCoversEveryServerOnce()
    {
        var processes = new[] { new[] { 0, 2 }, new[] { 1 } }; // 3 shards over two processes
        var grown = processes.Select(ids => ShardSelection.Split(ids, 3, 6)).ToList();
        for (ulong guild = 0; guild < 1000; guild++)
        {
            var snowflake = guild * 7919 << 22;
            var before = Array.FindIndex(processes, ids => ids.Contains((int)((snowflake >> 22) % 3)));
            var after = grown.FindIndex(ids => ids.Contains((int)((snowflake >> 22) % 6)));
            Assert.Equal(before, after);
        }
        Assert.Equal("0-3,6", ShardSelection.Format([6, 3, 1, 2, 0]));
    }
}
