using Markdig.Extensions.Yaml;

namespace VocabBot.Content;

/// <summary>Reads the flat `key: value` lines of an article's front matter.</summary>
internal static class FrontMatter
{
    public sealed record Field(string Value, int Line);

    public static Dictionary<string, Field> Read(YamlFrontMatterBlock block)
    {
        var fields = new Dictionary<string, Field>(StringComparer.OrdinalIgnoreCase);
        var lines = block.Lines.Lines;
        for (var i = 0; i < block.Lines.Count; i++)
        {
            var text = lines[i].Slice.ToString();
            var colon = text.IndexOf(':');
            if (colon <= 0 || text.TrimStart().StartsWith('#'))
                continue;
            var key = text[..colon].Trim().ToLowerInvariant();
            fields.TryAdd(key, new Field(Unquote(text[(colon + 1)..].Trim()), lines[i].Line + 1));
        }

        return fields;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0]
            ? value[1..^1].Trim()
            : value;
}
