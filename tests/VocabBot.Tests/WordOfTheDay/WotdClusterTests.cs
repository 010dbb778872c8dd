using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using NSec.Cryptography;
using VocabBot.ClusterNode;
using VocabBot.Tests.Cluster;
using VocabBot.Tests.Discord;
using VocabBot.Tests.Storage;
using Xunit.Abstractions;

namespace VocabBot.Tests.WordOfTheDay;

/// <summary>
/// Three bot processes in HTTP interactions mode on one PostgreSQL (Quartz's clustered store), 10 channels on a cron
/// every 20 s, posting to the test's fake Discord; one process is SIGKILLed half-way. Every channel gets exactly one
/// post in every slot, from one process, also across the kill. The processes are the node host
/// (tests/VocabBot.ClusterNode): the app's `run`, whose word of the day takes each 20-s slot for a day (SlotClock).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class WotdClusterTests(PostgresServer server, ITestOutputHelper output)
{
    private static readonly TimeSpan Slot = TimeSpan.FromSeconds(20);
    private const string EveryTwentySeconds = "*/20 * * * * ?";
    private const int SlotsBeforeKill = 4;
    private const int SlotsAfterKill = 5;
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(90);

    [SkippableFact]
    public async Task ThreeProcesses_EachChannelGetsOnePostPerSlot_AlsoAcrossASigkill()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var discord = await FakeDiscord.StartAsync();
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var channels = Enumerable.Range(1, 10).Select(i => $"20000000000000{i:0000}").ToList();
        var anchor = SlotStart(TimeProvider.System.GetUtcNow());
        var clock = new SlotClock(anchor, Slot);
        var settings = Settings(channels, anchor);
        var nodes = new List<ClusterProcess>();
        try
        {
            for (var n = 1; n <= 3; n++)
                nodes.Add(ClusterProcess.Start(n, connectionString, discord.ApiBaseUrl, key, Paths.ClusterNodeDll, settings));
            using (var client = new ClusterClient(key, nodes, discord))
            {
                foreach (var node in nodes)
                    await node.WaitUntilListeningAsync(client, StartBound);
            }

            // Counted from the first slot that starts after all three answer.
            var first = SlotStart(TimeProvider.System.GetUtcNow()) + Slot;
            // SIGKILLed 300 ms before a slot begins, when it has no post under way (the slot before ended long ago),
            // though it may hold the coming slot's triggers as acquired. Killed between Discord's answer to a post and
            // the day's record, it would have the post re-run elsewhere: sent again with the same nonce, which Discord
            // folds into one message while it remembers the nonce (docs/RELIABILITY.md, Known limits) but which this
            // test, counting requests, would count twice. That window is the documented gap, left out here.
            // Of the nodes that have posted, the one to kill holds most of the coming slot's triggers acquired (Quartz
            // takes them ahead of their time), so the others must take them back from a dead node; when none holds
            // any, the one that posted most in the slot before.
            var death = first + (SlotsBeforeKill * Slot) - TimeSpan.FromMilliseconds(300);
            await DelayUntilAsync(death);
            var acquired = await AcquiredAsync(connectionString);
            var checkedIn = await CheckedInAsync(connectionString);
            var before = Posts(discord, nodes).Where(p => p.At >= first).ToList();
            var victim = nodes.Where(n => before.Any(p => p.Node == n.Number))
                .OrderByDescending(n => acquired.Count(a => a.Instance == InstanceOf(n)))
                .ThenByDescending(n => before.Count(p => p.Node == n.Number && p.At >= death - Slot)).FirstOrDefault() ?? nodes[0];
            victim.Kill();
            var end = first + ((SlotsBeforeKill + SlotsAfterKill) * Slot);
            await DelayUntilAsync(end + TimeSpan.FromSeconds(1));

            var counted = Posts(discord, nodes).Where(p => p.At >= first && p.At < end).ToList();
            var slots = SlotsBeforeKill + SlotsAfterKill;
            var perSlot = channels.SelectMany(c => Enumerable.Range(0, slots).Select(s => (Channel: c, Slot: s)))
                .ToDictionary(k => k, k => counted.Count(p => p.Channel == k.Channel && SlotOf(p.At, first) == k.Slot));
            output.WriteLine($"{checkedIn} scheduler instances checked in before the kill");
            Report(counted, first, victim, [.. acquired.Where(a => a.Instance == InstanceOf(victim)).Select(a => a.Channel)], acquired.Count);

            Assert.Equal(nodes.Count, checkedIn); // all three were in the cluster, even one that posted nothing
            Assert.All(perSlot, kv => Assert.True(kv.Value == 1, $"channel {kv.Key.Channel}, slot {kv.Key.Slot}: {kv.Value} posts"));
            Assert.Contains(counted, p => p.Node == victim.Number && p.At < death); // it took part before it died
            Assert.DoesNotContain(Posts(discord, nodes), p => p.Node == victim.Number && p.At >= death);
            await AssertEachSlotDayRecordedPostedAsync(connectionString, clock, first, slots, channels.Count);
            foreach (var node in nodes.Where(n => n.Alive))
                Assert.False(node.Log.Contains("fail: ", StringComparison.Ordinal), $"node {node.Number} logged a failure:\n{node.Log}");
        }
        finally
        {
            foreach (var node in nodes)
                await node.DisposeAsync();
        }
    }

    private sealed record Post(string Channel, int Node, DateTimeOffset At);

    // Every channel post that reached Discord, by the node whose token sent it, timed at its arrival. Requests, not
    // the messages Discord made: a second post of the same word carries the first one's nonce, which Discord folds in.
    private static List<Post> Posts(FakeDiscord discord, IReadOnlyList<ClusterProcess> nodes) =>
        [.. discord.Requests
            .Where(r => r.Method == "POST" && r.Path.StartsWith("/channels/", StringComparison.Ordinal) && r.Path.EndsWith("/messages", StringComparison.Ordinal))
            .Select(r => new Post(r.Path.Split('/')[2], nodes.Single(n => n.Authorization == r.Authorization).Number, r.Arrived))];

    private static Dictionary<string, string> Settings(IReadOnlyList<string> channels, DateTimeOffset anchor)
    {
        var settings = new Dictionary<string, string>
        {
            ["ClusterNode:SlotAnchor"] = anchor.ToString("O", CultureInfo.InvariantCulture),
            ["ClusterNode:Slot"] = Slot.ToString("c", CultureInfo.InvariantCulture),
            // A dead node's triggers are taken over after about interval + threshold.
            ["WordOfTheDay:ClusterCheckinInterval"] = "00:00:01",
            ["WordOfTheDay:ClusterCheckinMisfireThreshold"] = "00:00:01",
            ["WordOfTheDay:RetryDelay"] = "00:00:00.100",
        };
        for (var i = 0; i < channels.Count; i++)
        {
            settings[$"WordOfTheDay:Schedules:{i}:ChannelId"] = channels[i];
            settings[$"WordOfTheDay:Schedules:{i}:Cron"] = EveryTwentySeconds;
            settings[$"WordOfTheDay:Schedules:{i}:TimeZone"] = "Etc/UTC";
        }
        return settings;
    }

    private static DateTimeOffset SlotStart(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % Slot.Ticks), TimeSpan.Zero);

    private static int SlotOf(DateTimeOffset at, DateTimeOffset first) => (int)((at - first) / Slot);

    private static async Task DelayUntilAsync(DateTimeOffset at)
    {
        var wait = at - TimeProvider.System.GetUtcNow();
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait);
    }

    // The posted-record, the guard against doubles, agrees: every channel's "day" of every slot is recorded posted.
    private static async Task AssertEachSlotDayRecordedPostedAsync(string connectionString, SlotClock clock, DateTimeOffset first, int slots, int channels)
    {
        var days = Enumerable.Range(0, slots).Select(s => DateOnly.FromDateTime(clock.At(first + (s * Slot) + (Slot / 2)).UtcDateTime)).ToList();
        var posted = new Dictionary<DateOnly, long>();
        await foreach (var row in QueryAsync(connectionString, "SELECT day, count(*) FROM wotd_days WHERE posted GROUP BY day"))
            posted[row.GetFieldValue<DateOnly>(0)] = row.GetInt64(1);
        Assert.All(days, day => Assert.Equal(channels, posted.GetValueOrDefault(day)));
    }

    // The triggers each scheduler instance (Quartz's id, not our node number) had acquired, not yet fired.
    private static async Task<List<(string Instance, string Channel)>> AcquiredAsync(string connectionString)
    {
        var acquired = new List<(string, string)>();
        await foreach (var row in QueryAsync(connectionString, "SELECT instance_name, trigger_name FROM qrtz_fired_triggers WHERE state = 'ACQUIRED'"))
            acquired.Add((row.GetString(0), row.GetString(1)));
        return acquired;
    }

    private static async Task<int> CheckedInAsync(string connectionString)
    {
        var instances = 0;
        await foreach (var _ in QueryAsync(connectionString, "SELECT instance_name FROM qrtz_scheduler_state"))
            instances++;
        return instances;
    }

    // Quartz names the process's scheduler instance in its log as it starts.
    private static string? InstanceOf(ClusterProcess node) => InstanceLine().Match(node.Log) is { Success: true } line ? line.Groups[1].Value : null;

    [GeneratedRegex("with instanceId '([^']+)' initialized")]
    private static partial Regex InstanceLine();

    private static async IAsyncEnumerable<NpgsqlDataReader> QueryAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            yield return reader;
    }

    private void Report(IReadOnlyList<Post> counted, DateTimeOffset first, ClusterProcess victim, IReadOnlyList<string> held, int acquired)
    {
        foreach (var slot in counted.GroupBy(p => SlotOf(p.At, first)).OrderBy(g => g.Key))
        {
            var latest = slot.Max(p => p.At - (first + (slot.Key * Slot)));
            var byNode = string.Join(", ", slot.GroupBy(p => p.Node).OrderBy(g => g.Key).Select(g => $"node {g.Key}={g.Count()}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"slot {slot.Key}: {slot.Count()} posts ({byNode}), last {latest.TotalSeconds:0.00} s after the slot began"));
        }
        var start = first + (SlotsBeforeKill * Slot);
        var takenOver = counted.Where(p => held.Contains(p.Channel) && SlotOf(p.At, first) == SlotsBeforeKill)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"channel {p.Channel} by node {p.Node}, {(p.At - start).TotalSeconds:0.00} s after the slot began"));
        output.WriteLine($"node {victim.Number} SIGKILLed 0.3 s before slot {SlotsBeforeKill}, holding {held.Count} of the {acquired} trigger(s) acquired for it: " +
            (held.Count == 0 ? "none" : string.Join("; ", takenOver)));
    }
}
