using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace VocabBot.Tests.Discord;

/// <summary>The fake gateway's side of a WebSocket: whole JSON text messages.</summary>
internal static class FakeSocket
{
    public static JsonObject Dispatch(int sequence, string type, JsonNode data) =>
        new() { ["op"] = 0, ["s"] = sequence, ["t"] = type, ["d"] = data.DeepClone() };

    public static async Task SendAsync(WebSocket socket, JsonObject payload)
    {
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(payload.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
        {
            // The bot went away; a Resume will replay what it missed.
        }
    }

    public static async Task<string?> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
                return null;
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
                return Encoding.UTF8.GetString(message.ToArray());
        }
    }
}
