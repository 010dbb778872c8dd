using System.ComponentModel.DataAnnotations;

namespace VocabBot.Console;

/// <summary>Who the console chat speaks as: a local user in a local guild, so points and streaks work as in a server.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    [Required]
    public string UserId { get; set; } = "console-user";

    [Required]
    public string UserName { get; set; } = "Learner";

    [Required]
    public string GuildId { get; set; } = "console";
}
