using System.Text.Json.Nodes;
using VocabBot.Tests.Discord;
using Xunit.Abstractions;

namespace VocabBot.Tests.Reliability;

/// <summary>
/// The gateway and REST faults of the Discord transport, under load: a burst of interactions while the
/// gateway drops, reconnects and invalidates, and REST answers 429 and 5xx. Nothing may be lost or sent twice.
/// VOCABBOT_LONG=1 runs ten times as many. The word of the day under faults is in WordOfTheDayUnderFaultsTests.
/// </summary>
public sealed class FaultsUnderLoadTests(ITestOutputHelper output)
{
    private static readonly bool Long = Environment.GetEnvironmentVariable("VOCABBOT_LONG") == "1";
    private static readonly int InteractionCount = Long ? 3000 : 300;
    private static readonly string[] GatewayFaults = ["drop", "op7", "close-4000", "op9-resumable"];
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task InteractionBurst_UnderGatewayAndRestFaults_EachAnsweredExactlyOnce()
    {
        await using var discord = await FakeDiscord.StartAsync();
        var bot = await BotHarness.StartAsync(learning: null, discord);
        var disposed = false;
        try
        {
            await bot.WaitUntilReadyAsync();
            await bot.Logs.WaitForAsync("Registered 12 slash commands");
            var random = new Random(11);
            var sent = new Dictionary<string, DateTimeOffset>();
            var injected = new Dictionary<string, int>();
            var resumed = 0;
            for (var i = 0; i < InteractionCount; i++)
            {
                if (i % 25 == 12)
                {
                    // One fault at a time: the interactions sent meanwhile wait in the fake for the resume to replay them.
                    // (A busy machine may add a resume of its own, after a heartbeat ACK came late.)
                    await discord.Gateway.WaitForAsync(g => g.ResumedCount >= resumed, $"resume number {resumed}");
                    resumed = discord.Gateway.ResumedCount + 1;
                    Count(injected, await InjectGatewayFaultAsync(discord.Gateway, GatewayFaults[i / 25 % GatewayFaults.Length]));
                }

                var interaction = Interaction(random);
                var id = (string)interaction["id"]!;
                // Each REST fault hits one callback once, so its retry gets through: a callback that failed
                // RestMaxAttempts times in a row would be given up (and logged), which no retry policy could avoid.
                if (i % 10 == 5)
                    Count(injected, InjectRestFault(discord, $"/interactions/{id}/", i / 10 % 3));
                sent[id] = DateTimeOffset.UtcNow;
                await discord.Gateway.DispatchAsync("INTERACTION_CREATE", interaction);
            }

            try
            {
                await discord.Changes.WaitUntilAsync(() => AnsweredIds(discord).Count == sent.Count, $"callbacks to all {sent.Count} interactions", Bound);
            }
            catch (TimeoutException)
            {
                var missing = sent.Keys.Except(AnsweredIds(discord)).ToList();
                Assert.Fail($"{missing.Count} of {sent.Count} interactions never answered, e.g. {string.Join(", ", missing.Take(5))}; " +
                    $"{discord.Gateway.ResumedCount} resumes, {discord.Gateway.Identifies} identifies; what the bot logged about them:\n" +
                    string.Join('\n', bot.Logs.Lines.Where(l => missing.Take(5).Any(id => l.Contains(id, StringComparison.Ordinal))).Take(20)) +
                    "\nwarnings and errors:\n" + string.Join('\n', bot.Logs.Lines.Where(l => !l.StartsWith("Information", StringComparison.Ordinal)
                        && !l.StartsWith("Debug", StringComparison.Ordinal) && !l.StartsWith("Trace", StringComparison.Ordinal)).TakeLast(15)));
            }

            await bot.DisposeAsync(); // waits for the bot's work in flight, so a late duplicate would be in the record now
            disposed = true;

            var callbacks = discord.Requests.Where(r => r.Method == "POST" && r.Path.StartsWith("/interactions/", StringComparison.Ordinal) && r.Status < 300)
                .GroupBy(r => r.Path.Split('/')[2]).ToDictionary(g => g.Key, g => g.ToList());
            Assert.Equal(sent.Keys.Order(), callbacks.Keys.Order());
            Assert.All(callbacks, c => Assert.True(c.Value.Count == 1, $"interaction {c.Key} answered {c.Value.Count} times"));
            var deferred = callbacks.Where(c => c.Value[0].Json.GetProperty("type").GetInt32() is 5 or 6).Select(c => c.Key).ToList();
            Assert.All(deferred, id => Assert.Single(discord.Requests, r => r.Path.StartsWith("/webhooks/", StringComparison.Ordinal)
                && r.Path.Contains(Interactions.TokenOf(id), StringComparison.Ordinal) && r.Method != "DELETE" && r.Status < 300));
            Assert.Equal(1, discord.Gateway.Identifies);
            var restFaults = injected.Where(f => f.Key.StartsWith("callback", StringComparison.Ordinal)).Sum(f => f.Value);
            Assert.Equal(restFaults, discord.Requests.Count(r => r.Path.StartsWith("/interactions/", StringComparison.Ordinal) && r.Status >= 400));
            discord.AssertBodiesValid();
            var latencies = callbacks.Select(c => (c.Value[0].At - sent[c.Key]).TotalMilliseconds).Order().ToList();
            // Discord drops an interaction not answered within 3 s: a later answer is as lost as none.
            Assert.True(latencies[^1] < 3000, $"the slowest answer took {latencies[^1]:0} ms");
            output.WriteLine($"{sent.Count} interactions; injected {string.Join(", ", injected.OrderBy(f => f.Key).Select(f => $"{f.Value} {f.Key}"))}; " +
                $"{discord.Gateway.Resumes} resumes, {discord.Gateway.Identifies} identify; {callbacks.Count} answered exactly once, 0 missing, 0 duplicates, " +
                $"{deferred.Count} deferred; dispatch-to-callback p50 {latencies[latencies.Count / 2]:0} ms, p99 {latencies[latencies.Count * 99 / 100]:0} ms, max {latencies[^1]:0} ms");
        }
        finally
        {
            if (!disposed)
                await bot.DisposeAsync();
        }
    }

