using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace VocabBot.Tests.Discord;

/// <summary>
/// The fake's gateway: Hello, heartbeat ACKs, Identify -> READY, Resume -> replay of missed
/// dispatches -> RESUMED, and the faults a test asks for.
/// </summary>
internal sealed class FakeGateway : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<(int Sequence, string Type, JsonNode Data)> _events = [];
    private readonly List<string> _received = [];
    private WebSocket? _live;
    private string? _sessionId;
    private int _sequence;
    private int _sessions;
    private int _rejections;

    public string BaseUrl { get; set; } = "";

    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Set false to stop answering heartbeats, which makes the connection a zombie.</summary>
    public bool AcknowledgeHeartbeats { get; set; } = true;

    public Signal Changes { get; } = new();

    /// <summary>What GET /gateway/bot says about the daily identify budget.</summary>
    public int SessionStartRemaining { get; set; } = 999;

    public TimeSpan SessionStartResetAfter { get; set; } = TimeSpan.FromHours(4);

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

    public Task RequestHeartbeatAsync() => SendLiveAsync(new JsonObject { ["op"] = 1, ["d"] = null });

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

    public Task WaitForAsync(Func<FakeGateway, bool> condition, string what) =>
        Changes.WaitUntilAsync(() => condition(this), what);

    /// <summary>Sends a dispatch now, or keeps it for the Resume that follows a disconnect.</summary>
    public async Task DispatchAsync(string type, JsonNode data)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            var sequence = ++_sequence;
            _events.Add((sequence, type, data));
            if (_live is not null)
                await FakeSocket.SendAsync(_live, FakeSocket.Dispatch(sequence, type, data)).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task SendReconnectAsync() => SendLiveAsync(new JsonObject { ["op"] = 7, ["d"] = null });

    public async Task SendInvalidSessionAsync(bool resumable)
    {
        if (!resumable)
            _sessionId = null;
        await SendLiveAsync(new JsonObject { ["op"] = 9, ["d"] = resumable }).ConfigureAwait(false);
    }

    /// <summary>Drops the socket without a close frame, as a broken network would.</summary>
    public void Drop() => Interlocked.Exchange(ref _live, null)?.Abort();

    public async Task CloseAsync(int code)
    {
        if (code is 4007 or 4009)
            _sessionId = null;
        var socket = Interlocked.Exchange(ref _live, null);
        if (socket is not null)
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, "fake close", CancellationToken.None).ConfigureAwait(false);
    }

    public async Task AcceptAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        lock (ConnectedPaths)
        {
            ConnectedPaths.Add(context.Request.Path + context.Request.QueryString);
            ConnectedAt.Add(DateTimeOffset.UtcNow);
        }
        Changes.Pulse();
        try
        {
            await FakeSocket.SendAsync(socket, new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = HeartbeatInterval.TotalMilliseconds } }).ConfigureAwait(false);
            while (await FakeSocket.ReceiveAsync(socket, context.RequestAborted).ConfigureAwait(false) is { } text)
            {
                lock (_received)
                    _received.Add(text);
                await HandleAsync(socket, JsonNode.Parse(text)!).ConfigureAwait(false);
                Changes.Pulse();
            }
            lock (ClosedByBotWith)
                ClosedByBotWith.Add((int?)socket.CloseStatus ?? 0);
            if (socket.State == WebSocketState.CloseReceived)
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }
        finally
        {
            Interlocked.CompareExchange(ref _live, null, socket);
            Changes.Pulse();
        }
    }

    private async Task HandleAsync(WebSocket socket, JsonNode payload)
    {
        var data = payload["d"];
        switch ((int)payload["op"]!)
        {
            case 1 when AcknowledgeHeartbeats:
                await SendLockedAsync(socket, new JsonObject { ["op"] = 11 }).ConfigureAwait(false);
                break;
            case 2:
                await _gate.WaitAsync().ConfigureAwait(false);
                try
                {
                    _sessionId = $"session-{++_sessions}";
                    _events.Clear();
                    _sequence = 0;
                    var ready = new JsonObject
                    {
                        ["v"] = 10,
                        ["user"] = new JsonObject { ["id"] = FakeDiscord.ApplicationId, ["username"] = "vocabbot", ["bot"] = true },
                        ["guilds"] = new JsonArray(),
                        ["session_id"] = _sessionId,
                        ["resume_gateway_url"] = BaseUrl + "/resume-gateway",
                        ["application"] = new JsonObject { ["id"] = FakeDiscord.ApplicationId, ["flags"] = 0 },
                    };
                    await FakeSocket.SendAsync(socket, FakeSocket.Dispatch(++_sequence, "READY", ready)).ConfigureAwait(false);
                    _live = socket;
                    Readies++;
                }
                finally
                {
                    _gate.Release();
                }
                break;
            case 6:
                await ResumeAsync(socket, (string?)data?["session_id"], (int?)data?["seq"] ?? 0).ConfigureAwait(false);
                break;
        }
    }

    private async Task ResumeAsync(WebSocket socket, string? sessionId, int sequence)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (sessionId is null || sessionId != _sessionId)
            {
                await FakeSocket.SendAsync(socket, new JsonObject { ["op"] = 9, ["d"] = false }).ConfigureAwait(false);
                return;
            }
            foreach (var (s, type, data) in _events.Where(e => e.Sequence > sequence))
                await FakeSocket.SendAsync(socket, FakeSocket.Dispatch(s, type, data)).ConfigureAwait(false);
            await FakeSocket.SendAsync(socket, FakeSocket.Dispatch(++_sequence, "RESUMED", new JsonObject())).ConfigureAwait(false);
            _live = socket;
            ResumedCount++;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task SendLiveAsync(JsonObject payload)
    {
        if (_live is { } socket)
            await SendLockedAsync(socket, payload).ConfigureAwait(false);
    }

    private async Task SendLockedAsync(WebSocket socket, JsonObject payload)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await FakeSocket.SendAsync(socket, payload).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private int Count(string marker)
    {
        lock (_received)
            return _received.Count(text => text.Contains(marker, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        Drop();
        _gate.Dispose();
    }
}
