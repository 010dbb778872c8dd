using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace VocabBot.Discord;

/// <summary>
/// Keeps the bot inside Discord's limits before it sends: the per-route buckets the
/// X-RateLimit-* headers describe, a global block after a global 429, and at most
/// <see cref="DiscordOptions.RequestsPerSecond"/> requests in any second, except answers to
/// interactions, which Discord does not count against that global limit.
/// </summary>
internal sealed class RateLimiter(IOptions<DiscordOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private const int PruneAbove = 1000;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _bucketOfRoute = [];
    private readonly Dictionary<string, Bucket> _buckets = [];
    private readonly Queue<DateTimeOffset> _recentSends = new();
    private DateTimeOffset _globalBlockedUntil;

    public async Task WaitAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = TryTake(route);
            if (wait <= TimeSpan.Zero)
                return;
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Update(DiscordRoute route, HttpResponseHeaders headers)
    {
        var bucketId = Header(headers, "X-RateLimit-Bucket");
        if (bucketId is null)
            return;
        var remaining = Header(headers, "X-RateLimit-Remaining");
        var resetAfter = Header(headers, "X-RateLimit-Reset-After");
        lock (_lock)
        {
            PruneExpired();
            _bucketOfRoute[route.Key] = bucketId;
            var bucket = GetBucket(bucketId, route);
            if (int.TryParse(remaining, NumberStyles.Integer, CultureInfo.InvariantCulture, out var left))
                bucket.Remaining = left;
            if (double.TryParse(resetAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                bucket.ResetAt = time.GetUtcNow() + TimeSpan.FromSeconds(seconds);
        }
    }

    /// <summary>After a 429: nothing on this route (or anywhere, if global) goes out before <paramref name="retryAfter"/>.</summary>
    public void Block(DiscordRoute route, TimeSpan retryAfter, bool global)
    {
        lock (_lock)
        {
            var until = time.GetUtcNow() + retryAfter;
            if (global)
            {
                _globalBlockedUntil = until > _globalBlockedUntil ? until : _globalBlockedUntil;
                return;
            }
            if (!_bucketOfRoute.TryGetValue(route.Key, out var bucketId))
                _bucketOfRoute[route.Key] = bucketId = route.Key;
            var bucket = GetBucket(bucketId, route);
            bucket.Remaining = 0;
            bucket.ResetAt = until;
        }
    }

    private TimeSpan TryTake(DiscordRoute route)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (_globalBlockedUntil > now)
                return _globalBlockedUntil - now;
            while (_recentSends.Count > 0 && _recentSends.Peek() <= now - Window)
                _recentSends.Dequeue();
            if (!route.IsInteraction && _recentSends.Count >= options.Value.RequestsPerSecond)
                return _recentSends.Peek() + Window - now;
            var bucketId = _bucketOfRoute.GetValueOrDefault(route.Key);
            if (bucketId is not null && _buckets.TryGetValue(BucketKey(bucketId, route), out var bucket))
            {
                if (bucket.ResetAt <= now)
                    bucket.Remaining = Math.Max(bucket.Remaining, 1);
                else if (bucket.Remaining <= 0)
                    return bucket.ResetAt - now;
                bucket.Remaining--;
            }
            if (!route.IsInteraction)
                _recentSends.Enqueue(now);
            return TimeSpan.Zero;
        }
    }

    private Bucket GetBucket(string bucketId, DiscordRoute route)
    {
        var key = BucketKey(bucketId, route);
        if (!_buckets.TryGetValue(key, out var bucket))
            _buckets[key] = bucket = new Bucket { Remaining = 1, ResetAt = time.GetUtcNow() };
        return bucket;
    }

    // Each interaction token is a bucket's top-level resource, so expired buckets must not pile up.
    private void PruneExpired()
    {
        if (_buckets.Count <= PruneAbove)
            return;
        var now = time.GetUtcNow();
        foreach (var key in _buckets.Where(b => b.Value.ResetAt <= now).Select(b => b.Key).ToList())
            _buckets.Remove(key);
    }

    // Buckets are shared across routes but not across top-level resources (channel, guild, webhook).
    private static string BucketKey(string bucketId, DiscordRoute route) => $"{bucketId}:{route.MajorParameter}";

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private sealed class Bucket
    {
        public int Remaining { get; set; }
        public DateTimeOffset ResetAt { get; set; }
    }
}