    private static JsonObject Interaction(Random random)
    {
        var id = Interactions.NewId();
        var user = $"6000000000000001{random.Next(100):00}";
        return random.Next(5) switch
        {
            0 => Interactions.Command(id, "define", new JsonObject { ["word"] = "spree" }, userId: user),
            1 => Interactions.Command(id, "stats", userId: user),
            2 => Interactions.Command(id, "leaderboard", userId: user),
            3 => Interactions.Autocomplete(id, "define", "word", "sp"),
            _ => Interactions.Command(id, "help", userId: user),
        };
    }

    private static async Task<string> InjectGatewayFaultAsync(FakeGateway gateway, string fault)
    {
        switch (fault)
        {
            case "drop":
                gateway.Drop();
                break;
            case "op7":
                await gateway.SendReconnectAsync();
                break;
            case "close-4000":
                await gateway.CloseAsync(4000);
                break;
            default:
                await gateway.SendInvalidSessionAsync(resumable: true);
                break;
        }

        return $"gateway {fault}";
    }

    private static string InjectRestFault(FakeDiscord discord, string callback, int kind)
    {
        switch (kind)
        {
            case 0:
                discord.FailNext(callback, 500, """{"message": "500: Internal Server Error", "code": 0}""");
                return "callback 500";
            case 1:
                discord.FailNext(callback, 502);
                return "callback 502";
            default:
                discord.FailNext(callback, 429, """{"message": "You are being rate limited.", "retry_after": 0.05, "global": false}""",
                    new Dictionary<string, string> { ["X-RateLimit-Scope"] = "user" });
                return "callback 429";
        }
    }

    private static HashSet<string> AnsweredIds(FakeDiscord discord) =>
        [.. discord.Requests.Where(r => r.Method == "POST" && r.Path.StartsWith("/interactions/", StringComparison.Ordinal) && r.Status < 300)
            .Select(r => r.Path.Split('/')[2])];

    private static void Count<T>(Dictionary<T, int> counts, T key) where T : notnull => counts[key] = counts.GetValueOrDefault(key) + 1;
}
