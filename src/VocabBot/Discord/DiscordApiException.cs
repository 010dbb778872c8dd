namespace VocabBot.Discord;

/// <summary>
/// Discord refused a request (4xx other than 429), kept failing after retries, or the bot held the request
/// back to keep its standing with Discord (a refused token, the invalid-request budget used up).
/// </summary>
internal sealed class DiscordApiException(string message, int? statusCode = null, int? errorCode = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>The HTTP status Discord answered with; null when nothing came back.</summary>
    public int? StatusCode { get; } = statusCode;

    /// <summary>Discord's JSON error code, e.g. 50035 for an invalid form body.</summary>
    public int? ErrorCode { get; } = errorCode;
}
