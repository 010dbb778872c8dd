namespace VocabBot.Learning.Review;

/// <summary>
/// One user's memory of one word, as stored in LiteDB. Keyed by user id and the word's
/// <see cref="Content.WordDocument.Key"/>, so re-importing or editing articles keeps it.
/// </summary>
internal sealed class MemoryState
{
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public string WordKey { get; set; } = "";
    public double Stability { get; set; }
    public double Difficulty { get; set; }
    public DateTimeOffset LastReview { get; set; }
    public DateTimeOffset Due { get; set; }
    public int Reviews { get; set; }
    public int Lapses { get; set; }
    public bool LastCorrect { get; set; }

    public static string IdFor(string userId, string wordKey) => $"{userId}|{wordKey}";
}
