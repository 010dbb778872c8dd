using VocabBot.Chat;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VocabBot.Content;
using VocabBot.Discord;
using VocabBot.Learning;
using VocabBot.Storage;
using VocabBot.Tests.Discord;
using VocabBot.WordOfTheDay;

namespace VocabBot.Benchmarks;

using Console = System.Console;

/// <summary>
/// The real host against the fake Discord on loopback, over the 40,000-word corpus: virtual users
/// each send an interaction, wait for its callback and send the next, 60% /define and autocomplete,
/// 40% quiz buttons (answer, then Next; a new /quiz when one ends). Each time runs from handing
/// INTERACTION_CREATE to the fake's gateway to the fake receiving the callback. With a rate, the
/// users are paced: each sends at most every users/rate seconds, so together they offer that many
/// interactions a second (a user whose reply came late sends its next at once); without one they
/// send as fast as replies come back, which measures the most the box can take.
/// </summary>
public static class LoadBenchmark
{
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(int interactions, int users, int repeats, int rate)
    {
        var root = Directory.CreateTempSubdirectory("vocabbot-load-").FullName;
        try
        {
            var content = Path.Combine(root, "content");
            Corpus.Write(content);
            await using var discord = await FakeDiscord.StartAsync();
            discord.ValidateBodies = false;
            // Discord's own interval; the fake's 300 ms for tests makes ACKs queued behind a burst look like a zombie.
            discord.Gateway.HeartbeatInterval = TimeSpan.FromSeconds(41.25);
            var callbacks = new ConcurrentDictionary<string, TaskCompletionSource<string>>();
            discord.RequestReceived += (method, route, body) =>
            {
                // POST /interactions/{id}/{token}/callback, or the edit after a deferral: PATCH /webhooks/{app}/{token}/messages/@original
                var key = method == "POST" && route.StartsWith("/interactions/", StringComparison.Ordinal) ? route.Split('/')[2]
                    : method == "PATCH" ? route.Split('/')[3] : null;
                if (key is not null && callbacks.TryRemove(key, out var callback))
                    callback.TrySetResult(body);
            };

            var started = Stopwatch.StartNew();
            using var host = BuildHost(root, content, discord.ApiBaseUrl);
            await host.StartAsync();
            var hostStarted = started.Elapsed;
            await discord.Gateway.WaitForAsync(g => g.Readies > 0, "READY");
            Console.WriteLine($"host started (with a cold import of {Corpus.Headwords(1000 * Corpus.WordsPerArticle).Count} words) in {hostStarted.TotalSeconds:F1} s, READY after {started.Elapsed.TotalSeconds:F1} s");

            var driver = new Driver(discord, callbacks);
            await driver.BurstAsync(Math.Min(1000, interactions), users, rate, seed: 0);
            for (var run = 1; run <= repeats; run++)
            {
                var result = await driver.BurstAsync(interactions, users, rate, seed: run);
                Console.WriteLine($"run {run}: {result}");
            }

            Console.WriteLine($"peak working set (bot, fake Discord and driver in one process): {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");
            await host.StopAsync();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The real host on the fake Discord, its database in <paramref name="root"/>; <paramref name="settings"/> added over these.</summary>
    internal static IHost BuildHost(string root, string content, string apiBaseUrl, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = root });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(root, "vocabbot.db"),
            ["Content:Directory"] = content,
            ["Content:Watch"] = "false",
            ["Discord:Token"] = "load-test-token",
            ["Discord:ApiBaseUrl"] = apiBaseUrl,
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.AddVocabBot(AppTransport.Discord);
        return builder.Build();
    }

    private sealed class Driver(FakeDiscord discord, ConcurrentDictionary<string, TaskCompletionSource<string>> callbacks)
    {
        private readonly IReadOnlyList<string> _headwords = Corpus.Headwords(1000 * Corpus.WordsPerArticle);
        private int _nextUser;

