using System.Globalization;
using Microsoft.Extensions.Localization;

namespace VocabBot.Chat;

/// <summary>Parsing of typed option values into values or a one-line reply that says what was wrong.</summary>
internal static class CommandInput
{
    /// <summary>The count option: its default when absent; null with a reply when out of range or not a number.</summary>
    public static int? Count(IStringLocalizer<ChatText> text, string? value, int defaultCount, int maxCount, string command, out ChatReply? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(value))
            return defaultCount;
        if (int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count >= 1 && count <= maxCount)
            return count;
        ArgumentNullException.ThrowIfNull(text);
        error = ChatReply.Private(text["CountInvalid", maxCount, Shorten(value, 20), command, defaultCount]);
        return null;
    }

    /// <summary>User text cut to a length fit to quote back in a reply.</summary>
    public static string Shorten(string value, int length) => value.Length <= length ? value : value[..length] + "…";

    /// <summary>"in 3 days", "in 5 hours", "in 12 minutes", "in 1 minute" or "now".</summary>
    public static string Until(IStringLocalizer<ChatText> text, TimeSpan span)
    {
        ArgumentNullException.ThrowIfNull(text);
        return span switch
        {
            { TotalDays: >= 1.5 } => text["UntilDays", Math.Round(span.TotalDays)],
            { TotalHours: >= 1.5 } => text["UntilHours", Math.Round(span.TotalHours)],
            { TotalMinutes: > 1 } => text["UntilMinutes", Math.Ceiling(span.TotalMinutes)],
            { TotalMinutes: >= 1 } => text["UntilMinute"],
            _ => text["UntilNow"],
        };
    }
}
