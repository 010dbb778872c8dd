using System.Text.Json;

namespace VocabBot.Discord;

/// <summary>What GET /gateway/bot says: where to connect, how many shards Discord recommends, and the identify limits.</summary>
internal sealed record GatewayInfo(string Url, int RecommendedShards, SessionStartLimit? StartLimit)
{
    public static async Task<GatewayInfo> FetchAsync(DiscordRestClient rest, TimeProvider time, CancellationToken cancellationToken)
    {
        var gateway = await rest.SendAsync(DiscordRoute.GatewayBot(), null, cancellationToken).ConfigureAwait(false)
            ?? throw new DiscordApiException("GET /gateway/bot returned no body.");
        return new(
            gateway.GetProperty("url").GetString() ?? throw new DiscordApiException("GET /gateway/bot returned no url."),
            gateway.TryGetProperty("shards", out var s) && s.TryGetInt32(out var shards) && shards > 0 ? shards : 1,
            gateway.TryGetProperty("session_start_limit", out var limit) ? SessionStartLimit.From(limit, time.GetUtcNow()) : null);
    }
}

/// <summary>The daily identify budget (remaining, until when) and how many shards may identify in the same 5 s.</summary>
internal sealed record SessionStartLimit(int Remaining, DateTimeOffset ResetAt, int MaxConcurrency = 1)
{
    public static SessionStartLimit From(JsonElement limit, DateTimeOffset now) => new(
        limit.TryGetProperty("remaining", out var r) && r.TryGetInt32(out var remaining) ? remaining : 1,
        now + TimeSpan.FromMilliseconds(limit.TryGetProperty("reset_after", out var a) && a.TryGetDouble(out var after) ? after : 0),
        limit.TryGetProperty("max_concurrency", out var c) && c.TryGetInt32(out var concurrency) && concurrency > 0 ? concurrency : 1);
}
