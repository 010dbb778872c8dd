using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace VocabBot.Tests.Discord;

/// <summary>
/// Validates request bodies against Discord's own OpenAPI description: shared/discord/openapi.json
/// beside the repository checkout, else its identical copy in TestData/discord.
/// </summary>
internal static class OpenApiSchemas
{
    private static readonly Uri SpecUri = new("https://discord.test/openapi.json");
    private static readonly Lazy<SchemaRegistry> Registry = new(LoadRegistry);
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new();

    public static string SpecPath { get; } = FindSpec();

    /// <summary>Errors of <paramref name="body"/> against the component schema (or "[]Name" for an array of it); empty when valid.</summary>
    public static IReadOnlyList<string> Validate(string schemaName, string body)
    {
        var schema = Schemas.GetOrAdd(schemaName, Build);
        using var document = JsonDocument.Parse(body);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
            return [];
        return [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{schemaName} {d.InstanceLocation} ({d.EvaluationPath}): {e.Key} {e.Value}"))
            .DefaultIfEmpty($"{schemaName}: invalid")];
    }

    private static JsonSchema Build(string schemaName)
    {
        var isArray = schemaName.StartsWith("[]", StringComparison.Ordinal);
        var reference = $"{SpecUri}#/components/schemas/{schemaName.TrimStart('[', ']')}";
        var schema = isArray
            ? new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = reference } }
            : new JsonObject { ["$ref"] = reference };
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        return JsonSchema.FromText(schema.ToJsonString(), new BuildOptions { SchemaRegistry = Registry.Value });
    }

    private static SchemaRegistry LoadRegistry()
    {
        var spec = JsonNode.Parse(File.ReadAllText(SpecPath))!;
        // Known quirk of the spec: it types default_member_permissions as integer|null, while the docs
        // (which win where they differ) send a permission bit set as a string, e.g. "32".
        spec["components"]!["schemas"]!["ApplicationCommandUpdateRequest"]!["properties"]!["default_member_permissions"] =
            JsonNode.Parse("""{ "type": ["string", "integer", "null"], "pattern": "^[0-9]+$" }""");
        RemoveExtensions(spec);
        var registry = new SchemaRegistry();
        using var document = JsonDocument.Parse(spec.ToJsonString());
        registry.Register(new JsonElementBaseDocument(document.RootElement.Clone(), SpecUri));
        return registry;
    }

    // The spec's x-discord-* keys are annotations for code generators; the 2020-12 dialect refuses unknown keywords.
    private static void RemoveExtensions(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            foreach (var key in obj.Select(p => p.Key).Where(k => k.StartsWith("x-", StringComparison.Ordinal)).ToList())
                obj.Remove(key);
            foreach (var (_, child) in obj)
                RemoveExtensions(child);
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
                RemoveExtensions(child);
        }
    }

    /// <summary>The spec shared beside the checkout, else the copy in the test data (the image build has no shared/).</summary>
    internal static string FindSpec() => SharedSpec() ?? Path.Combine(AppContext.BaseDirectory, "TestData", "discord", "openapi.json");

    internal static string? SharedSpec()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "discord", "openapi.json");
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }
}
