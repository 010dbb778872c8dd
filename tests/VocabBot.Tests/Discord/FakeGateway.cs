using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace VocabBot.Tests.Discord;

/// <summary>
/// The fake's gateway: Hello, heartbeat ACKs, Identify -> READY, Resume -> replay of missed dispatches -> RESUMED,
/// and the faults a test asks for. It serves any number of sessions, one per shard, and routes as Discord does: a
/// dispatch with a guild_id to the session whose shard is (guild_id &gt;&gt; 22) % count, one without (a DM) to shard 0.
/// The faults act on one shard's session, shard 0's unless the test names another.
/// </summary>
internal sealed partial class FakeGateway : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<FakeGatewaySession> _sessions = [];
    private readonly List<string> _received = [];
    private readonly List<Identified> _identified = [];
    private readonly List<Delivered> _delivered = [];
    private int _sessionNumber;
    private int _rejections;

    public string BaseUrl { get; set; } = "";

    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Set false to stop answering heartbeats, which makes the connection a zombie.</summary>
    public bool AcknowledgeHeartbeats { get; set; } = true;

    public Signal Changes { get; } = new();

    /// <summary>What GET /gateway/bot says about the daily identify budget.</summary>
    public int SessionStartRemaining { get; set; } = 999;

    public TimeSpan SessionStartResetAfter { get; set; } = TimeSpan.FromHours(4);

    /// <summary>What GET /gateway/bot recommends as the number of shards.</summary>
    public int RecommendedShards { get; set; } = 1;

    /// <summary>GET /gateway/bot's max_concurrency.</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>An Identify with fewer shards than this is closed with 4011 (sharding required).</summary>
    public int RequiredShards { get; set; } = 1;

    /// <summary>The clock identifies are timed by: the bot's, when a test runs it on a fake one.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>The next <paramref name="count"/> connection attempts get HTTP 503 instead of a WebSocket.</summary>
    public void RejectConnections(int count) => Interlocked.Exchange(ref _rejections, count);

    public bool TakeRejection()
    {
        var left = Volatile.Read(ref _rejections);
        while (left > 0)
        {
            var seen = Interlocked.CompareExchange(ref _rejections, left - 1, left);
            if (seen == left)
                return true;
            left = seen;
        }
        return false;
    }

    public List<string> ConnectedPaths { get; } = [];

    public List<DateTimeOffset> ConnectedAt { get; } = [];

    /// <summary>The close codes the bot closed its connections with.</summary>
    public List<int> ClosedByBotWith { get; } = [];

    public int Identifies => Count("\"op\":2");

    public int Resumes => Count("\"op\":6");

    public int Readies { get; private set; }

    public int ResumedCount { get; private set; }

    /// <summary>Every payload the bot sent, as JSON text.</summary>
    public IReadOnlyList<string> Received { get { lock (_received) return [.. _received]; } }

    /// <summary>Each Identify: its shard (null when it sent none), its token and when (on <see cref="Clock"/>) it came.</summary>
    public IReadOnlyList<Identified> IdentifiedShards { get { lock (_identified) return [.. _identified]; } }

    /// <summary>Each dispatch and the session it went to; a dispatch no session should get has Shard null.</summary>
    public IReadOnlyList<Delivered> Deliveries { get { lock (_delivered) return [.. _delivered]; } }

    public Task WaitForAsync(Func<FakeGateway, bool> condition, string what, TimeSpan? timeout = null) =>
        Changes.WaitUntilAsync(() => condition(this), what, timeout);

    /// <summary>Sends a dispatch now on the session of its shard, or keeps it for the Resume that follows a disconnect.</summary>
    public async Task DispatchAsync(string type, JsonNode data)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            var session = Route(data);
            lock (_delivered)
                _delivered.Add(new(type, (string?)data["id"], session?.Shard, session?.Token));
            if (session is null)
                return;
            var sequence = ++session.Sequence;
            session.Events.Add((sequence, type, data));
            if (session.Live is { } live)
                await FakeSocket.SendAsync(live, FakeSocket.Dispatch(sequence, type, data)).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
        Changes.Pulse();
    }

    public Task RequestHeartbeatAsync(int shard = 0) => SendLiveAsync(shard, new JsonObject { ["op"] = 1, ["d"] = null });

    public Task SendReconnectAsync(int shard = 0) => SendLiveAsync(shard, new JsonObject { ["op"] = 7, ["d"] = null });

    public async Task SendInvalidSessionAsync(bool resumable, int shard = 0)
    {
        var socket = LiveSocket(shard, forget: !resumable);
        if (socket is not null)
            await SendLockedAsync(socket, new JsonObject { ["op"] = 9, ["d"] = resumable }).ConfigureAwait(false);
    }

    /// <summary>Drops the shard's socket without a close frame, as a broken network would.</summary>
    public void Drop(int shard = 0) => TakeLive(shard, forget: false)?.Abort();

    public async Task CloseAsync(int code, int shard = 0)
    {
        var socket = TakeLive(shard, forget: code is 4007 or 4009 or 4011);
        if (socket is not null)
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, "fake close", CancellationToken.None).ConfigureAwait(false);
    }

    // Discord's sharding formula; DMs (no guild_id) go to shard 0. The newest matching session wins.
    private FakeGatewaySession? Route(JsonNode data)
    {
        var guild = data["guild_id"] is { } id ? ulong.Parse((string)id!, CultureInfo.InvariantCulture) : (ulong?)null;
        return _sessions.LastOrDefault(s => guild is { } g ? (int)((g >> 22) % (ulong)s.Shard.Count) == s.Shard.Id : s.Shard.Id == 0);
    }

    private WebSocket? LiveSocket(int shard, bool forget)
    {
        _gate.Wait();
        try
        {
            var session = _sessions.LastOrDefault(s => s.Shard.Id == shard && s.Live is not null);
            if (forget && session is not null)
                _sessions.Remove(session);
            return session?.Live;
        }
        finally
        {
            _gate.Release();
        }
    }

    private WebSocket? TakeLive(int shard, bool forget)
    {
        _gate.Wait();
        try
        {
            var session = _sessions.LastOrDefault(s => s.Shard.Id == shard && s.Live is not null);
            if (forget && session is not null)
                _sessions.Remove(session);
            return session is null ? null : Interlocked.Exchange(ref session.Live, null);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task SendLiveAsync(int shard, JsonObject payload)
    {
        if (LiveSocket(shard, forget: false) is { } socket)
            await SendLockedAsync(socket, payload).ConfigureAwait(false);
    }

    private int Count(string marker)
    {
        lock (_received)
            return _received.Count(text => text.Contains(marker, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _gate.Wait();
        foreach (var session in _sessions)
            Interlocked.Exchange(ref session.Live, null)?.Abort();
        _gate.Release();
        _gate.Dispose();
    }
}

/// <summary>A shard as Identify names it: [id, count].</summary>
internal readonly record struct FakeShard(int Id, int Count);

internal sealed record Identified(FakeShard? Shard, string Token, DateTimeOffset At);

internal sealed record Delivered(string Type, string? Id, FakeShard? Shard, string? Token);

/// <summary>One gateway session of the fake: the shard it serves, its events for replay, its live socket once READY.</summary>
internal sealed class FakeGatewaySession(string sessionId, FakeShard shard, string token)
{
    public WebSocket? Live;

    public string SessionId => sessionId;

    public FakeShard Shard => shard;

    public string Token => token;

    public int Sequence { get; set; }

    public List<(int Sequence, string Type, JsonNode Data)> Events { get; } = [];
}
