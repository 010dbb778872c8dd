using Microsoft.Extensions.Localization;
using System.Text;
using System.Text.RegularExpressions;

namespace VocabBot.Chat;

/// <summary>
/// The little Markdown a reply may carry to show a correction: removed words as ~~struck~~, added words in
/// **bold**, and user text escaped so that its own * or ~ are shown, not read as marks. Discord shows it as it is;
/// the console prints it as a word diff, [-removed-]{+added+} (<see cref="ToPlain"/>). A moment shown relative to now
/// (<see cref="Relative"/>) is Discord's &lt;t:seconds:R&gt;, which each reader's Discord counts down in their own
/// language, so a message need not be edited every second; the console writes it as "in 15 s" (<see cref="RelativeToPlain"/>).
/// </summary>
internal static partial class ChatMarkup
{
    private const string Special = @"\*_~`|";

    public static string Removed(string text) => $"~~{text}~~";

    public static string Added(string text) => $"**{text}**";

    /// <summary>A moment as "in 15 s" or "5 s ago" from the reader's now.</summary>
    public static string Relative(DateTimeOffset at) => $"<t:{at.ToUnixTimeSeconds()}:R>";

    /// <summary>
    /// The text with each <see cref="Relative"/> moment written as "in 15 s", "5 s ago" or "now" from <paramref name="now"/>,
    /// in the language of <paramref name="text"/>'s current UI culture.
    /// </summary>
    public static string RelativeToPlain(string message, DateTimeOffset now, IStringLocalizer<ChatText> text)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(text);
        if (!message.Contains("<t:", StringComparison.Ordinal))
            return message;
        return RelativeMoment().Replace(message, m =>
        {
            var seconds = long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - now.ToUnixTimeSeconds();
            return seconds switch
            {
                > 0 => text["MomentIn", seconds],
                < 0 => text["MomentAgo", -seconds],
                _ => text["MomentNow"],
            };
        });
    }

    /// <summary>User text with the characters Markdown would read as marks escaped.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny(Special) < 0)
            return text;
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
            (Special.Contains(c, StringComparison.Ordinal) ? escaped.Append('\\') : escaped).Append(c);
        return escaped.ToString();
    }

    /// <summary>
    /// User text escaped, cut to at most <paramref name="maxLength"/> characters with "…" where it was longer: at
    /// the last space that leaves most of it, and never between an escape and its character.
    /// </summary>
    public static string EscapeWithin(string text, int maxLength)
    {
        var escaped = Escape(text);
        if (escaped.Length <= maxLength)
            return escaped;
        var cut = Math.Max(0, maxLength - 1);
        var space = escaped.LastIndexOf(' ', Math.Max(0, cut - 1));
        if (space > cut * 3 / 4)
            cut = space;
        var backslashes = 0;
        while (backslashes < cut && escaped[cut - 1 - backslashes] == '\\')
            backslashes++;
        return escaped[..(cut - (backslashes % 2))].TrimEnd() + "…";
    }

    /// <summary>
    /// The text as a terminal shows it: "~~a~~ **b**" as "[-a-]{+b+}" (git's word diff, a removal and the addition
    /// that replaces it side by side), other marks alike, and escaped characters as themselves.
    /// </summary>
    public static string ToPlain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains("~~", StringComparison.Ordinal) && !text.Contains("**", StringComparison.Ordinal) && !text.Contains('\\', StringComparison.Ordinal))
            return text;
        var plain = Replacement().Replace(text, m => m.Groups["removed"].Success
            ? $"[-{m.Groups["removed"].Value}-]" + (m.Groups["added"].Success ? $"{{+{m.Groups["added"].Value}+}}" : "")
            : $"{{+{m.Groups["alone"].Value}+}}");
        return Escaped().Replace(plain, "$1");
    }

    // A struck span, maybe followed by the bold one that replaces it, or a bold span alone; marks inside are escaped.
    [GeneratedRegex(@"~~(?<removed>(?:\\.|[^\\~])+)~~(?: ?\*\*(?<added>(?:\\.|[^\\*])+)\*\*)?|\*\*(?<alone>(?:\\.|[^\\*])+)\*\*")]
    private static partial Regex Replacement();

    [GeneratedRegex(@"<t:(-?[0-9]{1,12}):R>")]
    private static partial Regex RelativeMoment();

    [GeneratedRegex(@"\\([\\*_~`|])")]
    private static partial Regex Escaped();
}
