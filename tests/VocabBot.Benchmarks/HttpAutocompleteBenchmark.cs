using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;
using VocabBot.Content;
using VocabBot.Discord;
using VocabBot.Library;
using VocabBot.Tests.Discord;

namespace VocabBot.Benchmarks;

using Console = System.Console;

/// <summary>
/// Issue #14's autocomplete target where Discord waits for it: the bot's answer to an autocomplete interaction over HTTP
/// interactions, timed from the signed request's sending to its response read back, on loopback. The real host
/// (Discord:Interactions=Http, the 1,000 shipped articles imported at its start), then the servers' own articles saved
/// through its <see cref="ServerLibraries"/> as <see cref="LibrariesBenchmark"/> saves them, and one request in each
/// server to load its library. The rows alternate between a direct message and random servers, so that both meet the
/// same box; `libraries` times the lookup alone, in microseconds, and this whether that shows in what Discord waits for.
/// </summary>
internal static class HttpAutocompleteBenchmark
{
    private const int WarmUpCalls = 1000;

    public static async Task RunAsync(int servers, int articlesPerServer, int wordsPerArticle, int calls, int repeats)
    {
        var root = Directory.CreateTempSubdirectory("vocabbot-http-autocomplete-").FullName;
        try
        {
            var content = Path.Combine(root, "content");
            Corpus.Write(content);
            await using var discord = await FakeDiscord.StartAsync();
            using var key = Key.Create(SignatureAlgorithm.Ed25519);
            using var host = LoadBenchmark.BuildHost(root, content, discord.ApiBaseUrl, new Dictionary<string, string?>
            {
                ["Discord:Interactions"] = "Http",
                ["Discord:PublicKey"] = Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)).ToLowerInvariant(),
                ["Urls"] = "http://127.0.0.1:0",
                // Every server's library held, as in `libraries`: the warm rows never read one again from the store.
                ["Library:MaxLoadedServers"] = servers.ToString(CultureInfo.InvariantCulture),
            });
            await host.StartAsync();
            var endpoint = new Uri(host.Services.GetRequiredService<HttpInteractionsServer>().Addresses.Single().TrimEnd('/') + HttpInteractionEndpoint.Path);

            var shipped = Corpus.Headwords(1000 * Corpus.WordsPerArticle);
            var perServer = articlesPerServer * wordsPerArticle;
            string[] own = [.. Corpus.Headwords(servers * perServer, LibrariesBenchmark.OwnSuffix)];
            var guilds = Enumerable.Range(0, servers).Select(s => (900_000_000_000_000_000L + s).ToString(CultureInfo.InvariantCulture)).ToArray();
            IReadOnlyList<string> OwnOf(int server) => new ArraySegment<string>(own, server * perServer, perServer);
            var random = new Random(14);
            Console.WriteLine($"shipped: {shipped.Count:N0} words; servers: {servers:N0} x {articlesPerServer} own articles x {wordsPerArticle} words; " +
                $"{calls:N0} timed requests a row after {WarmUpCalls:N0} untimed; a prefix of 1-6 characters of an own word (half the time, in a server) or a shipped one; µs");
            LibrariesBenchmark.Add(host.Services.GetRequiredService<ServerLibraries>(), random, guilds, OwnOf, articlesPerServer, wordsPerArticle);

            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var sender = new Sender(client, endpoint, key);
            // Each server's library loaded by its first request, untimed: the rows below are the warm state.
            foreach (var s in Enumerable.Range(0, servers))
                await sender.SendAsync(LibrariesBenchmark.Prefix(random, guilds[s], OwnOf(s), shipped));

            LibrariesBenchmark.Call[] DirectMessages() =>
                [.. Enumerable.Range(0, WarmUpCalls + calls).Select(_ => LibrariesBenchmark.Prefix(random, null, [], shipped))];
            LibrariesBenchmark.Call[] InServers() => [.. Enumerable.Range(0, WarmUpCalls + calls).Select(_ =>
            {
                var server = random.Next(servers);
                return LibrariesBenchmark.Prefix(random, guilds[server], OwnOf(server), shipped);
            })];
            // Which row comes first alternates from run to run, so that neither always meets the box a row later.
            for (var run = 1; run <= repeats; run++)
            {
                foreach (var inServers in run % 2 == 1 ? new[] { false, true } : [true, false])
                    Print(run, inServers ? $"random servers among the {servers:N0}" : "DM", await TimeAsync(sender, inServers ? InServers() : DirectMessages()));
            }

            await host.StopAsync();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<(double[] Latencies, int Wrong)> TimeAsync(Sender sender, LibrariesBenchmark.Call[] calls)
    {
        foreach (var call in calls.Take(WarmUpCalls))
            await sender.SendAsync(call);
        var timed = calls.Skip(WarmUpCalls).ToArray();
        var latencies = new double[timed.Length];
        var wrong = 0;
        for (var i = 0; i < timed.Length; i++)
        {
            var (found, microseconds) = await sender.SendAsync(timed[i]);
            latencies[i] = microseconds;
            if (!found)
                wrong++;
        }

        Array.Sort(latencies);
        return (latencies, wrong);
    }

    private static void Print(int run, string where, (double[] Latencies, int Wrong) row) =>
        Console.WriteLine($"run {run}: autocomplete over HTTP, {where,-32} n {row.Latencies.Length,6:N0}  p50 {Percentile.Of(row.Latencies, 0.50),7:F1}  " +
            $"p99 {Percentile.Of(row.Latencies, 0.99),7:F1}  max {row.Latencies[^1],8:F0}{(row.Wrong > 0 ? $"  {row.Wrong} WITHOUT CHOICES" : "")}");

    /// <summary>Discord's side: each interaction made and signed just before it is sent (the bot drops one older than 3 s), then timed alone.</summary>
    private sealed class Sender(HttpClient client, Uri endpoint, Key key)
    {
        public async Task<(bool Found, double Microseconds)> SendAsync(LibrariesBenchmark.Call call)
        {
            var interaction = Interactions.Autocomplete(Interactions.NewId(), "define", "word", call.Typed, inGuild: call.Guild is not null);
            if (call.Guild is not null)
                interaction["guild_id"] = call.Guild;
            var body = Encoding.UTF8.GetBytes(interaction.ToJsonString());
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var signature = Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(key, [.. Encoding.UTF8.GetBytes(timestamp), .. body])).ToLowerInvariant();
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.TryAddWithoutValidation("X-Signature-Ed25519", signature);
            request.Headers.TryAddWithoutValidation("X-Signature-Timestamp", timestamp);

            var start = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(request);
            var answer = await response.Content.ReadAsStringAsync();
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            return (response.IsSuccessStatusCode && answer.Contains("\"choices\":[{", StringComparison.Ordinal), elapsed);
        }
    }
}
