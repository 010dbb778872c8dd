using System.Text.Json.Nodes;

namespace VocabBot.Discord;

/// <summary>Gateway opcodes and the payloads the bot sends.</summary>
internal static class GatewayPayloads
{
    public const int Dispatch = 0;
    public const int Heartbeat = 1;
    public const int IdentifyOp = 2;
    public const int ResumeOp = 6;
    public const int Reconnect = 7;
    public const int InvalidSession = 9;
    public const int Hello = 10;
    public const int HeartbeatAck = 11;

    public static JsonObject HeartbeatPayload(long? sequence) => new() { ["op"] = Heartbeat, ["d"] = sequence };

    // Intents 0: interactions arrive without any intent. The shard is sent for one shard too ([0, 1]), which Discord allows.
    public static JsonObject Identify(string token, int shardId, int shardCount) => new()
    {
        ["op"] = IdentifyOp,
        ["d"] = new JsonObject
        {
            ["token"] = token,
            ["intents"] = 0,
            ["shard"] = new JsonArray(shardId, shardCount),
            ["properties"] = new JsonObject { ["os"] = Environment.OSVersion.Platform.ToString().ToLowerInvariant(), ["browser"] = "vocabbot", ["device"] = "vocabbot" },
        },
    };

    public static JsonObject Resume(string token, GatewaySession session) => new()
    {
        ["op"] = ResumeOp,
        ["d"] = new JsonObject { ["token"] = token, ["session_id"] = session.SessionId, ["seq"] = session.Sequence },
    };
}
