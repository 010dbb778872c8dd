using System.Globalization;
using System.Text.Json.Nodes;

namespace VocabBot.Tests.Discord;

/// <summary>The REST faults a test asks the fake for: errors as Discord words them, 429s, 5xx, answers that never come.</summary>
internal sealed partial class FakeDiscord
{
    private readonly List<RestFault> _faults = [];

    /// <summary>The next request whose path contains <paramref name="pathPart"/> gets this answer instead (faults for a path in the order asked).</summary>
    public void FailNext(string pathPart, int status, string body = "", IReadOnlyDictionary<string, string>? headers = null, TimeSpan delay = default) =>
        AddFault(new RestFault(pathPart, status, body, headers ?? new Dictionary<string, string>(), delay, Processed: false));

    /// <summary>The next request whose path contains <paramref name="pathPart"/> gets this error, worded as Discord words it.</summary>
    public void FailNextWith(string pathPart, DiscordError error) => FailNext(pathPart, error.Status, error.Body);

    /// <summary>
    /// The next request whose path contains <paramref name="pathPart"/> gets a 429 of this X-RateLimit-Scope
    /// (user, global or shared), body and headers as in Discord's examples.
    /// </summary>
    public void RateLimitNext(string pathPart, string scope, double retryAfterSeconds = 0)
    {
        var global = scope == "global";
        var message = scope == "shared" ? "The resource is being rate limited." : "You are being rate limited.";
        var body = new JsonObject { ["message"] = message, ["retry_after"] = retryAfterSeconds, ["global"] = global };
        var headers = new Dictionary<string, string>
        {
            ["Retry-After"] = Math.Ceiling(retryAfterSeconds).ToString(CultureInfo.InvariantCulture),
            ["X-RateLimit-Scope"] = scope,
        };
        if (global)
            headers["X-RateLimit-Global"] = "true";
        FailNext(pathPart, 429, body.ToJsonString(), headers);
    }

    /// <summary>The next request whose path contains <paramref name="pathPart"/> gets no answer until the bot gives up on it.</summary>
    public void HoldNext(string pathPart) => FailNext(pathPart, 200, "{}", delay: Timeout.InfiniteTimeSpan);

    /// <summary>
    /// The next request whose path contains <paramref name="pathPart"/> is carried out, but its answer is this
    /// error: Discord's 5xx does not promise that nothing happened.
    /// </summary>
    public void FailNextAfterDoingIt(string pathPart, int status) =>
        AddFault(new RestFault(pathPart, status, "", new Dictionary<string, string>(), default, Processed: true));

    private RestFault? TakeFault(string route)
    {
        lock (_faults)
        {
            var index = _faults.FindIndex(f => route.Contains(f.PathPart, StringComparison.Ordinal));
            if (index < 0)
                return null;
            var fault = _faults[index];
            _faults.RemoveAt(index);
            return fault;
        }
    }

    private void AddFault(RestFault fault)
    {
        lock (_faults)
            _faults.Add(fault);
    }

    private sealed record RestFault(string PathPart, int Status, string Body, IReadOnlyDictionary<string, string> Headers, TimeSpan Delay, bool Processed);
}
