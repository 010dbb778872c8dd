using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VocabBot.Discord;

/// <summary>One WebSocket to the gateway, carrying whole JSON payloads in both directions.</summary>
internal sealed class GatewaySocket : IDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    /// <summary>The close code Discord (or the bot) closed with, once closed.</summary>
    public int? CloseCode => (int?)_socket.CloseStatus;

    public static async Task<GatewaySocket> ConnectAsync(Uri url, CancellationToken cancellationToken)
    {
        var socket = new GatewaySocket();
        try
        {
            socket._socket.Options.SetRequestHeader("User-Agent", DiscordUserAgent.Value);
            await socket._socket.ConnectAsync(url, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async Task SendAsync(JsonNode payload, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload);
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>The next payload, or null when the socket was closed (see <see cref="CloseCode"/>).</summary>
    public async Task<JsonDocument?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.GetMemory(8 * 1024), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
                return null;
            buffer.Advance(result.Count);
            if (result.EndOfMessage)
                return JsonDocument.Parse(buffer.WrittenMemory);
        }
    }

    /// <summary>
    /// Closes with a code other than 1000/1001, which would end the session: the bot wants to resume it.
    /// </summary>
    public Task CloseForResumeAsync(CancellationToken cancellationToken) =>
        CloseAsync((WebSocketCloseStatus)4000, "reconnecting", cancellationToken);

    /// <summary>Closes with 1000 when the bot shuts down: Discord ends the session and shows the bot offline.</summary>
    public Task CloseNormallyAsync() =>
        CloseAsync(WebSocketCloseStatus.NormalClosure, "shutting down", CancellationToken.None);

    // Best effort, bounded: a dead connection is simply aborted.
    private async Task CloseAsync(WebSocketCloseStatus status, string reason, CancellationToken cancellationToken)
    {
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
            return;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await _socket.CloseOutputAsync(status, reason, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            _socket.Abort();
        }
    }

    public void Abort() => _socket.Abort();

    public void Dispose()
    {
        _socket.Dispose();
        _sendLock.Dispose();
    }
}
