using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VocabBot.Discord;

/// <summary>Reads what Discord answered: a body, a 429's wait, an error's code and message.</summary>
internal static class DiscordResponses
{
    public static string? Scope(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-RateLimit-Scope", out var values) ? values.FirstOrDefault() : null;

    public static async Task<JsonElement?> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
            return null;
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
            return null;
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static async Task<(TimeSpan RetryAfter, bool Global)> ReadRetryAfterAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var seconds = 1.0;
        var global = response.Headers.Contains("X-RateLimit-Global");
        try
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
            if (body.TryGetProperty("retry_after", out var retryAfter) && retryAfter.TryGetDouble(out var value))
                seconds = value;
            if (body.TryGetProperty("global", out var isGlobal) && isGlobal.ValueKind == JsonValueKind.True)
                global = true;
        }
        catch (JsonException)
        {
            if (response.Headers.TryGetValues("Retry-After", out var values)
                && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var header))
                seconds = header;
        }
        return (TimeSpan.FromSeconds(Math.Clamp(seconds, 0, 3600)), global);
    }

    public static async Task<(int? Code, string Message)> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            int? code = root.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : null;
            var message = root.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
            if (root.TryGetProperty("errors", out var errors))
                message += " " + errors.GetRawText();
            return (code, message);
        }
        catch (JsonException)
        {
            return (null, text.Length > 500 ? text[..500] : text);
        }
    }
}
