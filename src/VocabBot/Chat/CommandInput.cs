using System.Globalization;

namespace VocabBot.Chat;

/// <summary>Parsing of typed option values into values or a one-line reply that says what was wrong.</summary>
internal static class CommandInput
{
    /// <summary>The count option: its default when absent; null with a reply when out of range or not a number.</summary>
    public static int? Count(string? value, int defaultCount, int maxCount, string command, out ChatReply? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(value))
            return defaultCount;
        if (int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count >= 1 && count <= maxCount)
            return count;
        error = ChatReply.Private($"The count must be a whole number from 1 to {maxCount}, not '{Shorten(value, 20)}'; e.g. /{command} {defaultCount}.");
        return null;
    }

    /// <summary>User text cut to a length fit to quote back in a reply.</summary>
    public static string Shorten(string value, int length) => value.Length <= length ? value : value[..length] + "…";

    /// <summary>"in 3 days", "in 5 hours", "in 12 minutes" or "now".</summary>
    public static string Until(TimeSpan span) => span switch
    {
        { TotalDays: >= 1.5 } => $"in {Math.Round(span.TotalDays):0} days",
        { TotalHours: >= 1.5 } => $"in {Math.Round(span.TotalHours):0} hours",
        { TotalMinutes: >= 1 } => $"in {Math.Ceiling(span.TotalMinutes):0} minutes",
        _ => "now",
    };
}
