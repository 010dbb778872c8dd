using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace VocabBot.Tests.Discord;

/// <summary>One WebSocket connection to the fake gateway, from Hello until either side closes it.</summary>
internal sealed partial class FakeGateway
{
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
            await _gate.WaitAsync().ConfigureAwait(false);
            foreach (var session in _sessions)
                Interlocked.CompareExchange(ref session.Live, null, socket);
            _gate.Release();
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
                await IdentifyAsync(socket, data!).ConfigureAwait(false);
                break;
            case 6:
                await ResumeAsync(socket, (string?)data?["session_id"], (int?)data?["seq"] ?? 0).ConfigureAwait(false);
                break;
        }
    }

    // As Discord: a shard outside its count is 4010, too few shards for the bot's servers 4011.
    private async Task IdentifyAsync(WebSocket socket, JsonNode data)
    {
        var shard = data["shard"] is JsonArray { Count: 2 } pair ? new FakeShard((int)pair[0]!, (int)pair[1]!) : (FakeShard?)null;
        lock (_identified)
            _identified.Add(new(shard, (string?)data["token"] ?? "", Clock.GetUtcNow()));
        var (id, count) = shard ?? new FakeShard(0, 1);
        if (id < 0 || count < 1 || id >= count || count < RequiredShards)
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)(count < RequiredShards ? 4011 : 4010), "fake close", CancellationToken.None).ConfigureAwait(false);
            return;
        }
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            // A new Identify for a shard replaces its old session: the old one's events are not replayed to anyone.
            _sessions.RemoveAll(s => s.Shard == new FakeShard(id, count));
            var session = new FakeGatewaySession($"session-{++_sessionNumber}", new(id, count), (string?)data["token"] ?? "");
            var ready = new JsonObject
            {
                ["v"] = 10,
                ["user"] = new JsonObject { ["id"] = FakeDiscord.ApplicationId, ["username"] = "vocabbot", ["bot"] = true },
                ["guilds"] = new JsonArray(),
                ["session_id"] = session.SessionId,
                ["resume_gateway_url"] = BaseUrl + "/resume-gateway",
                ["application"] = new JsonObject { ["id"] = FakeDiscord.ApplicationId, ["flags"] = 0 },
                ["shard"] = new JsonArray(id, count),
            };
            await FakeSocket.SendAsync(socket, FakeSocket.Dispatch(++session.Sequence, "READY", ready)).ConfigureAwait(false);
            session.Live = socket;
            _sessions.Add(session);
            Readies++;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ResumeAsync(WebSocket socket, string? sessionId, int sequence)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_sessions.FirstOrDefault(s => s.SessionId == sessionId) is not { } session)
            {
                await FakeSocket.SendAsync(socket, new JsonObject { ["op"] = 9, ["d"] = false }).ConfigureAwait(false);
                return;
            }
            foreach (var (s, type, data) in session.Events.Where(e => e.Sequence > sequence))
                await FakeSocket.SendAsync(socket, FakeSocket.Dispatch(s, type, data)).ConfigureAwait(false);
            await FakeSocket.SendAsync(socket, FakeSocket.Dispatch(++session.Sequence, "RESUMED", new JsonObject())).ConfigureAwait(false);
            session.Live = socket;
            ResumedCount++;
        }
        finally
        {
            _gate.Release();
        }
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
}
