using Microsoft.Extensions.Localization;
using System.Text;
using System.Text.RegularExpressions;
using VocabBot.Chat;

namespace VocabBot.Console;

/// <summary>Turns typed lines into chat requests and replies into readable text.</summary>
internal static partial class ConsoleRenderer
{
    /// <summary>
    /// "/quiz 3 openai" -> quiz with count=3, article=openai: an integer option takes the next token when
    /// it is a number, an option with choices when it is one of them (unless it is the last option, which takes what
    /// is there, to say what was wrong), a string option takes one token, or the rest of the line when it is the last option.
    /// A command with subcommands takes the subcommand first ("/article add notes.md"); a file option is a
    /// local path.
    /// </summary>
    public static ChatRequest Parse(string line, IReadOnlyList<CommandDefinition> definitions, ConsoleOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (name, rest) = Split(line.TrimStart('/'));
        name = name.ToLowerInvariant();
        var definition = definitions.FirstOrDefault(d => d.Name == name);
        string? subcommand = null;
        if (definition is { Subcommands.Count: > 0 })
        {
            (subcommand, rest) = Split(rest);
            subcommand = subcommand.ToLowerInvariant();
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new Dictionary<string, ChatFile>(StringComparer.Ordinal);
        var optionList = definition?.OptionsOf(subcommand) ?? [];
        for (var i = 0; i < optionList.Count && rest.Length > 0; i++)
        {
            var option = optionList[i];
            var token = rest.Split(' ', 2)[0];
            if (option.Type == CommandOptionType.Integer && !(char.IsAsciiDigit(token[0]) || token[0] is '-' or '+'))
                continue;
            if (option.Choices is { Count: > 0 } choices && i < optionList.Count - 1 && !choices.Contains(token, StringComparer.OrdinalIgnoreCase))
                continue;
            var takesRest = option.Type is CommandOptionType.String or CommandOptionType.File && i == optionList.Count - 1;
            var value = takesRest ? rest : token;
            if (option.Type == CommandOptionType.File)
                files[option.Name] = new ConsoleFile(value);
            else
                values[option.Name] = value;
            rest = takesRest ? "" : rest[token.Length..].TrimStart();
        }

        // Whoever runs the console runs its one server, so the server manager's commands (/article) work there.
        return new ChatRequest(settings.UserId, settings.UserName, settings.GuildId, name, values, settings.ChannelId, IsServerManager: true)
        {
            Subcommand = subcommand,
            Files = files,
            Locale = settings.Locale,
            IsMessageManager = true,
        };
    }

    private static (string First, string Remainder) Split(string text)
    {
        var parts = text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (parts.Length == 0 ? "" : parts[0], parts.Length > 1 ? parts[1] : "");
    }

    /// <summary>The reply as text; a moment shown relative to now reads "in 15 s" from <paramref name="now"/>.</summary>
    public static string Render(ChatReply reply, IReadOnlyDictionary<ChatButton, string> keys, DateTimeOffset now, IStringLocalizer<ChatText> chat)
    {
        var text = new StringBuilder();
        string Show(string value) => ChatMarkup.RelativeToPlain(Plain(value), now, chat);
        if (reply.Text.Length > 0)
            text.AppendLine(Show(reply.Text));
        if (reply.Card is { } card)
        {
            text.AppendLine($"== {card.Title} ==");
            if (card.Description is { Length: > 0 })
                text.AppendLine(Show(card.Description));
            foreach (var field in card.Fields)
                text.AppendLine($"{field.Name}: {Show(field.Value).Replace("\n", "\n  ", StringComparison.Ordinal)}");
            if (card.Footer is { Length: > 0 })
                text.AppendLine(card.Footer);
        }

        // Buttons that are named by their key alone (a correction question's A to D) share one line.
        var bare = reply.ButtonList.Where(b => keys[b] == b.Label).Select(b => $"[{b.Label}]").ToList();
        if (bare.Count > 0)
            text.AppendLine(string.Join(' ', bare));
        foreach (var button in reply.ButtonList.Where(b => keys[b] != b.Label))
            text.AppendLine($"[{keys[button]}] {button.Label}");
        return text.ToString();
    }

    // A channel named in a reply (<#id>) reads as #id in a terminal, and a correction's marks as a word diff.
    private static string Plain(string text) => ChatMarkup.ToPlain(ChannelMention().Replace(text, "#$1"));

    [GeneratedRegex("<#([0-9]+)>")]
    private static partial Regex ChannelMention();
}
