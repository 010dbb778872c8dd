using VocabBot.Content;
using VocabBot.Learning;

namespace VocabBot.WordOfTheDay;

/// <summary>How a word of the day looks: a card with the word and its article, and two buttons.</summary>
public static class WotdCard
{
    public const string QuizButtonPrefix = "wotd-quiz:";
    public const string DefineButtonPrefix = "wotd-define:";

    public static ChatReply Render(WordDocument word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var fields = new List<ChatCardField>
        {
            new("IPA", Or(word.Ipa), Inline: true),
            new("Part of speech", Or(word.PartOfSpeech), Inline: true),
            new("Chinese", Or(string.Join("；", word.Chinese)), Inline: true),
            new("Example", Or(word.Example)),
        };
        if (word.Context is not null)
            fields.Add(new("From the article", word.Context));
        var article = word.ArticleDate is null ? word.ArticleTitle : $"{word.ArticleTitle} ({word.ArticleDate})";
        fields.Add(new("Article", word.ArticleLink is null ? article : $"[{article}]({word.ArticleLink})"));
        return new ChatReply(
            $"Word of the day: {word.Headword}",
            new ChatCard($"📖 {word.Headword}", fields, Footer: "Word of the day", Url: word.ArticleLink),
            [
                new ChatButton("Quiz me", QuizButtonPrefix + word.Key, ChatButtonStyle.Primary),
                new ChatButton("Define", DefineButtonPrefix + word.Key),
            ]);
    }

    private static string Or(string value) => value.Length == 0 ? "—" : value;
}
