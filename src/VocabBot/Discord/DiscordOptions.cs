using System.ComponentModel.DataAnnotations;

namespace VocabBot.Discord;

internal sealed class DiscordOptions
{
    public const string Section = "Discord";

    /// <summary>The bot token: from Discord__Token or user secrets, never appsettings.json; never logged.</summary>
    [Required]
    public string Token { get; set; } = "";

    [Required, Url]
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>How interactions reach the bot: over its gateway connection, or as HTTP requests Discord sends to the bot's endpoint.</summary>
    public InteractionTransport Interactions { get; set; } = InteractionTransport.Gateway;

    /// <summary>How many gateway shards the bot runs in all processes together; 0 takes the number GET /gateway/bot recommends.</summary>
    [Range(0, ShardSelection.MaxShardCount)]
    public int ShardCount { get; set; }

    /// <summary>The shards this process runs, e.g. "0-3" or "0,2"; empty for all of them.</summary>
    public string? ShardIds { get; set; }

    /// <summary>
    /// How long a max_concurrency bucket stays taken after an identify. Discord allows max_concurrency identifies per
    /// 5 s; the tests shorten it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan IdentifyInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The application's public key (64 hex characters, from the developer portal) that signs HTTP interactions.</summary>
    public string? PublicKey { get; set; }

    /// <summary>Registers commands to this guild only (instant) instead of globally.</summary>
    public string? GuildId { get; set; }

    /// <summary>Discord wants an answer within 3 s; past this the bot defers and edits the reply later.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:02.500")]
    public TimeSpan DeferAfter { get; set; } = TimeSpan.FromSeconds(1.5);

    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>After an unresumable Invalid Session the docs ask for a random wait of 1 to 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan InvalidSessionMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan InvalidSessionMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    [Range(1, 10)]
    public int RestMaxAttempts { get; set; } = 4;

    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RestRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan RestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Invalid requests (401, 403, 429 not of shared scope) the bot may make in 10 minutes; past it, it holds its
    /// own requests and sends only answers to interactions. Discord bans the IP for a while at 10,000.
    /// </summary>
    [Range(1, 9000)]
    public int InvalidRequestBudget { get; set; } = 5000;

    /// <summary>A file touched on every heartbeat ACK while the gateway is healthy, for a container HEALTHCHECK.</summary>
    public string? LivenessFile { get; set; }

    /// <summary>An interaction older than this when it reaches the bot (a replay after RESUME) cannot be answered any more.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:15:00")]
    public TimeSpan InteractionMaxAge { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The only hosts the bot downloads attached files from; unset means Discord's own (cdn.discordapp.com, media.discordapp.net).</summary>
    public string[]? AttachmentHosts { get; set; }

    // Not a default on the property: the configuration binder appends to a list it finds filled.
    public IReadOnlyList<string> AllowedAttachmentHosts =>
        AttachmentHosts is { Length: > 0 } hosts ? hosts : ["cdn.discordapp.com", "media.discordapp.net"];

    [Range(typeof(TimeSpan), "00:00:00.100", "00:02:00")]
    public TimeSpan AttachmentTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Discord's global limit is 50 requests a second per bot.</summary>
    [Range(1, 50)]
    public int RequestsPerSecond { get; set; } = 50;
}

/// <summary>Gateway: a WebSocket connection the bot opens. Http: Discord POSTs each interaction to the bot's /interactions.</summary>
internal enum InteractionTransport { Gateway, Http }
