namespace VocabBot.Discord;

/// <summary>What the bot must remember across connections to resume a gateway session.</summary>
internal sealed class GatewaySession
{
    private long _sequence = -1;

    public string? SessionId { get; private set; }

    public Uri? ResumeUrl { get; private set; }

    /// <summary>The last dispatch sequence number received; heartbeats (another thread) and Resume carry it.</summary>
    public long? Sequence
    {
        get => Interlocked.Read(ref _sequence) is var sequence and >= 0 ? sequence : null;
        set => Interlocked.Exchange(ref _sequence, value ?? -1);
    }

    public string? ApplicationId { get; set; }

    public bool CanResume => SessionId is not null && ResumeUrl is not null;

    public void Start(string sessionId, Uri resumeUrl)
    {
        SessionId = sessionId;
        ResumeUrl = resumeUrl;
    }

    /// <summary>Forgets the session: the next connection identifies anew.</summary>
    public void Reset()
    {
        SessionId = null;
        ResumeUrl = null;
        Sequence = null;
    }

    /// <summary>The gateway URL with the version and encoding the bot speaks.</summary>
    public static Uri WithQuery(string url)
    {
        var builder = new UriBuilder(url) { Query = "v=10&encoding=json" };
        if (string.IsNullOrEmpty(builder.Path))
            builder.Path = "/";
        return builder.Uri;
    }
}

internal enum GatewayOutcomeKind { Resume, Reidentify, Failed, Fatal, ShardingRequired, Stopped }

/// <summary>How a connection ended and what the bot should do next.</summary>
internal sealed record GatewayOutcome(GatewayOutcomeKind Kind, string Reason, bool Established, TimeSpan Delay = default);
