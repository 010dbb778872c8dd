using System.Globalization;
using Npgsql;
using VocabBot.Tests.Storage;
using Xunit.Abstractions;

namespace VocabBot.Tests.WordOfTheDay;

/// <summary>
/// Three VocabBot hosts on one PostgreSQL, in PostgreSQL mode (Quartz's clustered store), with several channels on a
/// cron every few seconds; one node dies half-way. Every channel gets exactly one post in every slot, on one node.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class WotdClusterTests(PostgresServer server, ITestOutputHelper output)
{
    private static readonly TimeSpan Slot = TimeSpan.FromSeconds(10);
    private const string EveryTenSeconds = "*/10 * * * * ?";
    private const int SlotsBeforeKill = 2;
    private const int SlotsAfterKill = 3;

    [SkippableFact]
    public async Task ThreeNodes_EachChannelGetsOnePostPerSlot_AndTheOthersTakeOverANodeThatDies()
    {
        var connectionString = await server.CreateDatabaseAsync();
        using var content = TestFiles.FolderWith("seed.md", "english-headers.md");
        var channels = Enumerable.Range(1, 10).Select(i => $"20000000000000{i:0000}").ToList();
        var anchor = SlotStart(TimeProvider.System.GetUtcNow());
        var clock = new SlotClock(anchor, Slot);
        var posts = new ClusterPosts(TimeProvider.System);
        var nodes = new List<ClusterNode>();
        try
        {
            foreach (var name in new[] { "a", "b", "c" })
                nodes.Add(await ClusterNode.StartAsync(name, connectionString, content.Path, channels, EveryTenSeconds, clock, posts));

            // Counted from the first slot that starts after all three run.
            var first = SlotStart(TimeProvider.System.GetUtcNow()) + Slot;
            // Dies just before a slot begins, so the posts it has under way at the slot's start never reach Discord.
            // The node that posted most in the slot before is the one to kill: Quartz tends to let it acquire the next firings.
            var death = first + (SlotsBeforeKill * Slot) - TimeSpan.FromMilliseconds(300);
            await Task.Delay(death - TimeProvider.System.GetUtcNow());
            var victim = nodes.MaxBy(n => posts.All.Count(p => p.Node == n.Name && p.At >= death - Slot))!;
            victim.Messenger.Dead = true;
            await Task.Delay(TimeSpan.FromSeconds(1));
            await victim.KillAsync(connectionString);
            var end = first + ((SlotsBeforeKill + SlotsAfterKill) * Slot);
            await Task.Delay(end - TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(1));

            var counted = posts.All.Where(p => p.At >= first && p.At < end).ToList();
            var slots = SlotsBeforeKill + SlotsAfterKill;
            var perSlot = channels.SelectMany(c => Enumerable.Range(0, slots).Select(s => (Channel: c, Slot: s)))
                .ToDictionary(k => k, k => counted.Count(p => p.Channel == k.Channel && SlotOf(p.At, first) == k.Slot));
            Report(counted, first, victim);

            Assert.All(perSlot, kv => Assert.True(kv.Value == 1, $"channel {kv.Key.Channel}, slot {kv.Key.Slot}: {kv.Value} posts"));
            Assert.DoesNotContain(counted, p => p.Node == victim.Name && p.At >= death);
            Assert.Contains(counted, p => p.Node == victim.Name); // it took part before it died
            await AssertEachSlotDayRecordedPostedAsync(connectionString, clock, first, slots, channels.Count);
        }
        finally
        {
            foreach (var node in nodes)
                await node.DisposeAsync();
        }
    }

    private static DateTimeOffset SlotStart(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % Slot.Ticks), TimeSpan.Zero);

    private static int SlotOf(DateTimeOffset at, DateTimeOffset first) => (int)((at - first) / Slot);

    // The posted-record, the guard against doubles, agrees: every channel's "day" of every slot is recorded posted.
    private static async Task AssertEachSlotDayRecordedPostedAsync(string connectionString, SlotClock clock, DateTimeOffset first, int slots, int channels)
    {
        var days = Enumerable.Range(0, slots).Select(s => DateOnly.FromDateTime(clock.At(first + (s * Slot) + (Slot / 2)).UtcDateTime)).ToList();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT day, count(*) FROM wotd_days WHERE posted GROUP BY day", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var posted = new Dictionary<DateOnly, long>();
        while (await reader.ReadAsync())
            posted[reader.GetFieldValue<DateOnly>(0)] = reader.GetInt64(1);
        Assert.All(days, day => Assert.Equal(channels, posted.GetValueOrDefault(day)));
    }

    private void Report(IReadOnlyList<ClusterPost> counted, DateTimeOffset first, ClusterNode victim)
    {
        foreach (var slot in counted.GroupBy(p => SlotOf(p.At, first)).OrderBy(g => g.Key))
        {
            var latest = slot.Max(p => p.At - (first + (slot.Key * Slot)));
            var byNode = string.Join(", ", slot.GroupBy(p => p.Node).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"slot {slot.Key}: {slot.Count()} posts ({byNode}), last {latest.TotalSeconds:0.00} s after the slot began"));
        }
        output.WriteLine($"node {victim.Name} died before slot {SlotsBeforeKill} with {victim.Messenger.Hung} post(s) under way, which other nodes made");
    }
}
