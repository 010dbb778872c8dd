using Microsoft.Extensions.Localization;
using VocabBot.Chat;
using VocabBot.Content;
using VocabBot.Learning;
using VocabBot.Learning.Define;
using VocabBot.Learning.Quiz;

namespace VocabBot.WordOfTheDay;

/// <summary>How a word of the day looks: the word's /define card, titled as the day's word, with two buttons.</summary>
internal sealed class WotdCard(IStringLocalizer<WotdText> text, IStringLocalizer<LearningText> cardText)
{
    public const string TitlePrefix = "📖 ";

    /// <summary>The card in the current UI culture's language.</summary>
    public ChatReply Render(WordDocument word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var card = DefineCommand.Card(cardText, [word]) with { Title = TitlePrefix + word.Headword, Footer = text["CardFooter"] };
        return new ChatReply(
            text["CardText", word.Headword],
            card,
            [
                new ChatButton(text["QuizMeButton"], WordQuizButton.ButtonFor(word.Key), ChatButtonStyle.Primary),
                new ChatButton(text["DefineButton"], DefineCommand.ButtonFor(word.Key)),
            ]);
    }
}
