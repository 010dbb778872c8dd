using System.Globalization;
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
    public const string Heading = "The summary beside its correction, sentence by sentence (~~removed~~, **added**):";
    private const string Written = "Summary: ";
    private const string Fixed = "Corrected: ";
    private const string Unchanged = "(no change)";

    // Room kept in the card for the footer that says how many sentences were left out.
    private const int FooterRoom = 120;

    public static ChatReply Of(LibraryArticle article, string summary, string corrected)
    {
        ArgumentNullException.ThrowIfNull(article);
        var pairs = SentencePairs.Of(summary, corrected);
        var room = ChatLimits.CardTotal - Math.Min(article.Title.Length, ChatLimits.CardTitle) - FooterRoom;
        var fields = new List<ChatCardField>();
        foreach (var pair in pairs.Take(ChatLimits.Fields))
        {
            var field = Field(pair);
            room -= field.Name.Length + field.Value.Length;
            if (room < 0)
                break;
            fields.Add(field);
        }

        var changed = pairs.Count(p => p.Learner != p.Corrected);
        var footer = fields.Count == pairs.Count
            ? $"{Sentences(pairs.Count)}, {changed.ToString(CultureInfo.InvariantCulture)} corrected · {article.Id}"
            : $"Sentences 1–{fields.Count.ToString(CultureInfo.InvariantCulture)} of {pairs.Count.ToString(CultureInfo.InvariantCulture)} shown: the rest do not fit in one message; /article show has the whole text.";
        return new ChatReply(Heading, new ChatCard(article.Title, fields, Footer: footer, Url: article.Link));
    }

    private static ChatCardField Field(SentencePair pair)
    {
        var name = $"Sentence {pair.Number.ToString(CultureInfo.InvariantCulture)}";
        if (pair.Learner == pair.Corrected)
            return new(name, $"{Written}{ChatMarkup.EscapeWithin(pair.Learner, ChatLimits.FieldValue - Written.Length - Fixed.Length - Unchanged.Length - 1)}\n{Fixed}{Unchanged}");
        // Half the field for each line, as a rule; a short first line leaves the rest to the second.
        var learner = ChatMarkup.EscapeWithin(pair.Learner, (ChatLimits.FieldValue / 2) - Written.Length - 1);
        var diff = pair.Diff().Markup(ChatLimits.FieldValue - Written.Length - learner.Length - 1 - Fixed.Length);
        return new(name, $"{Written}{learner}\n{Fixed}{diff}");
    }

    private static string Sentences(int count) => count == 1 ? "1 sentence" : $"{count.ToString(CultureInfo.InvariantCulture)} sentences";
}
