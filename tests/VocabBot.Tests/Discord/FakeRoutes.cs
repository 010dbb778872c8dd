using System.Text.Json;
using System.Text.Json.Nodes;

namespace VocabBot.Tests.Discord;

/// <summary>What the fake answers on each REST route, and which OpenAPI schema the request body must match.</summary>
internal static class FakeRoutes
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    public static string? SchemaFor(string method, string route, string body)
    {
        if (body.Length == 0)
            return null;
        if (method == "PUT" && route.EndsWith("/commands", StringComparison.Ordinal))
            return "[]ApplicationCommandUpdateRequest";
        if (method == "POST" && route.EndsWith("/callback", StringComparison.Ordinal))
            return CallbackSchema(body);
        if (method == "PATCH" && route.EndsWith("/messages/@original", StringComparison.Ordinal))
            return "IncomingWebhookUpdateRequestPartial";
        if (method == "POST" && route.StartsWith("/webhooks/", StringComparison.Ordinal))
            return "IncomingWebhookRequestPartial";
        if (method == "POST" && route.StartsWith("/channels/", StringComparison.Ordinal))
            return "MessageCreateRequest";
        if (method == "PATCH" && route.StartsWith("/channels/", StringComparison.Ordinal))
            return "MessageEditRequestPartial";
        return $"no schema known for {method} {route}";
    }

    /// <summary>The schema of an interaction response, POSTed to the callback route or (HTTP interactions) returned as a response body.</summary>
    public static string CallbackSchema(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("type").GetInt32() switch
        {
            1 => "PongInteractionCallbackRequest",
            4 or 5 => "CreateMessageInteractionCallbackRequest",
            6 or 7 => "UpdateMessageInteractionCallbackRequest",
            8 => "ApplicationCommandAutocompleteCallbackRequest",
            var other => $"unexpected callback type {other}",
        };
    }

    public static (int Status, string Body, IReadOnlyDictionary<string, string> Headers) Answer(string method, string route, string body, FakeDiscord fake)
    {
        var limits = new Dictionary<string, string>
        {
            ["X-RateLimit-Bucket"] = "bucket-" + route.Split('/')[1],
            ["X-RateLimit-Limit"] = "50",
            ["X-RateLimit-Remaining"] = "49",
            ["X-RateLimit-Reset-After"] = "1",
        };
        return (method, route) switch
        {
            ("GET", "/gateway/bot") => (200, new JsonObject
            {
                ["url"] = fake.Gateway.BaseUrl + "/gateway",
                ["shards"] = fake.Gateway.RecommendedShards,
                ["session_start_limit"] = new JsonObject
                {
                    ["total"] = 1000,
                    ["remaining"] = fake.Gateway.SessionStartRemaining,
                    ["reset_after"] = fake.Gateway.SessionStartResetAfter.TotalMilliseconds,
                    ["max_concurrency"] = fake.Gateway.MaxConcurrency,
                },
            }.ToJsonString(), NoHeaders),
            ("GET", "/applications/@me") => (200, $$"""{"id": "{{FakeDiscord.ApplicationId}}", "name": "VocabBot"}""", limits),
            ("PUT", _) when route.EndsWith("/commands", StringComparison.Ordinal) => (200, body, limits),
            ("POST", _) when route.EndsWith("/callback", StringComparison.Ordinal) => (204, "", limits),
            ("PATCH", _) => (200, Message(), limits),
            ("DELETE", _) => (204, "", limits),
            ("POST", _) when route.StartsWith("/webhooks/", StringComparison.Ordinal) => (200, Message(), limits),
            ("POST", _) when route.StartsWith("/channels/", StringComparison.Ordinal) => (200, Message(), limits),
            _ => (404, """{"code": 0, "message": "404: Not Found"}""", NoHeaders),
        };
    }

    private static string Message() => """{"id": "300000000000000001", "channel_id": "200000000000000001", "content": ""}""";
}
