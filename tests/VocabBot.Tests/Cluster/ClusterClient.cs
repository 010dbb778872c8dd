using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NSec.Cryptography;
using VocabBot.Tests.Discord;

namespace VocabBot.Tests.Cluster;

/// <summary>
/// Discord in front of a cluster, as a load balancer spreads it: each interaction is signed like Discord signs it and
/// posted to the next node round-robin; one that gets no answer (a node killed, a connection refused) is sent again,
/// as the user clicking again would: a new interaction, to the next node. Like a balancer's passive health check, a
/// node is left out only once a request to it got no answer and its process is gone, never before: after a kill,
/// the next interaction sent to that node is always one that is retried.
/// </summary>
internal sealed class ClusterClient(Key key, IReadOnlyList<ClusterProcess> nodes, FakeDiscord discord) : IDisposable
{
    private const int Attempts = 6;
    private static readonly TimeSpan EditBound = TimeSpan.FromSeconds(20);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(15) };
    private readonly ConcurrentDictionary<ClusterProcess, bool> _down = new();
    private int _next = -1;

    /// <summary>How long each answered interaction took, in milliseconds.</summary>
    public ConcurrentBag<double> Latencies { get; } = [];

    /// <summary>The same, each with what was sent (a command's name or a button's custom_id) and how it was answered.</summary>
    public ConcurrentBag<(double Milliseconds, string What, int Type)> Timed { get; } = [];

    /// <summary>Interactions that got no answer from a node and were sent again elsewhere.</summary>
    public int Retried => _retried;

    private int _retried;

    /// <summary>The answer of the first node that gives one (made anew for each attempt by <paramref name="interaction"/>); null when none did.</summary>
    public async Task<JsonElement?> SendAsync(Func<JsonObject> interaction)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var node = NextUp();
            var started = Stopwatch.GetTimestamp();
            var sent = interaction();
            if (node is not null && await PostAsync(node, sent) is { Status: HttpStatusCode.OK } answer
                && await SeenAsync(JsonDocument.Parse(answer.Body).RootElement.Clone(), sent["token"]!.GetValue<string>()) is { } seen)
            {
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Latencies.Add(elapsed);
                var data = sent["data"];
                Timed.Add((elapsed, (string?)data?["custom_id"] ?? (string?)data?["name"] ?? "?", JsonDocument.Parse(answer.Body).RootElement.GetProperty("type").GetInt32()));
                return seen;
            }

            if (node is not null && !node.Alive)
                _down[node] = true;
            Interlocked.Increment(ref _retried);
        }

        return null;
    }

    // What the user sees: the answer itself, or after a deferral (type 5 or 6) the edit that follows it through the
    // webhook route, as {"type", "data"}; null when the node died before the edit.
    private async Task<JsonElement?> SeenAsync(JsonElement answer, string token)
    {
        if (answer.GetProperty("type").GetInt32() is not (5 or 6))
            return answer;
        try
        {
            var edit = await discord.WaitForRequestAsync(
                r => r.Method == "PATCH" && r.Path.Contains($"/{token}/messages/@original", StringComparison.Ordinal) && r.Status < 300, "an edit", EditBound);
            return JsonDocument.Parse($"{{\"type\":7,\"data\":{edit.Body}}}").RootElement.Clone();
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Signs and posts one interaction to one node; null when the node did not answer at all.</summary>
    public async Task<(HttpStatusCode Status, string Body)?> PostAsync(ClusterProcess node, JsonNode interaction)
    {
        var body = Encoding.UTF8.GetBytes(interaction.ToJsonString());
        var timestamp = HttpDiscord.Timestamp(DateTimeOffset.UtcNow);
        using var request = new HttpRequestMessage(HttpMethod.Post, node.Endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TryAddWithoutValidation("X-Signature-Ed25519", HttpDiscord.Sign(key, timestamp, body));
        request.Headers.TryAddWithoutValidation("X-Signature-Timestamp", timestamp);
        try
        {
            using var response = await _http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return null;
        }
    }

    private ClusterProcess? NextUp()
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[(int)((uint)Interlocked.Increment(ref _next) % nodes.Count)];
            if (!_down.ContainsKey(node))
                return node;
        }

        return null;
    }

    public void Dispose() => _http.Dispose();
}
