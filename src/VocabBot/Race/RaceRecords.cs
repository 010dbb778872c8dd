using VocabBot.Learning.Quiz;

namespace VocabBot.Race;

/// <summary>
/// A race as stored: its questions, and where it stands. Round <see cref="Current"/> is open while
/// <see cref="Closed"/> is below it, and closed (points given) once <see cref="Closed"/> reaches it; the next round
/// opens only after that. Its buttons carry "race:{Id}:{round}:{letter}".
/// </summary>
internal sealed class RaceRecord
{
    public string Id { get; set; } = "";
    public string GuildId { get; set; } = "";
    public string ChannelId { get; set; } = "";
    public string StarterId { get; set; } = "";
    public string StarterName { get; set; } = "";

    /// <summary>The language the race's posts are written in: the server's, as the start request gave it.</summary>
    public string Locale { get; set; } = "";

    public TimeSpan AnswerTime { get; set; }
    public List<QuizQuestion> Questions { get; set; } = [];
    public int Current { get; set; }

    /// <summary>The last round closed, -1 before the first closes.</summary>
    public int Closed { get; set; } = -1;

    /// <summary>When round <see cref="Current"/> closes at the latest.</summary>
    public DateTimeOffset Deadline { get; set; }

    /// <summary>The posted question of round <see cref="Current"/>; null until it is posted.</summary>
    public string? MessageId { get; set; }

    public bool StopRequested { get; set; }
    public string? StoppedBy { get; set; }
    public bool Finished { get; set; }
    public DateTimeOffset StartedAt { get; set; }

    public bool RoundOpen => !Finished && Closed < Current;
}

/// <summary>
/// One member's answer to one round: stored once, whoever clicks how often (the key is race, round and member).
/// <see cref="Seq"/> orders the answers of a race as they were accepted, which decides who was first.
/// </summary>
internal sealed record RaceAnswer(string RaceId, int Round, string UserId, string UserName, int Option, bool Correct, DateTimeOffset At)
{
    public long Seq { get; init; }
}

/// <summary>What became of a click on an answer button.</summary>
internal enum AnswerOutcome { Accepted, AlreadyAnswered, RoundOver }
