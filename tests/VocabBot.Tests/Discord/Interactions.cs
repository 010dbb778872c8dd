using System.Text.Json.Nodes;

namespace VocabBot.Tests.Discord;

/// <summary>INTERACTION_CREATE payloads as Discord sends them, in a guild (member.user) or a DM (user).</summary>
internal static class Interactions
{
    public const string GuildId = "400000000000000001";
    public const string ChannelId = "200000000000000001";
    private static int _next;

    private static readonly DateTimeOffset DiscordEpoch = new(2015, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A snowflake made now by <paramref name="time"/> (default: the system clock the harness's bot runs on),
    /// as Discord makes an interaction's id: the bot reads an interaction's age from it.
    /// </summary>
    public static string NewId(TimeProvider? time = null) => IdAt((time ?? TimeProvider.System).GetUtcNow());

    public static string IdAt(DateTimeOffset created)
    {
        var milliseconds = (ulong)(created - DiscordEpoch).TotalMilliseconds;
        var sequence = (ulong)Interlocked.Increment(ref _next) & 0x3FFFFF;
        return ((milliseconds << 22) | sequence).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string TokenOf(string id) => $"interaction-token-{id}";

    public static JsonObject Command(string id, string name, JsonObject? options = null, bool inGuild = true, string userId = "600000000000000001", bool manager = false)
    {
        var data = new JsonObject { ["id"] = "700000000000000001", ["name"] = name, ["type"] = 1 };
        if (options is not null)
        {
            data["options"] = new JsonArray([.. options.Select(o => (JsonNode)new JsonObject
            {
                ["name"] = o.Key,
                ["type"] = o.Value!.GetValueKind() == System.Text.Json.JsonValueKind.Number ? 4 : 3,
                ["value"] = o.Value.DeepClone(),
            })]);
        }
        return Interaction(id, 2, data, inGuild, userId, manager);
    }

    /// <summary>
    /// /article add file:&lt;attachment&gt;, as Discord sends it: the option holds the attachment's id, data.resolved
    /// describes it (its file name, size and url).
    /// </summary>
    public static JsonObject ArticleAdd(string url, string fileName, long size, bool manager = false)
    {
        var interaction = Command(NewId(), "article", manager: manager);
        var data = interaction["data"]!.AsObject();
        data["options"] = new JsonArray(new JsonObject
        {
            ["type"] = 1,
            ["name"] = "add",
            ["options"] = new JsonArray(new JsonObject { ["type"] = 11, ["name"] = "file", ["value"] = "900000000000000001" }),
        });
        data["resolved"] = new JsonObject
        {
            ["attachments"] = new JsonObject
            {
                ["900000000000000001"] = new JsonObject
                {
                    ["id"] = "900000000000000001",
                    ["filename"] = fileName,
                    ["size"] = size,
                    ["url"] = url,
                    ["content_type"] = "text/markdown; charset=utf-8",
                },
            },
        };
        return interaction;
    }

    public static JsonObject Autocomplete(string id, string command, string option, string typed, bool inGuild = true) =>
        Interaction(id, 4, new JsonObject
        {
            ["id"] = "700000000000000001",
            ["name"] = command,
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject { ["name"] = option, ["type"] = 3, ["value"] = typed, ["focused"] = true }),
        }, inGuild, "600000000000000001", false);

    public static JsonObject Click(string id, string customId, bool inGuild = true, string userId = "600000000000000001") =>
        Interaction(id, 3, new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 }, inGuild, userId, false);

    private static JsonObject Interaction(string id, int type, JsonObject data, bool inGuild, string userId, bool manager)
    {
        var user = new JsonObject { ["id"] = userId, ["username"] = "ada", ["global_name"] = "Ada", ["discriminator"] = "0" };
        var interaction = new JsonObject
        {
            ["id"] = id,
            ["application_id"] = FakeDiscord.ApplicationId,
            ["type"] = type,
            ["data"] = data,
            ["channel_id"] = ChannelId,
            ["token"] = TokenOf(id),
            ["version"] = 1,
            ["locale"] = "en-US",
        };
        if (inGuild)
        {
            interaction["guild_id"] = GuildId;
            interaction["member"] = new JsonObject { ["user"] = user, ["nick"] = "Ada in the guild", ["permissions"] = manager ? "32" : "1024" };
        }
        else
        {
            interaction["user"] = user;
        }
        return interaction;
    }
}
