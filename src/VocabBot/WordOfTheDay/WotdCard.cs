using VocabBot.Chat;
using VocabBot.Content;
using VocabBot.Learning.Define;
using VocabBot.Learning.Quiz;

namespace VocabBot.WordOfTheDay;

/// <summary>How a word of the day looks: the word's /define card, titled as the day's word, with two buttons.</summary>
internal static class WotdCard
{
    public const string TitlePrefix = "📖 ";

    public static ChatReply Render(WordDocument word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var card = DefineCommand.Card([word]) with { Title = TitlePrefix + word.Headword, Footer = "Word of the day" };
        return new ChatReply(
            $"Word of the day: {word.Headword}",
            card,
            [
                new ChatButton("Quiz me", WordQuizButton.ButtonFor(word.Key), ChatButtonStyle.Primary),
                new ChatButton("Define", DefineCommand.ButtonFor(word.Key)),
            ]);
    }
}
