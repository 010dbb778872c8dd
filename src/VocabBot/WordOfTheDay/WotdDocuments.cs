namespace VocabBot.WordOfTheDay;

/// <summary>A channel's schedule set with /wotd-setup; its id is the channel id.</summary>
internal sealed class WotdSetupDocument
{
    public string Id { get; set; } = "";
    public string? GuildId { get; set; }
    public string Cron { get; set; } = "";
    public string TimeZone { get; set; } = "";

    /// <summary>The language of the channel's posts (zh-TW, en-US); null, as in a database from before it, is English.</summary>
    public string? Language { get; set; }
}

/// <summary>
/// A channel's word for one local day, id "channel:yyyy-MM-dd". Posted turns true only once the
/// post went through, which is what keeps a day to exactly one post across restarts and retries.
/// </summary>
internal sealed class WotdDayDocument
{
    public string Id { get; set; } = "";
    public string ChannelId { get; set; } = "";
    public string Date { get; set; } = "";
    public string WordKey { get; set; } = "";
    public bool Posted { get; set; }
    public DateTimeOffset? PostedAt { get; set; }
}

/// <summary>The words a channel has had since its cycle last started over; id is the channel id.</summary>
internal sealed class WotdHistoryDocument
{
    public string Id { get; set; } = "";
    public List<string> Seen { get; set; } = [];
}

/// <summary>One channel's schedule, from configuration or from /wotd-setup.</summary>
internal sealed record WotdSchedule(string ChannelId, string Cron, TimeZoneInfo TimeZone);

/// <summary>A channel Discord refused a post to (gone, no access, missing permissions); id is the channel id.</summary>
internal sealed class WotdRefusalDocument
{
    public string Id { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
