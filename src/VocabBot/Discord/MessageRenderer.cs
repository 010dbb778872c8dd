using System.Text.Json.Nodes;
using VocabBot.Chat;

namespace VocabBot.Discord;

/// <summary>
/// Turns a <see cref="ChatReply"/> into a Discord message body. Discord's limits are kept
/// here by truncating, so a long reply never comes back as a 400.
/// </summary>
internal static class MessageRenderer
{
    public const int ContentLimit = ChatLimits.Text;
    public const int TitleLimit = ChatLimits.CardTitle;
    public const int DescriptionLimit = 4096;
    public const int FieldLimit = ChatLimits.Fields;
    public const int FieldNameLimit = ChatLimits.FieldName;
    public const int FieldValueLimit = ChatLimits.FieldValue;
    public const int FooterLimit = ChatLimits.Footer;
    public const int EmbedTotalLimit = ChatLimits.CardTotal;
    public const int ButtonsPerRow = 5;
    public const int RowLimit = 5;
    public const int CustomIdLimit = 100;
    public const int LabelLimit = ChatLimits.ButtonLabel;
    public const int EphemeralFlag = 1 << 6;

    public static JsonObject Render(ChatReply reply, bool allowEphemeral = true)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var message = new JsonObject
        {
            ["content"] = Truncate(reply.Text, ContentLimit),
            ["embeds"] = reply.Card is null ? new JsonArray() : new JsonArray(RenderCard(reply.Card, reply.Image)),
            ["components"] = RenderButtons(reply.ButtonList),
            ["allowed_mentions"] = NoMentions(),
        };
        if (reply.Image is { } image)
        {
            var attachment = new JsonObject { ["id"] = "0", ["filename"] = FileName(image) };
            if (!string.IsNullOrEmpty(image.Description))
                attachment["description"] = Truncate(image.Description, 1024);
            message["attachments"] = new JsonArray(attachment);
        }
        if (allowEphemeral && reply.Ephemeral)
            message["flags"] = EphemeralFlag;
        return message;
    }

    /// <summary>Pings nobody, whatever the text says: no @everyone, roles or users.</summary>
    public static JsonObject NoMentions() => new() { ["parse"] = new JsonArray() };

    public static string Truncate(string? text, int limit)
    {
        text ??= "";
        if (text.Length <= limit)
            return text;
        var cut = limit - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
            cut--;
        return text[..cut] + "…";
    }

    /// <summary>The files a rendered reply refers to (its picture), to send beside the JSON.</summary>
    public static IReadOnlyList<DiscordFile> Files(ChatReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply.Image is { } image ? [new DiscordFile(FileName(image), image.Content)] : [];
    }

    // Discord's attachment://name takes letters, digits, dot, dash and underscore.
    private static string FileName(ChatImage image) =>
        new(Path.GetFileName(image.FileName).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());

    private static JsonObject RenderCard(ChatCard card, ChatImage? image)
    {
        // The 6000-character budget covers title, description, field names and values and footer, spent in that order.
        var budget = EmbedTotalLimit;
        string Take(string? text, int limit)
        {
            var result = Truncate(text, Math.Max(0, Math.Min(limit, budget)));
            budget -= result.Length;
            return result;
        }

        var embed = new JsonObject { ["title"] = Take(card.Title, TitleLimit) };
        if (!string.IsNullOrEmpty(card.Description))
            embed["description"] = Take(card.Description, DescriptionLimit);
        if (Uri.TryCreate(card.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            embed["url"] = url.AbsoluteUri;
        var fields = new JsonArray();
        foreach (var field in card.Fields.Take(FieldLimit))
        {
            if (budget < 2)
                break;
            var name = Take(Blank(field.Name), FieldNameLimit);
            var value = Take(Blank(field.Value), FieldValueLimit);
            if (name.Length == 0 || value.Length == 0)
                break;
            fields.Add(new JsonObject { ["name"] = name, ["value"] = value, ["inline"] = field.Inline });
        }
        embed["fields"] = fields;
        if (image is not null)
            embed["image"] = new JsonObject { ["url"] = $"attachment://{FileName(image)}" };
        if (!string.IsNullOrEmpty(card.Footer) && budget > 0)
            embed["footer"] = new JsonObject { ["text"] = Take(card.Footer, FooterLimit) };
        return embed;
    }

    private static JsonArray RenderButtons(IReadOnlyList<ChatButton> buttons)
    {
        var rows = new JsonArray();
        foreach (var chunk in buttons.Take(ButtonsPerRow * RowLimit).Chunk(ButtonsPerRow))
        {
            var row = new JsonArray();
            foreach (var button in chunk)
            {
                row.Add(new JsonObject
                {
                    ["type"] = 2,
                    ["style"] = Style(button.Style),
                    ["label"] = Truncate(Blank(button.Label), LabelLimit),
                    ["custom_id"] = button.Id.ToString(),
                    ["disabled"] = button.Disabled,
                });
            }
            rows.Add(new JsonObject { ["type"] = 1, ["components"] = row });
        }
        return rows;
    }

    // Discord rejects empty field names, values, labels and custom ids.
    private static string Blank(string? text) => string.IsNullOrWhiteSpace(text) ? "\u200b" : text;

    private static int Style(ChatButtonStyle style) => style switch
    {
        ChatButtonStyle.Primary => 1,
        ChatButtonStyle.Success => 3,
        ChatButtonStyle.Danger => 4,
        _ => 2,
    };
}
