using System.Text;
using VocabBot.Learning;

namespace VocabBot.Console;

/// <summary>Turns typed lines into chat requests and replies into readable text.</summary>
internal static class ConsoleRenderer
{
    /// <summary>
    /// "/quiz 3 openai" -> quiz with count=3, article=openai: an integer option takes the next token when
    /// it is a number, a string option takes one token, or the rest of the line when it is the last option.
    /// </summary>
    public static ChatRequest Parse(string line, IReadOnlyList<CommandDefinition> definitions, string userId, string userName, string guildId)
    {
        var parts = line.TrimStart('/').Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var name = parts.Length == 0 ? "" : parts[0].ToLowerInvariant();
        var rest = parts.Length > 1 ? parts[1] : "";
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var definition = definitions.FirstOrDefault(d => d.Name == name);
        var optionList = definition?.Options ?? [];
        for (var i = 0; i < optionList.Count && rest.Length > 0; i++)
        {
            var option = optionList[i];
            var token = rest.Split(' ', 2)[0];
            if (option.Type == CommandOptionType.Integer && !(char.IsAsciiDigit(token[0]) || token[0] is '-' or '+'))
                continue;
            var takesRest = option.Type == CommandOptionType.String && i == optionList.Count - 1;
            values[option.Name] = takesRest ? rest : token;
            rest = takesRest ? "" : rest[token.Length..].TrimStart();
        }

        return new ChatRequest(userId, userName, guildId, name, values);
    }

    public static string Render(ChatReply reply, IReadOnlyDictionary<ChatButton, string> keys)
    {
        var text = new StringBuilder();
        if (reply.Text.Length > 0)
            text.AppendLine(reply.Text);
        if (reply.Card is { } card)
        {
            text.AppendLine($"== {card.Title} ==");
            if (card.Description is { Length: > 0 })
                text.AppendLine(card.Description);
            foreach (var field in card.Fields)
                text.AppendLine($"{field.Name}: {field.Value.Replace("\n", "\n  ", StringComparison.Ordinal)}");
            if (card.Footer is { Length: > 0 })
                text.AppendLine(card.Footer);
        }

        foreach (var button in reply.ButtonList)
            text.AppendLine($"[{keys[button]}] {button.Label}");
        return text.ToString();
    }
}
