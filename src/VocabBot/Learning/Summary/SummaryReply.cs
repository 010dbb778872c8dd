using System.Globalization;
using Microsoft.Extensions.Localization;
using VocabBot.Chat;
using VocabBot.Library;

namespace VocabBot.Learning.Summary;

/// <summary>
/// An article's summary beside its correction as a card: one field per sentence, the learner's words, then the
/// corrected ones with what was removed ~~struck~~ and what was added in **bold**. It keeps within what one reply can
/// hold (<see cref="ChatLimits"/>): a very long sentence is cut between words, sentences past the card's room are
/// left out, and the footer says so.
/// </summary>
internal static class SummaryReply
{
    // Room kept in the card for the footer that says how many sentences were left out.
    private const int FooterRoom = 120;

    /// <summary>The card in the current UI culture's language.</summary>
    public static ChatReply Of(IStringLocalizer<SummaryText> text, LibraryArticle article, string summary, string corrected)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(article);
        var pairs = SentencePairs.Of(summary, corrected);
        var room = ChatLimits.CardTotal - Math.Min(article.Title.Length, ChatLimits.CardTitle) - FooterRoom;
        var fields = new List<ChatCardField>();
        foreach (var pair in pairs.Take(ChatLimits.Fields))
        {
            var field = Field(text, pair);
            room -= field.Name.Length + field.Value.Length;
            if (room < 0)
                break;
            fields.Add(field);
        }

        var changed = pairs.Count(p => p.Learner != p.Corrected);
        var footer = fields.Count == pairs.Count
            ? text["FooterAll", text[pairs.Count == 1 ? "SentencesOne" : "SentencesMany", Number(pairs.Count)], Number(changed), article.Id]
            : text["FooterCut", Number(fields.Count), Number(pairs.Count)];
        return new ChatReply(text["Heading"], new ChatCard(article.Title, fields, Footer: footer, Url: article.Link));
    }

    private static ChatCardField Field(IStringLocalizer<SummaryText> text, SentencePair pair)
    {
        var (written, corrected, unchanged) = (text["Written"].Value, text["Fixed"].Value, text["Unchanged"].Value);
        var name = text["SentenceName", Number(pair.Number)];
        if (pair.Learner == pair.Corrected)
            return new(name, $"{written}{ChatMarkup.EscapeWithin(pair.Learner, ChatLimits.FieldValue - written.Length - corrected.Length - unchanged.Length - 1)}\n{corrected}{unchanged}");
        // Half the field for each line, as a rule; a short first line leaves the rest to the second.
        var learner = ChatMarkup.EscapeWithin(pair.Learner, (ChatLimits.FieldValue / 2) - written.Length - 1);
        var diff = pair.Diff().Markup(ChatLimits.FieldValue - written.Length - learner.Length - 1 - corrected.Length);
        return new(name, $"{written}{learner}\n{corrected}{diff}");
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
