using System.ComponentModel.DataAnnotations;

namespace VocabBot.Console;

/// <summary>Who the console chat speaks as: a local user in a local guild, so points and streaks work as in a server.</summary>
internal sealed class ConsoleOptions
{
    public const string Section = "Console";

    [Required]
    public string UserId { get; set; } = "console-user";

    [Required]
    public string UserName { get; set; } = "Learner";

    [Required]
    public string GuildId { get; set; } = "console";

    /// <summary>The one channel of the console's server, where what the bot posts by itself (a race) appears.</summary>
    [Required]
    public string ChannelId { get; set; } = "console";

    /// <summary>The language the console's user reads, as a locale name: en (default) or zh-TW.</summary>
    [Required]
    public string Language { get; set; } = "en";

    /// <summary>Where pictures sent with a reply are written (relative to the working folder); the chat prints each file's path.</summary>
    [Required]
    public string ImageDirectory { get; set; } = "data/images";

    /// <summary>The locale a request carries: Discord's spelling (en-US, zh-TW).</summary>
    public string Locale => Language.Equals("en", StringComparison.OrdinalIgnoreCase) ? Chat.ChatLocale.Default : Language;
}
