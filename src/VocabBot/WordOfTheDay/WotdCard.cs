using VocabBot.Content;
using VocabBot.Learning;
using VocabBot.Learning.Define;

namespace VocabBot.WordOfTheDay;

/// <summary>How a word of the day looks: the word's /define card, titled as the day's word, with two buttons.</summary>
public static class WotdCard
{
    public const string QuizButtonPrefix = "wotd-quiz:";
    public const string DefineButtonPrefix = "wotd-define:";
    public const string TitlePrefix = "📖 ";

    public static ChatReply Render(WordDocument word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var card = DefineCommand.Card([word]) with { Title = TitlePrefix + word.Headword, Footer = "Word of the day" };
        return new ChatReply(
            $"Word of the day: {word.Headword}",
            card,
            [
                new ChatButton("Quiz me", QuizButtonPrefix + word.Key, ChatButtonStyle.Primary),
                new ChatButton("Define", DefineButtonPrefix + word.Key),
            ]);
    }
}
