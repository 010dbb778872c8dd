using System.Globalization;

namespace VocabBot.Learning.Scores;

/// <summary>
/// A member's answers in one server on one local day of the server's zone, kept with each answer beside the
/// <see cref="ScoreTotals"/>: the /stats picture reads its 84 days from these, never the member's answers, whose
/// twelve weeks can be thousands of rows. The answer log stays the history they can be rebuilt from. PostgreSQL keeps
/// these as rows; LiteDB gathers each member's week into one <see cref="ScoreWeek"/>.
/// </summary>
internal sealed class ScoreDay
{
    public const string Format = "yyyy-MM-dd";

    /// <summary>"guild|user|yyyy-MM-dd": one member's days sit side by side in date order in the key's index.</summary>
    public string Id { get; set; } = "";
    public string GuildId { get; set; } = "";
    public string UserId { get; set; } = "";
    /// <summary>The local day (yyyy-MM-dd) in the server's zone when the answers were given.</summary>
    public string Day { get; set; } = "";
    public int Answers { get; set; }
    public int Right { get; set; }

    public static string IdOf(string guildId, string userId, string day) => $"{guildId}|{userId}|{day}";

    public static string DayText(DateOnly day) => day.ToString(Format, CultureInfo.InvariantCulture);

    public DayCount ToCount() => new(DateOnly.ParseExact(Day, Format, CultureInfo.InvariantCulture), Answers, Right);
}

/// <summary>How many answers a member gave on one local day, and how many of them were right.</summary>
internal sealed record DayCount(DateOnly Day, int Answers, int Right);