        public async Task<BurstResult> BurstAsync(int interactions, int users, int rate, int seed)
        {
            var left = interactions;
            var times = new ConcurrentBag<(string Kind, double Ms)>();
            var period = rate > 0 ? TimeSpan.FromSeconds((double)users / rate) : TimeSpan.Zero;
            var watch = Stopwatch.StartNew();
            // Paced users start spread over one period, so the offered load is even from the first one.
            await Task.WhenAll(Enumerable.Range(0, users).Select(u => UserAsync(
                (700000000000000000L + Interlocked.Increment(ref _nextUser)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                new Random(seed * 1000 + u), () => Interlocked.Decrement(ref left) >= 0, times, period, period * u / users)));
            return new BurstResult(watch.Elapsed, users, rate, [.. times]);
        }

        private async Task UserAsync(string userId, Random random, Func<bool> take, ConcurrentBag<(string, double)> times, TimeSpan period, TimeSpan offset)
        {
            List<string> quizButtons = [];
            var next = Stopwatch.GetTimestamp() + (long)(offset.TotalSeconds * Stopwatch.Frequency);
            while (take())
            {
                if (period > TimeSpan.Zero)
                {
                    var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                    if (wait > TimeSpan.Zero)
                        await Task.Delay(wait);
                    next = Math.Max(next, Stopwatch.GetTimestamp() - Stopwatch.Frequency) + (long)(period.TotalSeconds * Stopwatch.Frequency);
                }

                var id = Interactions.NewId();
                var roll = random.NextDouble();
                var headword = _headwords[random.Next(_headwords.Count)];
                var (kind, interaction) =
                    roll < 0.3 ? ("define", Interactions.Command(id, "define", new JsonObject { ["word"] = headword }, userId: userId))
                    : roll < 0.6 ? ("autocomplete", Interactions.Autocomplete(id, "define", "word", headword[..(1 + random.Next(5))]))
                    : quizButtons.Count == 0 ? ("quiz start", Interactions.Command(id, "quiz", new JsonObject { ["count"] = 20 }, userId: userId))
                    : quizButtons[0].EndsWith(":next", StringComparison.Ordinal) ? ("quiz next", Interactions.Click(id, quizButtons[0], userId: userId))
                    : ("quiz answer", Interactions.Click(id, quizButtons[random.Next(quizButtons.Count)], userId: userId));
                var (ms, body) = await InteractAsync(id, interaction);
                times.Add((kind, ms));
                if (kind.StartsWith("quiz", StringComparison.Ordinal))
                    quizButtons = QuizButtons(body);
            }
        }

        /// <summary>The time to the callback, and the reply: the callback's, or after a deferral the edit's.</summary>
        private async Task<(double Ms, string Body)> InteractAsync(string id, JsonObject interaction)
        {
            var callback = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var edit = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            callbacks[id] = callback;
            callbacks[Interactions.TokenOf(id)] = edit;
            var start = Stopwatch.GetTimestamp();
            await discord.Gateway.DispatchAsync("INTERACTION_CREATE", interaction);
            var body = await Within(callback.Task, interaction);
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            using (var json = JsonDocument.Parse(body))
            {
                if (json.RootElement.GetProperty("type").GetInt32() is 5 or 6)
                    return (ms, await Within(edit.Task, interaction));
            }

            callbacks.TryRemove(Interactions.TokenOf(id), out _);
            return (ms, body);
        }

        private static async Task<string> Within(Task<string> reply, JsonObject interaction)
        {
            if (await Task.WhenAny(reply, Task.Delay(GiveUp)) != reply)
                throw new TimeoutException($"no reply within {GiveUp.TotalSeconds} s to {interaction.ToJsonString()}");
            return await reply;
        }

        private static List<string> QuizButtons(string callbackBody)
        {
            using var json = JsonDocument.Parse(callbackBody);
            if (!json.RootElement.TryGetProperty("data", out var data) || !data.TryGetProperty("components", out var rows))
                return [];
            return [.. rows.EnumerateArray()
                .SelectMany(row => row.GetProperty("components").EnumerateArray())
                .Select(button => button.TryGetProperty("custom_id", out var customId) ? customId.GetString()! : "")
                .Where(customId => customId.StartsWith("quiz:", StringComparison.Ordinal))];
        }
    }

    private sealed record BurstResult(TimeSpan Elapsed, int Users, int Rate, IReadOnlyList<(string Kind, double Ms)> Times)
    {
        public override string ToString()
        {
            var all = Times.Select(t => t.Ms).Order().ToArray();
            var kinds = string.Join(", ", Times.GroupBy(t => t.Kind).OrderBy(g => g.Key)
                .Select(g => $"{g.Key} {g.Count()} p99 {Percentile.Of(g.Select(t => t.Ms).Order().ToArray(), 0.99):F1}"));
            var offered = Rate > 0 ? $"paced to {Rate}/s" : "unpaced";
            return $"{all.Length} interactions, {Users} users {offered}, {Elapsed.TotalSeconds:F2} s = {all.Length / Elapsed.TotalSeconds:F0}/s; " +
                $"callback ms p50 {Percentile.Of(all, 0.5):F1} p99 {Percentile.Of(all, 0.99):F1} max {all[^1]:F0}; over 3 s: {all.Count(ms => ms > 3000)} ({kinds})";
        }
    }
}
