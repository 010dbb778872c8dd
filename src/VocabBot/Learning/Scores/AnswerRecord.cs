namespace VocabBot.Learning.Scores;

/// <summary>One answered quiz question, as stored in LiteDB: the log points, streaks and leaderboards come from.</summary>
internal sealed class AnswerRecord
{
    public int Id { get; set; }
    /// <summary>The guild answered in; "" for direct messages.</summary>
    public string GuildId { get; set; } = "";
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public string WordKey { get; set; } = "";
    public bool Correct { get; set; }
    public int Points { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>A user's place on a leaderboard.</summary>
internal sealed record Standing(int Rank, string UserId, string Name, int Points, int Answers, int Right, DateTimeOffset ReachedAt)
{
    public double Accuracy => Answers == 0 ? 0 : (double)Right / Answers;
}
