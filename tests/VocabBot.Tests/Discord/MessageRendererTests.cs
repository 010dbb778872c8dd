using System.Text.Json.Nodes;
using VocabBot.Discord;
using VocabBot.Learning;

using VocabBot.Chat;

namespace VocabBot.Tests.Discord;

public sealed class MessageRendererTests
{
    [Fact]
    public void Render_OversizedReply_IsTruncatedToDiscordsLimits()
    {
        var fields = Enumerable.Range(0, 30).Select(i => new ChatCardField(new string('n', 300), new string('v', 2000))).ToList();
        var card = new ChatCard(new string('t', 300), fields, new string('d', 5000), new string('f', 3000), "https://example.org/apple");
        var buttons = Enumerable.Range(0, 30).Select(i => new ChatButton(new string('l', 100), new ButtonId($"{i:D3}", new string('i', 96)))).ToList();

        var message = MessageRenderer.Render(new ChatReply(new string('c', 2500), card, buttons));

        Assert.Equal(2000, ((string)message["content"]!).Length);
        var embed = message["embeds"]![0]!;
        Assert.Equal(256, ((string)embed["title"]!).Length);
        Assert.Equal(4096, ((string)embed["description"]!).Length);
        var renderedFields = embed["fields"]!.AsArray();
        Assert.InRange(renderedFields.Count, 1, 25);
        Assert.All(renderedFields, f => Assert.InRange(((string)f!["value"]!).Length, 1, 1024));
        Assert.InRange(EmbedLength(embed), 1, 6000);
        var rows = message["components"]!.AsArray();
        Assert.Equal(5, rows.Count);
        var rendered = rows.SelectMany(r => r!["components"]!.AsArray()).ToList();
        Assert.Equal(25, rendered.Count);
        Assert.All(rows, r => Assert.Equal(5, r!["components"]!.AsArray().Count));
        Assert.All(rendered, b => Assert.Equal((80, 100), (((string)b!["label"]!).Length, ((string)b["custom_id"]!).Length)));
        Assert.Empty(OpenApiSchemas.Validate("MessageCreateRequest", message.ToJsonString()));
    }

    [Fact]
    public void Render_TwelveButtons_FillRowsOfFive()
    {
        var buttons = Enumerable.Range(0, 12).Select(i => new ChatButton($"b{i}", new ButtonId($"id{i}"), ChatButtonStyle.Success, Disabled: true)).ToList();

        var rows = MessageRenderer.Render(new ChatReply("pick", Buttons: buttons))["components"]!.AsArray();

        Assert.Equal([5, 5, 2], rows.Select(r => r!["components"]!.AsArray().Count));
        Assert.Equal((3, true), ((int)rows[0]!["components"]![0]!["style"]!, (bool)rows[0]!["components"]![0]!["disabled"]!));
    }

    [Fact]
    public void Render_Ephemeral_SetsFlagOnlyWhereAllowed()
    {
        var reply = ChatReply.Private("psst");

        Assert.Equal(64, (int)MessageRenderer.Render(reply)["flags"]!);
        Assert.Null(MessageRenderer.Render(reply, allowEphemeral: false)["flags"]);
        Assert.Empty(MessageRenderer.Render(reply)["allowed_mentions"]!["parse"]!.AsArray());
    }

    [Fact]
    public void Truncate_DoesNotSplitSurrogatePairs()
    {
        var text = new string('a', 8) + "😀😀";

        var cut = MessageRenderer.Truncate(text, 10);

        Assert.Equal(new string('a', 8) + "…", cut);
    }

    private static int EmbedLength(JsonNode embed) =>
        (((string?)embed["title"])?.Length ?? 0) + (((string?)embed["description"])?.Length ?? 0) + (((string?)embed["footer"]?["text"])?.Length ?? 0)
        + embed["fields"]!.AsArray().Sum(f => ((string)f!["name"]!).Length + ((string)f["value"]!).Length);
}
