using System.ComponentModel.DataAnnotations;

namespace VocabBot.Learning;

internal sealed class LearningOptions : IValidatableObject
{
    public const string Section = "Learning";

    /// <summary>The IANA time zone that day streaks count local days in, unless a guild has its own.</summary>
    [Required]
    public string DefaultTimeZone { get; set; } = "Asia/Taipei";

    /// <summary>Per-guild IANA time zones, by guild id.</summary>
    public Dictionary<string, string> GuildTimeZones { get; set; } = [];

    /// <summary>How long a quiz waits for its next answer before it is abandoned.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan QuizExpiry { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a race question waits for answers when /race start does not say (its seconds option: 10 to 60).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "00:01:00")]
    public TimeSpan RaceAnswerTime { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The time zone a guild's days are counted in; direct messages (no guild) use the default.</summary>
    public TimeZoneInfo ZoneFor(string? guildId) =>
        TimeZoneInfo.FindSystemTimeZoneById(
            guildId is not null && GuildTimeZones.TryGetValue(guildId, out var zone) ? zone : DefaultTimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var zones = GuildTimeZones.Select(g => (Name: $"{nameof(GuildTimeZones)}:{g.Key}", Zone: g.Value))
            .Prepend((Name: nameof(DefaultTimeZone), Zone: DefaultTimeZone));
        foreach (var (name, zone) in zones)
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone ?? "", out _))
                yield return new ValidationResult($"'{zone}' is not a known IANA time zone (e.g. Asia/Taipei)", [name]);
        }
    }
}
